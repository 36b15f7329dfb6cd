import CZlibShim
import DossierFiles
import Foundation

/// Raw-deflate decompression with zlib; the z_stream stays at one address while in use.
final class Inflater {
    private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    private(set) var finished = false

    init() throws {
        stream.initialize(to: z_stream())
        guard CZlibShim_inflateInit2(stream, -15) == Z_OK else {
            stream.deallocate()
            throw ZipError.corrupt("zlib could not start")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
    }

    func inflate(_ input: [UInt8], finish: Bool, entry: String, _ deliver: ([UInt8]) throws -> Void) throws {
        var output = [UInt8](repeating: 0, count: 1 << 18)
        try input.withUnsafeBufferPointer { inputBuffer in
            stream.pointee.next_in = UnsafeMutablePointer(mutating: inputBuffer.baseAddress)
            stream.pointee.avail_in = uInt(inputBuffer.count)
            repeat {
                let status = output.withUnsafeMutableBufferPointer { outputBuffer -> Int32 in
                    stream.pointee.next_out = outputBuffer.baseAddress
                    stream.pointee.avail_out = uInt(outputBuffer.count)
                    return CZlibShim_inflate(stream)
                }
                let made = output.count - Int(stream.pointee.avail_out)
                if made > 0 { try deliver(Array(output.prefix(made))) }
                if status == Z_STREAM_END {
                    finished = true
                    return
                }
                guard status == Z_OK || status == Z_BUF_ERROR else {
                    throw ZipError.corrupt("\(entry): bad compressed data")
                }
                if status == Z_BUF_ERROR && stream.pointee.avail_in == 0 { return }
            } while stream.pointee.avail_in > 0 || stream.pointee.avail_out == 0
        }
        stream.pointee.next_in = nil
    }
}
