import DossierFiles

#if canImport(Glibc)
    import Glibc
#endif

/// Bytes in memory, read like a file (an Office document is a zip held in memory).
public final class MemoryRandomAccess: RandomAccess {
    public let bytes: [UInt8]
    public private(set) var bytesRead: UInt64 = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public var size: UInt64 { UInt64(bytes.count) }

    public func read(at offset: UInt64, count: Int) -> [UInt8]? {
        guard count >= 0, offset <= size, UInt64(count) <= size - offset else { return nil }
        bytesRead += UInt64(count)
        return Array(bytes[Int(offset)..<(Int(offset) + count)])
    }
}
