#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file-system path as raw bytes: names that are not valid UTF-8 must still be opened exactly as stored.
public struct RawPath: Hashable, Sendable, CustomStringConvertible {
    public let bytes: [UInt8]

    public init(bytes: [UInt8]) { self.bytes = bytes }
    public init(_ string: String) { self.bytes = Array(string.utf8) }

    /// The path with one more component appended.
    public func appending(_ name: [UInt8]) -> RawPath {
        var next = bytes
        if next.last != UInt8(ascii: "/") { next.append(UInt8(ascii: "/")) }
        next.append(contentsOf: name)
        return RawPath(bytes: next)
    }

    /// For messages: the path, with undecodable bytes replaced.
    public var description: String { String(decoding: bytes, as: UTF8.self) }

    /// Calls `body` with a NUL-terminated C string of the path.
    public func withCString<T>(_ body: (UnsafePointer<CChar>) throws -> T) rethrows -> T {
        var terminated = bytes.map { CChar(bitPattern: $0) }
        terminated.append(0)
        return try terminated.withUnsafeBufferPointer { try body($0.baseAddress!) }
    }

    /// `lstat` of the path: never follows a symlink.
    public func linkStatus() -> stat? {
        var info = stat()
        let result = withCString { lstat($0, &info) }
        return result == 0 ? info : nil
    }

    /// Glibc hides O_NOATIME behind _GNU_SOURCE; its value is 0o1000000 on every Linux architecture Swift runs on.
    #if os(Linux)
        static let noAccessTime: Int32 = 0o1000000
    #else
        static let noAccessTime: Int32 = 0
    #endif

    /// Opens the path for reading without following a symlink, without blocking on a FIFO and, where the
    /// kernel allows it, without touching the access time (input is read-only to every command).
    public func openForReading() -> Int32 {
        let flags = O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC
        let descriptor = withCString { open($0, flags | Self.noAccessTime) }
        if descriptor >= 0 || errno != EPERM { return descriptor }
        return withCString { open($0, flags) }
    }
}
