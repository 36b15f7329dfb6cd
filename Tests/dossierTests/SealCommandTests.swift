import DossierTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The `seal` command stopped as `kill` would: what it leaves behind.
@Suite struct SealCommandTests {
    @Test func aKilledSealLeavesNoZip() throws {
        let folder = try TemporaryFolder()
        let unit = try folder.copy(ofSample: "valid")
        // A large stray file (sparse: no disk used; only a LAYOUT-UNKNOWN-FILE warning) makes the seal last long
        // enough to be interrupted.
        let stray = unit.appendingPathComponent("张三/原始素材.bin").path
        #expect(FileManager.default.createFile(atPath: stray, contents: nil))
        #expect(truncate(stray, 1 << 30) == 0)
        let output = folder.url.appendingPathComponent("out").path
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = Repository.binary
        process.arguments = ["seal", unit.path, "-o", output + "/sealed.zip", "--as-of", "2021-06-18", "--no-progress"]
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        try process.run()
        // Once the temporary file exists, the seal is writing: stop it as `kill` would.
        for _ in 0..<200 where (try? FileManager.default.contentsOfDirectory(atPath: output))?.isEmpty ?? true {
            usleep(10_000)
        }
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(try FileManager.default.contentsOfDirectory(atPath: output).isEmpty)
    }
}
