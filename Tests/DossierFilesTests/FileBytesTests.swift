import DossierCore
import DossierFiles
import DossierTestSupport
import Foundation
import Testing

@Suite struct FileBytesTests {
    /// A file read in chunks gives its bytes in order, in chunks of 1 MiB and a shorter last one.
    @Test func chunksGiveTheWholeFileInOrder() throws {
        let folder = try TemporaryFolder()
        let file = folder.url.appendingPathComponent("data.bin")
        let bytes = (0..<((1 << 20) * 2 + 10)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try Data(bytes).write(to: file)
        var read: [UInt8] = []
        var sizes: [Int] = []
        try FileBytes.readChunks(RawPath(file.path)) { chunk in
            read += chunk
            sizes.append(chunk.count)
        }
        #expect(read == bytes)
        #expect(sizes == [1 << 20, 1 << 20, 10])
    }

    /// A file that is not there is a read error whose reason the user can read.
    @Test func aMissingFileIsAReadError() throws {
        let folder = try TemporaryFolder()
        let path = RawPath(folder.url.appendingPathComponent("gone.bin").path)
        #expect(throws: FileBytes.ReadError.cannotOpen(errno: ENOENT)) { try FileBytes.readChunks(path) { _ in } }
        #expect(FileBytes.ReadError.cannotOpen(errno: ENOENT).reason == SystemReason(ENOENT))
    }
}
