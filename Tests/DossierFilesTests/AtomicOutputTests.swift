import DossierCore
import DossierFiles
import DossierTestSupport
import Foundation
import Testing

@Suite struct AtomicOutputTests {
    /// A report written over an older one replaces it whole, and no temporary file stays beside it.
    @Test func bytesReplaceTheFileAndLeaveNothingElse() throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("report.json").path
        try AtomicOutput.write(Array("old, and longer".utf8), to: path)
        try AtomicOutput.write(Array("new".utf8), to: path)
        #expect(FileManager.default.contents(atPath: path) == Data("new".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["report.json"])
    }

    /// A folder that is not there: the failure names the folder and the system's reason, and nothing is written.
    @Test func aMissingFolderIsAFailureWithItsReason() throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("missing/report.json").path
        #expect(throws: AtomicOutput.Failure.self) { try AtomicOutput.write([1, 2, 3], to: path) }
        do {
            try AtomicOutput.write([1, 2, 3], to: path)
        } catch {
            #expect(error.reason == SystemReason(ENOENT))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
    }

    /// When the body fails, its error passes through and the temporary file is removed.
    @Test func aFailingBodyLeavesNothing() throws {
        struct Stop: Error {}
        let folder = try TemporaryFolder()
        #expect(throws: Stop.self) {
            _ = try AtomicOutput.write(in: folder.url.path, destination: { _ in "never" }) { descriptor -> Int in
                try AtomicOutput.writeAll([1, 2, 3], to: descriptor)
                throw Stop()
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
    }
}
