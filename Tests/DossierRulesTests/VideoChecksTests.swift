import DossierCore
import DossierFiles
import DossierInspect
import DossierRules
import DossierTestSupport
import Foundation
import Testing

/// Impossible videos in a bundle are findings with words a clerk can act on, and the check goes on with every
/// other file.
@Suite struct VideoChecksTests {
    /// A copy of the valid sample with 张三3–6.mp4 made from 张三1.mp4 by `HostileVideo`, checked in `language`.
    private func checkWithHostileVideos(language: Language = .zh) throws -> BundleReport {
        let folder = try TemporaryFolder()
        let unit = try folder.copy(ofSample: "valid")
        let person = unit.appendingPathComponent("张三")
        let original = Array(try Data(contentsOf: person.appendingPathComponent("张三1.mp4")))
        let hostile: [(Int, HostileVideo)] = [(3, .hugeMediaData), (4, .zeroTimescale), (5, .tilted), (6, .coded1088)]
        for (number, video) in hostile {
            try Data(try video.make(from: original)).write(to: person.appendingPathComponent("张三\(number).mp4"))
        }
        return try Checker(ruleSet: Repository.ruleSet(), options: CheckOptions(language: language, asOf: "2021-06-01"))
            .check(bundle: RawPath(unit.path), displayPath: unit.lastPathComponent)
    }

    @Test func impossibleVideosAreFindingsAndTheCheckGoesOn() throws {
        let report = try checkWithHostileVideos()
        #expect(
            Set(report.findings.map { "\($0.rule) \($0.path)" }) == [
                "VIDEO-CORRUPT 张三/张三3.mp4", "VIDEO-CORRUPT 张三/张三4.mp4", "VIDEO-RESOLUTION 张三/张三5.mp4",
            ])
        let timescale = try #require(report.findings.first { $0.path == "张三/张三4.mp4" })
        #expect(timescale.message.contains("时间刻度为 0") && timescale.hint.contains("重新导出"))
        #expect(timescale.data?["box"] == .string("mdhd"))
        let tilted = try #require(report.findings.first { $0.path == "张三/张三5.mp4" })
        #expect(tilted.message.contains("45°") && tilted.data?["rotation"] == .int(45))
        // Every other file was read: the photos decoded, the MOV and the camera-style clip measured.
        let files = Dictionary(report.files.map { ($0.path, $0) }) { first, _ in first }
        #expect(files["张三/张三2.mov"]?.video?.displayHeight == 1920)
        #expect(files["张三/张三6.mp4"]?.video?.height == 1080)
        let photos = report.files.filter { $0.kind == .photo }
        #expect(!photos.isEmpty && photos.allSatisfy { $0.jpeg != nil })
    }

    @Test func theWordsComeInEnglishToo() throws {
        let report = try checkWithHostileVideos(language: .en)
        let timescale = try #require(report.findings.first { $0.path == "张三/张三4.mp4" })
        #expect(
            timescale.message
                == "The video's timing is invalid (the time scale in mdhd is 0), so its length cannot be known.")
        let tilted = try #require(report.findings.first { $0.path == "张三/张三5.mp4" })
        #expect(tilted.message.hasPrefix("The video is turned 45°"))
    }
}
