import DossierCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads files through `RawPath.openForReading`: no symlink followed, no FIFO blocking; whole (bounded in size),
/// a prefix, or in chunks.
public enum FileBytes {
    /// Why a file could not be read.
    public enum ReadError: Error, Equatable {
        case cannotOpen(errno: Int32)
        case readFailed(errno: Int32)
        case tooLarge(bytes: Int, limit: Int)

        /// The system's reason, in words (a file too large reads as `EFBIG`).
        public var reason: SystemReason {
            switch self {
            case .cannotOpen(let code), .readFailed(let code): SystemReason(code)
            case .tooLarge: SystemReason(EFBIG)
            }
        }
    }

    /// The whole file, refusing files larger than `limit` bytes.
    public static func readAll(_ path: RawPath, limit: Int) throws(ReadError) -> [UInt8] {
        let descriptor = path.openForReading()
        guard descriptor >= 0 else { throw .cannotOpen(errno: errno) }
        defer { close(descriptor) }
        var info = stat()
        let size = fstat(descriptor, &info) == 0 ? Int(info.st_size) : 0
        if size > limit { throw .tooLarge(bytes: size, limit: limit) }
        var result = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            let count = result.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + filled, size - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw .readFailed(errno: errno)
            }
            if count == 0 { break }
            filled += count
        }
        if filled < size { result.removeSubrange(filled...) }
        return result
    }

    /// The first `count` bytes (fewer when the file is shorter), or nil when it cannot be opened.
    public static func readPrefix(_ path: RawPath, count: Int) -> [UInt8]? {
        let descriptor = path.openForReading()
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: count)
        let got = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, count) }
        guard got >= 0 else { return nil }
        return Array(buffer.prefix(got))
    }

    /// Gives the file to `consume` in chunks of 1 MiB (the last one shorter), in order. A failure to open or read
    /// throws `ReadError`; what `consume` throws passes through.
    public static func readChunks(_ path: RawPath, _ consume: ([UInt8]) throws -> Void) throws {
        let descriptor = path.openForReading()
        guard descriptor >= 0 else { throw ReadError.cannotOpen(errno: errno) }
        defer { close(descriptor) }
        // Each chunk is a new array, read into without zero-filling: a consumer that keeps a chunk (the seal's
        // hashing queue, a photo's bytes) keeps its own, and no chunk is copied to make room for the next.
        while true {
            var failure: Int32 = 0
            let chunk = [UInt8](unsafeUninitializedCapacity: 1 << 20) { buffer, initialized in
                while true {
                    let count = read(descriptor, buffer.baseAddress, buffer.count)
                    if count < 0 && errno == EINTR { continue }
                    if count < 0 { failure = errno }
                    initialized = max(0, count)
                    return
                }
            }
            if failure != 0 { throw ReadError.readFailed(errno: failure) }
            if chunk.isEmpty { return }
            try consume(chunk)
        }
    }
}
