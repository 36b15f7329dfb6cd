import DossierTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The `seal` command stopped as `kill` would: what it leaves behind.
@Suite struct SealCommandTests {
    /// `dossier seal` of a copy of the valid sample into `output`, started and found writing (its temporary file
    /// exists, or `tries` × 10 ms have passed). A sparse stray file of `strayBytes` (no disk used; only a
    /// LAYOUT-UNKNOWN-FILE warning) makes it last long enough to be stopped; its path is returned to remove it.
    private func startSeal(of unit: URL, into output: String, strayBytes: off_t, tries: Int) throws -> (Process, String)
    {
        let stray = unit.appendingPathComponent("张三/原始素材.bin").path
        #expect(FileManager.default.createFile(atPath: stray, contents: nil))
        #expect(truncate(stray, strayBytes) == 0)
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = Repository.binary
        process.arguments = ["seal", unit.path, "-o", output + "/sealed.zip", "--as-of", "2021-06-18", "--no-progress"]
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        try process.run()
        for _ in 0..<tries where (try? FileManager.default.contentsOfDirectory(atPath: output))?.isEmpty ?? true {
            usleep(10_000)
        }
        return (process, stray)
    }

    @Test func aKilledSealLeavesNoZip() throws {
        let folder = try TemporaryFolder()
        let output = folder.url.appendingPathComponent("out").path
        let (process, _) = try startSeal(
            of: try folder.copy(ofSample: "valid"), into: output, strayBytes: 1 << 30, tries: 200)
        // The seal is writing: stop it as `kill` would.
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(try FileManager.default.contentsOfDirectory(atPath: output).isEmpty)
    }

    /// The real thing: a seal killed with SIGKILL (no handler runs) leaves its temporary file; the next seal into
    /// the same folder removes it.
    @Test func whatKillNineLeavesIsRemovedByTheNextSeal() throws {
        let folder = try TemporaryFolder()
        let unit = try folder.copy(ofSample: "valid")
        let output = folder.url.appendingPathComponent("out").path
        let (process, stray) = try startSeal(of: unit, into: output, strayBytes: 512 << 20, tries: 500)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let left = try FileManager.default.contentsOfDirectory(atPath: output)
        #expect(left.count == 1 && left.allSatisfy { $0.hasSuffix(".partial") })
        try FileManager.default.removeItem(atPath: stray)
        let next = try CommandRunner.run(
            Repository.binary.path,
            ["seal", unit.path, "-o", output + "/sealed.zip", "--as-of", "2021-06-18", "--no-progress"])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: output) == ["sealed.zip"])
    }
}
