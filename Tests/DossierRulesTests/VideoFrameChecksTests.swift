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

    @Test func aFrameTheDecoderFlagsIsAWarningAndIsNotJudged() throws {
        // frames/damaged-keyframe.mp4: normal.mp4 with its keyframe at 1 s partly overwritten; H.264 conceals
        // the damage and flags the frame. The frame sampled there is said and left out of the judgements.
        let damaged = try finding("@video-frames-damaged-keyframe", .videoCorrupt)
        #expect(damaged.severity == .warning && damaged.message.contains("被解码器标记为损坏"))
        #expect(damaged.data?["damagedAt"] == .list(["1"]) && damaged.data?["framesDecoded"] == .int(3))
        #expect(damaged.data?["notJudged"] == .list(["VIDEO-BACKLIT", "VIDEO-EXPOSURE", "VIDEO-BLANK"]))
        // The same clip whole: nothing about its frames.
        let normal = try SampleRuns.shared.report("@video-frames-normal").findings.filter {
            $0.path == "张三/张三1.mp4" && [.videoCorrupt, .videoBlank, .videoBacklit, .videoExposure].contains($0.rule)
        }
        #expect(normal.isEmpty, "\(normal.map(\.rule))")
    }

    @Test func greyFramesBeforeTheFirstKeyframeAreSaidNotJudgedBlank() throws {
        // frames/hevc-cut.mp4: HEVC cut between keyframes, its first keyframe at 2.5 s of 3.5. The frames at 10
        // and 50 % came out of the decoder grey and unflagged, were measured as the clip's picture, and the clip
        // passed without a word; now they are VIDEO-CORRUPT (framesWithoutKeyframe) and not judged.
        let report = try SampleRuns.shared.report("@video-frames-hevc-cut")
        let pictures = report.findings.filter {
            $0.path == "张三/张三1.mp4" && [.videoCorrupt, .videoBlank, .videoBacklit, .videoExposure].contains($0.rule)
        }
        #expect(pictures.map(\.rule) == [.videoCorrupt], "\(pictures.map(\.rule))")
        let cut = try #require(pictures.first)
        #expect(cut.severity == .warning && cut.message.contains("第一个关键帧之前"))
        guard case .list(let times)? = cut.data?["damagedAt"] else {
            Issue.record("no times in \(String(describing: cut.data))")
            return
        }
        #expect(times.count == 2 && times.allSatisfy { (Double($0) ?? 9) < 2.5 }, "\(times)")
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

    @Test func aClipWithNoKeyframeIsCorruptSampledAndDecodedInFull() throws {
        // frames/no-keyframe.mp4 (cut after its only keyframe): no sampled frame decodes, a warning; `--deep` says
        // the stream does not start with a keyframe, at 0 s (it used to decode nothing and say nothing).
        let sampled = try finding("@video-frames-no-keyframe", .videoCorrupt)
        #expect(sampled.severity == .warning && sampled.data?["failedAt"] == .list(["10%", "50%", "90%"]))
        let deep = try SampleRuns.shared.report("@video-deep-clip-no-keyframe.mp4").findings.filter {
            $0.rule == .videoCorrupt && $0.path == "张三/张三1.mp4" && $0.data?["errorSeconds"] != nil
        }
        #expect(deep.count == 1 && deep.first?.severity == .error && deep.first?.data?["errorSeconds"] == .double(0))
    }

    @Test(arguments: ["hevc.mp4", "mpeg4.mp4", "mjpeg.mov", "phone.mov"])
    func deepDecodingFindsDamageInOtherCodecsAndInMOV(_ clip: String) throws {
        let path = clip.hasSuffix(".mov") ? "张三/张三2.mov" : "张三/张三1.mp4"
        // Whole, decoded to its end: the frames say nothing.
        let clean = try SampleRuns.shared.report("@video-deep-clip-\(clip)")
        #expect(!clean.findings.contains { $0.rule == .videoCorrupt && $0.path == path }, "\(clip)")
        // 4 KB of its media data overwritten halfway: VIDEO-CORRUPT with the time of the first error.
        let broken = try SampleRuns.shared.report("@video-deep-broken-\(clip)")
        let found = try #require(
            broken.findings.first { $0.rule == .videoCorrupt && $0.path == path && $0.data?["errorSeconds"] != nil },
            "\(clip): \(broken.findings.map(\.rule))")
        guard case .double(let seconds)? = found.data?["errorSeconds"] else { return }
        #expect(found.severity == .error && seconds > 0.2 && seconds < 2, "\(clip): \(seconds)")
        #expect(found.message.contains("逐帧解码"), "\(clip)")
    }

    @Test func aStreamThatDoesNotDecodeIsAWarningNotASilence() throws {
        let undecodable = try finding("@video-undecodable", .videoCorrupt)
        #expect(undecodable.severity == .warning && undecodable.message.contains("无法解码"))
        #expect(undecodable.data?["failedAt"] == .list(["10%", "50%", "90%"]))
    }
}
