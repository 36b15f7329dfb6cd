import DossierCore
import DossierFiles
import DossierInspect
import DossierRules
import DossierTestSupport
import Foundation
import Testing

/// The picture checks read their thresholds from `pictures.yaml` and never pass silently. The photographs are the
/// samples' (Samples/valid: scikit-image's astronaut on a plain background; Samples/picture-problems).
@Suite struct PictureChecksTests {
    private func findings(_ ruleSet: RuleSet, sample: String = "valid") throws -> [Finding] {
        let unit = try #require(Repository.unitFolder(ofSample: sample))
        return try Checker(ruleSet: ruleSet, options: CheckOptions(asOf: "2021-06-01"))
            .check(bundle: RawPath(unit.path), displayPath: sample).findings
    }

    @Test func missingCascadesAreAFindingThatNamesThem() throws {
        var ruleSet = try Repository.ruleSet()
        ruleSet.pictures.faces.cascadeFolders = ["/nonexistent/haarcascades"]
        ruleSet.pictures.faces.frontal = "no-such-cascade.xml"
        let finding = try #require(try findings(ruleSet).first { $0.rule == .photoIDFace })
        #expect(finding.path == "张三/张三1.jpg")
        #expect(finding.message.contains("no-such-cascade.xml"))
        #expect(finding.data?["missing"]?.description.contains("/nonexistent/haarcascades") == true)
    }

    @Test func theFramingThresholdsComeFromTheRuleSet() throws {
        var ruleSet = try Repository.ruleSet()
        #expect(try findings(ruleSet).filter { $0.rule == .photoIDFraming }.isEmpty)
        ruleSet.pictures.framing.minimumFaceWidth = 0.7
        let finding = try #require(try findings(ruleSet).first { $0.rule == .photoIDFraming })
        #expect(finding.data?["minimumFaceWidth"] == .double(0.7))
        ruleSet.pictures.framing.minimumFaceWidth = 0.1
        ruleSet.pictures.framing.maximumFaceWidth = 0.2
        #expect(try findings(ruleSet).first { $0.rule == .photoIDFraming }?.data?["maximumFaceWidth"] == .double(0.2))
    }

    @Test func theBacklightAndExposureThresholdsComeFromTheRuleSet() throws {
        var ruleSet = try Repository.ruleSet()
        ruleSet.pictures.backlight.minimumBackgroundMean = 0
        ruleSet.pictures.backlight.maximumSubjectRatio = 1
        // With no bar at all, the ID photo's face is “darker” than its background or not: the rule now judges it.
        let backlit = try findings(ruleSet).filter { $0.rule == .photoBacklit }
        #expect(backlit.allSatisfy { $0.data?["subjectMean"] != nil })
        ruleSet = try Repository.ruleSet()
        ruleSet.pictures.exposure.minimumPictureFraction = 0
        ruleSet.pictures.exposure.minimumSubjectFraction = 0
        #expect(!(try findings(ruleSet).filter { $0.rule == .photoExposure }.isEmpty))
    }

    @Test func aSecondSmallFaceIsNotASecondPerson() throws {
        var ruleSet = try Repository.ruleSet()
        ruleSet.pictures.faces.companionMinimumRatio = 1.1
        // No face reaches 110 % of the largest: the group photo's second face no longer counts.
        #expect(
            try findings(ruleSet, sample: "picture-problems").filter { $0.rule == .photoIDFace }.isEmpty)
    }

    @Test func aRuleSetCanTurnFacesAndVideoFramesOff() throws {
        // `pictures.measure`: a campaign whose notice asks nothing of what its pictures show (and the benchmark's
        // check without the picture checks). Faces off: no PHOTO-ID- rule fires on picture-problems (a group, a
        // profile, a tiny face), while the photos' light is still judged. Video frames off: frames/backlit.mp4 in
        // place of 张三's clip is not decoded (no VIDEO-BACKLIT, no poster).
        let idRules: Set<RuleID> = [.photoIDFace, .photoIDPose, .photoIDFraming, .photoIDBackground]
        var ruleSet = try Repository.ruleSet()
        #expect(ruleSet.pictures.measure.faces && ruleSet.pictures.measure.videoFrames)
        #expect(try findings(ruleSet, sample: "picture-problems").contains { idRules.contains($0.rule) })
        ruleSet.pictures.measure.faces = false
        let withoutFaces = try findings(ruleSet, sample: "picture-problems")
        #expect(!withoutFaces.contains { idRules.contains($0.rule) }, "\(withoutFaces.map(\.rule))")
        #expect(
            withoutFaces.contains { $0.rule == .photoBacklit } && withoutFaces.contains { $0.rule == .photoExposure })

        let folder = try TemporaryFolder()
        let unit = try folder.copy(ofSample: "valid")
        try Data(contentsOf: Repository.videoFixtures.appendingPathComponent("frames/backlit.mp4"))
            .write(to: unit.appendingPathComponent("张三/张三1.mp4"))
        func check(_ ruleSet: RuleSet) throws -> BundleReport {
            var options = CheckOptions(asOf: "2021-06-01")
            options.thumbnails = true
            return try Checker(ruleSet: ruleSet, options: options).check(
                bundle: RawPath(unit.path), displayPath: "valid")
        }
        ruleSet = try Repository.ruleSet()
        let measured = try check(ruleSet)
        #expect(measured.findings.contains { $0.rule == .videoBacklit && $0.path == "张三/张三1.mp4" })
        #expect(measured.thumbnails["张三/张三1.mp4"] != nil)
        ruleSet.pictures.measure.videoFrames = false
        let unmeasured = try check(ruleSet)
        let frameRules: Set<RuleID> = [.videoBacklit, .videoExposure, .videoBlank, .videoCorrupt]
        #expect(!unmeasured.findings.contains { $0.path == "张三/张三1.mp4" && frameRules.contains($0.rule) })
        #expect(unmeasured.thumbnails["张三/张三1.mp4"] == nil)
    }

    @Test(arguments: [
        ("maximumFaceWidth: 0.8", "maximumFaceWidth: 0.1", "pictures.framing.maximumFaceWidth"),
        // The coarse search must be coarser than the finer one, the eyes' face wide enough for an eye to be seen.
        ("quickShortSide: 96", "quickShortSide: 200", "pictures.faces.quickShortSide"),
        ("eyeSearchFaceWidth: 100", "eyeSearchFaceWidth: 20", "pictures.faces.eyeSearchFaceWidth"),
    ])
    func badPictureRulesAreRefusedWithTheirKeyPath(_ original: String, _ changed: String, _ keyPath: String) throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("pictures.yaml").path
        let text = try String(contentsOfFile: Repository.rules + "/pictures.yaml", encoding: .utf8)
        #expect(text.contains(original))
        try text.replacingOccurrences(of: original, with: changed).write(
            toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: RuleSetError.self) { try RuleSetLint.lint(file: path) }
        do {
            try RuleSetLint.lint(file: path)
        } catch {
            #expect(error.keyPath == keyPath)
        }
    }
}
