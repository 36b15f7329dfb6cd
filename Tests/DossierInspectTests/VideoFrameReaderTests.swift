import DossierInspect
import DossierTestSupport
import Foundation
import Testing

/// Frames decoded by FFmpeg through CFFmpegShim from ffmpeg's own clips (scripts/make-video-fixtures.sh,
/// scripts/make-frame-fixtures.sh), turned upright, measured as photos are; hostile bytes give a reason, never a
/// crash, in bounded time.
@Suite struct VideoFrameReaderTests {
    private func fixture(_ name: String) throws -> MemoryRandomAccess {
        MemoryRandomAccess(Array(try Data(contentsOf: Repository.videoFixtures.appendingPathComponent(name))))
    }

    private func sample(_ file: any RandomAccess, poster: Bool = false) -> VideoFrameFacts {
        VideoFrameReader.sample(file, settings: VideoFrameSettings(), pictures: PictureSettings(), poster: poster)
    }

    @Test func threeFramesAcrossTheClipWithTheirTimesAndAPoster() throws {
        let facts = sample(try fixture("frames/backlit.mp4"), poster: true)
        #expect(facts.unopened == nil && facts.failures.isEmpty)
        #expect(facts.decoder == "h264" && facts.library.contains("libavcodec"))
        // Keyframes every second: 0.3 s, 1.5 s and 2.7 s fall on the keyframes at 0, 1 and 2 s.
        #expect(facts.frames.map(\.seconds) == [0, 1, 2])
        #expect(facts.frames.allSatisfy { $0.picture.width == 320 && $0.picture.height == 180 })
        // The figure sways: consecutive frames differ.
        #expect(facts.frames.dropFirst().allSatisfy { ($0.change ?? 0) > 1 })
        let poster = try #require(facts.poster)
        #expect(poster.starts(with: [0xFF, 0xD8]) && poster.count < 40_000)
    }

    @Test func aClipWithOneKeyframeIsDecodedForwardToEachTime() throws {
        // landscape.mp4: 2 s, one keyframe (x264's default GOP): frames at 0, then at 1.0 and 1.8 s by decoding on.
        let facts = sample(try fixture("landscape.mp4"))
        #expect(facts.frames.map(\.seconds) == [0, 1, 1.8])
    }

    @Test func aClipWhoseOnlyKeyframeIsTheFirstGivesFramesWithinThePacketBudget() throws {
        // frames/one-keyframe.mp4: 8 s at 25 frames a second, one keyframe (the first frame). The times asked for
        // (0.8, 4 and 7.2 s) lie past it, the last two further than the 60 packets read for one frame: each frame is
        // the furthest those packets reach, at its own time, later than the one before and never past its target.
        let facts = sample(try fixture("frames/one-keyframe.mp4"))
        #expect(facts.unopened == nil && facts.failures.isEmpty)
        #expect(facts.frames.map(\.seconds) == [0, 2.24, 4.68])
        let deep = VideoFrameReader.decodeAll(try fixture("frames/one-keyframe.mp4"), settings: VideoFrameSettings())
        #expect(deep.frames == 200 && deep.finished && deep.errorSeconds == nil)
    }

    @Test func aClipWithNoKeyframeAtAllIsSaidSo() throws {
        // frames/no-keyframe.mp4: one-keyframe.mp4 cut at 3 s without its keyframe (ffmpeg -c copy -copyinkf).
        // Sampled, no frame decodes (H.264 shows nothing before a keyframe); decoded in full, the first picture
        // is not one (it was silently dropped with every other, and --deep said nothing).
        let facts = sample(try fixture("frames/no-keyframe.mp4"))
        #expect(facts.unopened == nil && facts.frames.isEmpty)
        #expect(facts.failures.map(\.fraction) == [0.1, 0.5, 0.9])
        let deep = VideoFrameReader.decodeAll(try fixture("frames/no-keyframe.mp4"), settings: VideoFrameSettings())
        #expect(deep.errorSeconds == 0 && deep.error?.contains("keyframe") == true, "\(deep)")
        #expect(deep.finished && deep.packets == 123)
    }

