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
