import DossierCore
import DossierKit
import DossierRules
import DossierSeal
import DossierTestSupport
import Foundation
import Testing

private func library() throws -> DossierLibrary { try DossierLibrary(rules: Repository.rules) }

private let options = CheckOptions(asOf: "2021-06-18")

/// The names in `folder`, sorted.
private func names(in folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
}

@Suite struct DossierLibraryTests {
    @Test func checksAFolderAndAFolderOfFolders() throws {
        let library = try library()
        let folder = try TemporaryFolder()
        _ = try folder.copy(ofSample: "valid")
        _ = try folder.copy(ofSample: "photo-problems")
        let report = try library.check([folder.url.path], options: options)
        #expect(report.bundles.count == 2)
        #expect(report.summary.verdict == .fail)
        let valid = try library.check([Repository.unitFolder(ofSample: "valid")!.path], options: options)
        #expect(valid.bundles.count == 1)
        #expect(valid.summary.verdict == .pass)
    }

    @Test func aMissingPathIsAnErrorNotAReport() throws {
        #expect(throws: CheckError.missingPath("/nonexistent/unit")) {
            try library().check(["/nonexistent/unit"], options: options)
        }
        #expect(throws: CheckError.missingPath("/nonexistent/a.zip")) {
            try library().verify(["/nonexistent/a.zip"], fingerprint: nil, options: options)
        }
    }

    @Test func progressIsToldAndACheckCancelledMidwayThrows() throws {
        let library = try library()
        let unit = Repository.unitFolder(ofSample: "valid")!.path
        let told = Tally()
        _ = try library.check([unit], options: options, progress: { _ in told.add() })
        #expect(told.count > 0)

        let cancellation = Cancellation()
        #expect(throws: CheckError.cancelled) {
            try library.check(
                [unit], options: options, progress: { _ in cancellation.cancel() }, cancellation: cancellation)
        }
        #expect(throws: CheckError.cancelled) {
            try library.check([unit], options: options, cancellation: cancelled())
        }
    }

    @Test func aSealCancelledWhileCopyingLeavesNothingBehind() throws {
        let library = try library()
        let folder = try TemporaryFolder()
        let unit = try folder.copy(ofSample: "valid")
        let out = folder.url.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let cancellation = Cancellation()
        #expect(throws: CheckError.cancelled) {
            try library.seal(
                unit.path, to: out.appendingPathComponent("sealed.zip").path, options: options,
                progress: { done in if done.bytes > 0 { cancellation.cancel() } }, cancellation: cancellation)
        }
        #expect(try names(in: out) == [])
    }

    @Test func aFolderThatChangesWhileSealedIsNotSealed() throws {
        let library = try library()
        let folder = try TemporaryFolder()
        let unit = try folder.copy(ofSample: "valid")
        let out = folder.url.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let added = unit.appendingPathComponent("后来放进来的说明.txt")
        #expect(throws: SealError.self) {
            try library.seal(
                unit.path, to: out.appendingPathComponent("sealed.zip").path, options: options,
                progress: { done in
                    if done.bytes > 0 && !FileManager.default.fileExists(atPath: added.path) {
                        FileManager.default.createFile(atPath: added.path, contents: Data("新文件".utf8))
                    }
                })
        }
        #expect(try names(in: out) == [])
    }

    @Test func sealThenVerifyWithThePapersFingerprint() throws {
        let library = try library()
        let folder = try TemporaryFolder()
        let unit = try folder.copy(ofSample: "valid")
        let zip = folder.url.appendingPathComponent("sealed.zip").path
        guard
            case .sealed(let path, let fingerprint, let report) = try library.seal(unit.path, to: zip, options: options)
        else {
            Issue.record("the valid sample was not sealed")
            return
        }
        #expect(path == zip)
        #expect(report.bundles.first?.seal?.fingerprint == fingerprint.description)
        let verified = try library.verify([zip], fingerprint: fingerprint.description, options: options)
        #expect(verified.summary.verdict == .pass)
        let wrong = try library.verify([zip], fingerprint: "0000-0000-0000-0000", options: options)
        #expect(wrong.summary.verdict == .fail)
    }

    @Test func aFailingFolderIsRefusedWithItsReport() throws {
        let library = try library()
        let folder = try TemporaryFolder()
        let unit = try folder.copy(ofSample: "photo-problems")
        guard case .refused(let report) = try library.seal(unit.path, to: nil, options: options) else {
            Issue.record("a folder with errors was sealed")
            return
        }
        #expect(report.summary.verdict == .fail)
        #expect(try names(in: folder.url) == [unit.lastPathComponent])
    }

    @Test func everyFormatRendersTheSameReport() throws {
        let library = try library()
        let report = try library.check([Repository.unitFolder(ofSample: "valid")!.path], options: options)
        for format in DossierLibrary.formats {
            let text = try library.render(report, format: format, language: .en)
            #expect(!text.isEmpty, "\(format)")
        }
        #expect(throws: LibraryError.unknownFormat("pdf")) { try library.render(report, format: "pdf", language: .zh) }
    }

    @Test func inspectMeasuresSingleFiles() throws {
        let library = try library()
        let photo = Repository.unitFolder(ofSample: "valid")!.appendingPathComponent("张三/张三2.jpg").path
        let results = try library.inspect([photo])
        #expect(results.first?.entry.jpeg?.decodes == true)
        let json = try library.render(results, format: "json", language: .zh)
        #expect(json.contains("\"schemaVersion\""))
        #expect(try library.render(results, format: "text", language: .zh).contains("完整解码"))
        #expect(throws: (any Error).self) { try library.inspect(["/nonexistent.jpg"]) }
    }

    @Test func rulesAreListedAndExplained() throws {
        let library = try library()
        #expect(library.ruleCatalogue(format: "text", language: .en).contains("PHOTO-SIZE"))
        #expect(library.ruleCatalogue(format: "markdown", language: .zh).hasPrefix("<!-- Generated"))
        #expect(try library.explain(rule: "photo-size", language: .en).hasPrefix("PHOTO-SIZE"))
        #expect(throws: LibraryError.noSuchRule("NO-SUCH", "zuimei-2021")) {
            try library.explain(rule: "NO-SUCH", language: .en)
        }
    }

    @Test func aRuleSetThatDoesNotLoadIsAnError() throws {
        let folder = try TemporaryFolder()
        #expect(throws: (any Error).self) { try DossierLibrary(rules: folder.url.path) }
    }

    @Test func outputsAreWrittenWholeAndNeverInsideAnInput() throws {
        let folder = try TemporaryFolder()
        let unit = try folder.copy(ofSample: "valid")
        let inside = unit.appendingPathComponent("report.txt").path
        #expect(throws: LibraryError.outputInsideInput(inside, unit.path)) {
            try DossierLibrary.write("x", to: inside, inputs: [unit.path])
        }
        #expect(!FileManager.default.fileExists(atPath: inside))
        let outside = folder.url.appendingPathComponent("report.txt").path
        try DossierLibrary.write("报告", to: outside, inputs: [unit.path])
        #expect(try String(contentsOfFile: outside, encoding: .utf8) == "报告")
    }

    @Test func makesANewFolderFromTheTemplates() throws {
        let library = try library()
        let folder = try TemporaryFolder()
        let target = folder.url.appendingPathComponent("新单位").path
        let files = try library.makeFolder(target, unit: "新单位")
        #expect(!files.isEmpty)
        #expect(throws: (any Error).self) { try library.makeFolder(target, unit: "新单位") }
    }
}

/// A cancellation already cancelled.
private func cancelled() -> Cancellation {
    let cancellation = Cancellation()
    cancellation.cancel()
    return cancellation
}

/// Counts calls from any thread.
private final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var calls = 0

    func add() {
        lock.lock()
        calls += 1
        lock.unlock()
    }

    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return calls
    }
}
