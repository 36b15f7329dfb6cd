import DossierFiles
import DossierTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Scratch files have no name: nothing is left in their folder, whatever ends the process.
@Suite struct ScratchFileTests {
    @Test func anUnnamedFileInTheCacheFolderReadsBackWhatWasWritten() throws {
        let home = try TemporaryFolder()
        let descriptor = try #require(ScratchFile.anonymous(environment: ["XDG_CACHE_HOME": home.url.path]))
        defer { close(descriptor) }
        try AtomicOutput.writeAll(Array("scratch".utf8), to: descriptor)
        var back = [UInt8](repeating: 0, count: 7)
        #expect(pread(descriptor, &back, 7, 0) == 7 && back == Array("scratch".utf8))
        let folder = home.url.appendingPathComponent("dossier").path
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test func aCacheFolderThatCannotBeMadeFallsBackToTheTemporaryFolder() throws {
        let home = try TemporaryFolder()
        let blocker = home.url.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        let descriptor = try #require(ScratchFile.anonymous(environment: ["XDG_CACHE_HOME": blocker.path]))
        close(descriptor)
    }
}
