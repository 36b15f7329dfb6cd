import DossierFiles
import DossierInspect
import DossierPacking
import DossierTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct ZipWriterTests {
    /// Writes entries with dossier's writer and reads them back with its reader.
    private func roundTrip(_ entries: [(String, [UInt8], Bool)]) throws -> ZipArchive {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("t.zip").path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let writer = ZipWriter(descriptor: descriptor, year: 2021, month: 6, day: 18)
        for (name, bytes, compress) in entries { try writer.add(name: name, bytes: bytes, compress: compress) }
        try writer.finish()
        close(descriptor)
        return try ZipArchive(RawPath(path))
    }

    @Test func storedAndDeflatedEntriesComeBackWhole() throws {
        let text = Array(String(repeating: "最美科技工作者 ", count: 5000).utf8)
        let random = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }
        let archive = try roundTrip([("a/文本.txt", text, true), ("a/数据.bin", random, false), ("a/空.txt", [], true)])
        #expect(archive.entries.map(\.name) == ["a/文本.txt", "a/数据.bin", "a/空.txt"])
        #expect(try archive.contents(archive.entries[0], limit: 1 << 20) == text)
        #expect(archive.entries[0].compressedSize.value < UInt64(text.count) / 10)
        #expect(try archive.contents(archive.entries[1], limit: 1 << 20) == random)
        #expect(try archive.contents(archive.entries[2], limit: 1 << 20).isEmpty)
    }

    @Test func manyEntriesUseZIP64Records() throws {
        let entries = (0..<70_000).map { ("d/\($0).txt", [UInt8]("\($0)".utf8), false) }
        let archive = try roundTrip(entries)
        #expect(archive.entries.count == 70_000)
        #expect(archive.entries.last?.name == "d/69999.txt")
        #expect(try archive.contents(archive.entries[65_600], limit: 100) == Array("65600".utf8))
    }

}
