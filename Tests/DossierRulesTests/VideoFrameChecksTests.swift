import DossierCore
import DossierRules
import DossierTestSupport
import Foundation
import Testing

/// What the frames of a video show, judged as photos are, and what `--deep` finds, each finding naming the decoder
/// and the libraries' versions (the rule examples run the triggering and non-triggering clips themselves).
@Suite struct VideoFrameChecksTests {
    private func finding(_ sample: String, _ rule: RuleID) throws -> Finding {
        let report = try SampleRuns.shared.report(sample)
        return try #require(report.findings.first { $0.rule == rule && $0.path == "张三/张三1.mp4" })
    }

    @Test func backlitFramesSayWhatWasMeasuredAndWithWhichDecoder() throws {
        let backlit = try finding("@video-frames-backlit", .videoBacklit)
        #expect(backlit.severity == .warning && backlit.message.contains("逆光"))
        guard case .string(let decoder)? = backlit.data?["decoder"] else {
            Issue.record("no decoder in \(String(describing: backlit.data))")
            return
        }
        #expect(decoder.hasPrefix("h264 (FFmpeg: libavformat") && decoder.contains("libavcodec"))
        #expect(backlit.data?["framesAt"] == .list(["0", "1", "2"]))
        #expect(backlit.data?["framesDecoded"] == .int(3))
    }

    @Test func blackOverridesExposure() throws {
        let report = try SampleRuns.shared.report("@video-frames-black")
        let rules = report.findings.filter { $0.path == "张三/张三1.mp4" }.map(\.rule)
        #expect(rules == [.videoBlank])
    }

    @Test func deepDecodingFindsTheTimeOfTheFirstError() throws {
        let damaged = try finding("@video-deep-damaged", .videoCorrupt)
        #expect(damaged.severity == .error && damaged.message.contains("逐帧解码"))
        guard case .double(let seconds)? = damaged.data?["errorSeconds"] else {
            Issue.record("no time in \(String(describing: damaged.data))")
            return
        }
        #expect(seconds > 0.2 && seconds < 1.9)
        // The same clip undamaged, decoded to its end: nothing.
        #expect(try SampleRuns.shared.report("@video-deep-clean").findings.isEmpty)
    }

    @Test func aStreamThatDoesNotDecodeIsAWarningNotASilence() throws {
        let undecodable = try finding("@video-undecodable", .videoCorrupt)
        #expect(undecodable.severity == .warning && undecodable.message.contains("无法解码"))
        #expect(undecodable.data?["failedAt"] == .list(["10%", "50%", "90%"]))
    }
}
