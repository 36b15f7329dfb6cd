import DossierBundles
import DossierCore
import DossierRules
import DossierTestSupport
import Foundation
import Testing

/// A video deflated in a zip (as zip tools store everything) is read forward only; FFmpeg seeks, so it is inflated
/// into a scratch file on disk (not into memory: a check of such a zip of 100 MB videos peaked at 212 MB), up to
/// the rule set's `maximumInflatedBytes`; past it, the report says the frames were not looked at.
@Suite struct DeflatedVideoFramesTests {
    @Test func aDeflatedVideoIsSampledFromAScratchFileOrSaidSkipped() throws {
        let folder = try TemporaryFolder()
        let zip = try PlainZipSample.make(gbk: false, in: folder)
        var ruleSet = try Repository.ruleSet()
        var options = CheckOptions(asOf: "2021-06-01")
        options.thumbnails = true
        let sampled = ZipInput.check(zip, checker: Checker(ruleSet: ruleSet, options: options))
        #expect(!sampled.findings.contains { $0.rule == .videoCorrupt }, "\(sampled.findings)")
        // The poster of each video comes from its frames, decoded from the scratch file.
        for video in ["张三/张三1.mp4", "张三/张三2.mov"] {
            #expect(
                sampled.thumbnails[video]?.starts(with: [0xFF, 0xD8]) == true,
                "\(video) \(sampled.thumbnails.keys.sorted())")
        }

        ruleSet.pictures.videoFrames.maximumInflatedBytes = 1_000
        let skipped = ZipInput.check(zip, checker: Checker(ruleSet: ruleSet, options: options))
        let findings = skipped.findings.filter { $0.rule == .videoCorrupt }
        #expect(findings.count == 2 && findings.allSatisfy { $0.severity == .notice }, "\(findings)")
        let finding = try #require(findings.first)
        #expect(finding.message.contains("没能解压") && finding.message.contains("over 1000 to inflate"))
        #expect(skipped.thumbnails["张三/张三1.mp4"] == nil)
    }
}

/// A zip's report keeps the contact sheet's pictures when they are asked for, plain or sealed (both were dropped).
@Suite struct ZipThumbnailsTests {
    @Test func plainAndSealedZipsKeepTheirThumbnails() throws {
        let folder = try TemporaryFolder()
        let ruleSet = try Repository.ruleSet()
        var options = CheckOptions(asOf: "2021-06-18")
        options.thumbnails = true
        let checker = Checker(ruleSet: ruleSet, options: options)
        let (sealed, _) = try SealedSample.sealValid(in: folder, ruleSet: ruleSet)
        let plain = try PlainZipSample.make(gbk: false, in: folder)
        for zip in [sealed, plain] {
            let report = ZipInput.check(zip, checker: checker)
            let photos = report.files.filter { $0.kind == .photo }.map(\.path)
            #expect(!photos.isEmpty)
            #expect(photos.allSatisfy { report.thumbnails[$0]?.starts(with: [0xFF, 0xD8]) == true }, "\(zip)")
        }
        // Not asked for: none.
        let without = ZipInput.check(
            sealed, checker: Checker(ruleSet: ruleSet, options: CheckOptions(asOf: "2021-06-18")))
        #expect(without.thumbnails.isEmpty)
    }
}