    @Test func noKeyframeInRangeOfTheIndexDecodesFromTheStartToEachTime() throws {
        // landscape.mp4 with its sync-sample table naming only sample 51 of 50: the index has no keyframe before
        // any time looked for. The first frame read stood for all three (one frame measured, at 0 s); now the
        // frames are decoded from the start to each time.
        let original = try fixture("landscape.mp4").bytes
        let hostile = MemoryRandomAccess(try HostileVideo.keyframePastTheEnd.make(from: original))
        let facts = sample(hostile)
        #expect(
            facts.failures.isEmpty && facts.frames.map(\.seconds) == [0.2, 1, 1.8], "\(facts.frames.map(\.seconds))")
        // Its first frame is a keyframe to the decoder, whatever the index says: no frame is taken for damaged.
        #expect(facts.frames.allSatisfy { $0.damage == nil })
        let deep = VideoFrameReader.decodeAll(hostile, settings: VideoFrameSettings())
        #expect(deep.frames == 50 && deep.finished && deep.errorSeconds == nil)
    }

    @Test func aBoxRunningPastTheBoxAroundItIsNotHandedToFFmpeg() throws {
        // Fuzzing found MP4s whose header FFmpeg parsed for 7 and 16 s (a box claiming more than its parent holds,
        // the rest parsed as boxes, no read in between to stop it at the time limit): such a file is refused
        // before FFmpeg opens it, with the box named. A last media data box cut short is still opened.
        let original = try fixture("landscape.mp4").bytes
        let hostile = MemoryRandomAccess(try HostileVideo.boxPastItsParent.make(from: original))
        let facts = sample(hostile)
        #expect(facts.unopened?.contains("box 'mvhd' at byte") == true, "\(String(describing: facts.unopened))")
        #expect(facts.unopened?.contains("runs past the end of the box around it") == true)
        #expect(VideoFrameReader.decodeAll(hostile, settings: VideoFrameSettings()).unopened != nil)
        let faststart = try fixture("faststart.mp4").bytes
        #expect(sample(MemoryRandomAccess(Array(faststart.prefix(faststart.count - 1000)))).unopened == nil)
    }

    @Test func keyframesThatDoNotDecodeAloneAreDecodedFromTheOneBefore() throws {
        // frames/intra-refresh.mp4: x264's periodic intra refresh, a "keyframe" each second where a refresh starts;
        // from one, nothing shows until the refresh is done, a second later. Frames at 50 and 90 % were taken
        // from the first picture to show (past the time asked for) or not at all: VIDEO-CORRUPT on a whole clip.
        let facts = sample(try fixture("frames/intra-refresh.mp4"))
        #expect(facts.unopened == nil && facts.failures.isEmpty, "\(facts.failures)")
        #expect(facts.frames.count == 3 && facts.frames.allSatisfy { $0.damage == nil })
        // The time asked for at 50 % is reached exactly; at 90 % (3.6 s) a frame no later than it.
        #expect(facts.frames.map(\.seconds).prefix(2) == [0, 2])
        #expect(facts.frames.last.map { $0.seconds > 3 && $0.seconds <= 3.6 } == true, "\(facts.frames.map(\.seconds))")
        let deep = VideoFrameReader.decodeAll(try fixture("frames/intra-refresh.mp4"), settings: VideoFrameSettings())
        #expect(deep.frames == 100 && deep.finished && deep.errorSeconds == nil)
    }

    /// Other producers' clips (scripts/make-frame-fixtures.sh): the decoder, the size as shown, the frames in all.
    static let producers: [(clip: String, decoder: String, width: Int, height: Int, frames: Int)] = [
        ("frames/hevc.mp4", "hevc", 320, 180, 50), ("frames/mpeg4.mp4", "mpeg4", 320, 180, 50),
        ("frames/mjpeg.mov", "mjpeg", 320, 180, 20),
        // Stored 1920×1080, turned 90° by the display matrix: a phone's portrait clip.
        ("frames/phone.mov", "hevc", 180, 320, 30),
    ]

    @Test(arguments: producers)
    func otherCodecsAndContainersDecodeFrameByFrame(
        _ clip: String, _ decoder: String, _ width: Int, _ height: Int, _ frames: Int
    ) throws {
        // MPEG-4 part 2 leaves the size in the sample description at 0×0 for the decoder to find: it was refused.
        let facts = sample(try fixture(clip))
        #expect(facts.unopened == nil && facts.failures.isEmpty, "\(clip): \(facts)")
        #expect(facts.decoder == decoder, "\(clip)")
        #expect(facts.frames.count == 3 && facts.frames.allSatisfy { $0.damage == nil }, "\(clip)")
        #expect(facts.frames.allSatisfy { $0.picture.width == width && $0.picture.height == height }, "\(clip)")
        let deep = VideoFrameReader.decodeAll(try fixture(clip), settings: VideoFrameSettings())
        #expect(deep.frames == frames && deep.packets == frames, "\(clip): \(deep)")
        #expect(deep.finished && deep.errorSeconds == nil, "\(clip): \(deep)")
    }

    @Test(arguments: producers.map(\.clip))
    func damageInOtherCodecsIsFoundAtItsTime(_ clip: String) throws {
        let damaged = try HostileVideo.damagedMiddle.make(from: try fixture(clip).bytes)
        let deep = VideoFrameReader.decodeAll(MemoryRandomAccess(damaged), settings: VideoFrameSettings())
        let at = try #require(deep.errorSeconds, "\(clip): no error found in \(deep)")
        // 4 KB overwritten halfway through the media data: not in the first frames, not after the end.
        #expect(at > 0.2 && at < 2, "\(clip): \(at)")
        // The sampled frames give what they can, no crash.
        #expect(sample(MemoryRandomAccess(damaged)).unopened == nil, "\(clip)")
    }

    @Test func rotationIsHonoured() throws {
        // Stored landscape, shown portrait (the display matrix turns it 90°).
        let facts = sample(try fixture("rotated-90.mp4"))
        #expect(facts.frames.first.map { ($0.picture.width, $0.picture.height) } ?? (0, 0) == (180, 320))
        let upright = sample(try fixture("landscape.mp4"))
        #expect(upright.frames.first.map { ($0.picture.width, $0.picture.height) } ?? (0, 0) == (320, 180))
    }

    @Test func blackAndFrozenClipsMeasureSo() throws {
        let black = sample(try fixture("frames/black.mp4"))
        #expect(black.frames.count == 3 && black.frames.allSatisfy { $0.mean < 2 && $0.spread < 1 })
        let frozen = sample(try fixture("frames/frozen.mp4"))
        #expect(frozen.frames.count == 3 && frozen.frames.dropFirst().allSatisfy { ($0.change ?? 9) < 0.5 })
        #expect(frozen.frames.allSatisfy { $0.spread > 20 })
    }

    @Test func aFrameTheDecoderFlagsIsMarkedDamaged() throws {
        // frames/damaged-keyframe.mp4: normal.mp4 with the middle third of its keyframe at 1 s overwritten
        // (scripts/make-frame-fixtures.sh). H.264 conceals the broken slices and flags that frame: the one sampled
        // at 50 % is damaged by decoding, the others whole, as is every frame of normal.mp4.
        let facts = sample(try fixture("frames/damaged-keyframe.mp4"))
        #expect(facts.failures.isEmpty && facts.frames.map(\.seconds) == [0, 1, 2])
        #expect(facts.frames.map(\.damage) == [nil, .decoding, nil])
        #expect(sample(try fixture("frames/normal.mp4")).frames.allSatisfy { $0.damage == nil })
    }

    @Test func framesBeforeTheFirstKeyframeAreMarkedDamagedNotMeasuredAsGrey() throws {
        // frames/hevc-cut.mp4: HEVC cut at 0.5 s between two keyframes, its first keyframe at 2.5 s of 3.5. The
        // frames at 10 and 50 % come before it: FFmpeg's HEVC decoder gives them grey (all of what they refer to
        // missing) without a flag, and they were measured as the clip's picture. The one at 90 % is whole.
        let facts = sample(try fixture("frames/hevc-cut.mp4"))
        #expect(facts.decoder == "hevc" && facts.failures.isEmpty, "\(facts.failures)")
        #expect(facts.frames.map(\.damage) == [.noKeyframe, .noKeyframe, nil], "\(facts.frames)")
        #expect(facts.frames.prefix(2).allSatisfy { abs($0.mean - 128) < 8 }, "grey: \(facts.frames.map(\.mean))")
        #expect(facts.frames.last.map { $0.seconds > 2.4 } == true, "\(facts.frames.map(\.seconds))")
        // Decoded in full: the stream does not start with a keyframe, at 0 s.
        let deep = VideoFrameReader.decodeAll(try fixture("frames/hevc-cut.mp4"), settings: VideoFrameSettings())
        #expect(deep.errorSeconds == 0 && deep.error?.contains("keyframe") == true, "\(deep)")
    }

    /// A file read slowly: each read waits 2 ms, as on a slow USB drive or network share; the reads are counted.
    private final class SlowRandomAccess: RandomAccess {
        let inner: MemoryRandomAccess
        private(set) var reads = 0
        init(_ inner: MemoryRandomAccess) { self.inner = inner }
        var size: UInt64 { inner.size }
        var bytesRead: UInt64 { inner.bytesRead }
        func read(at offset: UInt64, count: Int) -> [UInt8]? {
            reads += 1
            usleep(2000)
            return inner.read(at: offset, count: count)
        }
    }

    @Test func manyTinyFragmentsOpenAndStopAtTheTimeLimit() throws {
        // frames/many-fragments.mp4: 1,000 one-frame fragments, 7,000 boxes in 138 KB. Read at once, it opens and
        // gives its frames. Read slowly with a time limit of 0.3 s, opening stops at the limit: every box header
        // was read before FFmpeg was called (7,000 reads, 14 s at 2 ms a read), past any limit; now the look
        // at the boxes honours it, and FFmpeg's reads already did. The count of reads bounds the time without
        // timing the test: 0.3 s holds at most 150 of them, and the limit is looked at every 64 boxes.
        let whole = sample(try fixture("frames/many-fragments.mp4"))
        #expect(whole.unopened == nil && whole.failures.isEmpty && whole.frames.count == 3, "\(whole)")
        var settings = VideoFrameSettings()
        settings.seconds = 0.3
        let slow = SlowRandomAccess(try fixture("frames/many-fragments.mp4"))
        let facts = VideoFrameReader.sample(slow, settings: settings, pictures: PictureSettings(), poster: false)
        #expect(facts.unopened == "time limit reached reading the container", "\(facts)")
        #expect(slow.reads < 150 + 64 + 16, "\(slow.reads) reads")
    }

    @Test func everyFrameDecodesInAWholeClip() throws {
        let deep = VideoFrameReader.decodeAll(try fixture("landscape.mp4"), settings: VideoFrameSettings())
        #expect(deep.frames == 50 && deep.finished && deep.errorSeconds == nil)
    }

    @Test func damageHalfwayIsFoundAtItsTime() throws {
        let original = Array(try Data(contentsOf: Repository.videoFixtures.appendingPathComponent("landscape.mp4")))
        let damaged = try HostileVideo.damagedMiddle.make(from: original)
        let deep = VideoFrameReader.decodeAll(MemoryRandomAccess(damaged), settings: VideoFrameSettings())
        let at = try #require(deep.errorSeconds, "no error found in \(deep)")
        #expect(at > 0.2 && at < 1.9)
    }

    @Test(arguments: [
        ("empty", [UInt8]()), ("one byte", [0x00]), ("not a video", Array("hello, world".utf8)),
        ("a box claiming 2^32-1 bytes", [0xFF, 0xFF, 0xFF, 0xFF] + Array("ftypisom".utf8)),
    ])
    func hostileBytesGiveAReason(_ name: String, _ bytes: [UInt8]) {
        let facts = sample(MemoryRandomAccess(bytes))
        #expect(facts.unopened != nil && facts.frames.isEmpty, "\(name)")
        let deep = VideoFrameReader.decodeAll(MemoryRandomAccess(bytes), settings: VideoFrameSettings())
        #expect(deep.unopened != nil, "\(name)")
    }

    @Test func aStreamThatDoesNotDecodeIsSaidSo() throws {
        let original = Array(try Data(contentsOf: Repository.videoFixtures.appendingPathComponent("landscape.mp4")))
        let facts = sample(MemoryRandomAccess(try HostileVideo.undecodable.make(from: original)))
        #expect(facts.frames.isEmpty && facts.failures.count == 3)
    }

    @Test func absurdDimensionsAreRefusedBeforeDecoding() throws {
        var file = try MP4Surgery(fixture: "landscape.mp4")
        try file.setStoredSize(width: 65_500, height: 65_500)
        let facts = sample(MemoryRandomAccess(file.bytes))
        #expect(facts.unopened?.contains("refused") == true)
    }

    @Test func onlyMP4AndMOVAreOpened() throws {
        #expect(sample(try fixture("matroska.mkv")).unopened != nil)
        #expect(sample(try fixture("audio-only.m4a")).unopened == "no picture track")
    }
}
