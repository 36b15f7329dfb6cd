import CZlibShim
import DossierCore

/// Raw deflate (level 6) with zlib; the z_stream stays at one address while in use.
final class Deflater {
    private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)

    init() throws {
        stream.initialize(to: z_stream())
        guard CZlibShim_deflateInit2(stream, 6, -15) == Z_OK else {
            stream.deallocate()
            throw PackingError.compressionFailed
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deallocate()
    }

    func deflate(_ input: [UInt8], finish: Bool, _ emit: ([UInt8]) throws -> Void) throws {
        var output = [UInt8](repeating: 0, count: 1 << 18)
        try input.withUnsafeBufferPointer { inputBuffer in
            stream.pointee.next_in = UnsafeMutablePointer(mutating: inputBuffer.baseAddress)
            stream.pointee.avail_in = uInt(inputBuffer.count)
            while true {
                let status = output.withUnsafeMutableBufferPointer { outputBuffer -> Int32 in
                    stream.pointee.next_out = outputBuffer.baseAddress
                    stream.pointee.avail_out = uInt(outputBuffer.count)
                    return CZlibShim_deflate(stream, finish ? Z_FINISH : Z_NO_FLUSH)
                }
                let made = output.count - Int(stream.pointee.avail_out)
                if made > 0 { try emit(Array(output.prefix(made))) }
                if status == Z_STREAM_END { return }
                guard status == Z_OK || status == Z_BUF_ERROR else { throw PackingError.compressionFailed }
                if !finish && stream.pointee.avail_in == 0 && stream.pointee.avail_out > 0 { return }
            }
        }
        stream.pointee.next_in = nil
    }
}
