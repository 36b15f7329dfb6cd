import DossierCore
import DossierFiles
import DossierInspect
import DossierRules
import DossierTestSupport
import Foundation
import Testing

/// Videos' sampled frames kept in the cache of measured facts give the same report, and serve only while the bytes
/// FFmpeg read to sample them are unchanged (ffmpeg's clips of Tests/Fixtures/video and the video-problems sample).
@Suite struct VideoFrameCacheTests {
    @Test func aSecondCheckServesTheFramesAndReportsTheSame() throws {
        let ruleSet = try Repository.ruleSet()
        let unit = try #require(Repository.unitFolder(ofSample: "video-problems"))
        let cacheFolder = try TemporaryFolder()
        var options = CheckOptions(asOf: "2021-06-01")
        options.thumbnails = true
        let check = { (options: CheckOptions) in
            try Checker(ruleSet: ruleSet, options: options).check(bundle: RawPath(unit.path), displayPath: "v")
        }
        let uncached = try check(options)
        #expect(uncached.findings.contains { $0.rule == .videoBacklit || $0.rule == .videoBlank })
        options.cacheFolder = cacheFolder.url.path
        let first = try check(options)
        let second = try check(options)
        #expect(first.findings == uncached.findings && second.findings == uncached.findings)
        #expect(!uncached.thumbnails.isEmpty)
        #expect(first.thumbnails == uncached.thumbnails && second.thumbnails == uncached.thumbnails)
        // Posters are kept though a check asks for none, and served only when asked for.
        options.thumbnails = false
        let plain = try check(options)
        #expect(plain.findings == uncached.findings && plain.thumbnails.isEmpty)
    }

    @Test func anEntryServesOnlyWhileTheBytesReadAreUnchanged() throws {
        let bytes = Array(try Data(contentsOf: Repository.videoFixtures.appendingPathComponent("landscape.mp4")))
        let folder = try TemporaryFolder()
        let cache = ContentCache(folder: folder.url.path, context: ["video frame cache test"])
        let measurer = VideoFrameMeasurer(
            settings: VideoFrameSettings(), pictures: PictureSettings(), posters: false, cache: cache)
        let measured = measurer.sample(MemoryRandomAccess(bytes))
        #expect(measured.frames.count == 3 && measured.poster == nil)
        #expect(
            measured
                == VideoFrameMeasurer(
                    settings: VideoFrameSettings(), pictures: PictureSettings(), posters: false, cache: nil
                ).sample(MemoryRandomAccess(bytes)))
        let key = try #require(VideoFrameMeasurer.key(MemoryRandomAccess(bytes)))
        var record = try JSONDecoder().decode(
            VideoFrameMeasurer.Record.self, from: Data(try #require(cache.value(for: key))))
        #expect(record.facts.poster != nil)
        #expect(record.ranges.reduce(0) { $0 + $1.count } < UInt64(bytes.count) * 2)

        // The entry is what a second sampling reports: altered in place, it is served altered.
        record.facts.frames[0].mean = 12_345
        cache.store(Array(try JSONEncoder().encode(record)), for: key)
        #expect(measurer.sample(MemoryRandomAccess(bytes)).frames.first?.mean == 12_345)

        // One byte FFmpeg read, away from the first and last 64 KiB (the key stays the same), changed: the same size,
        // the same key, yet the entry no longer serves and the video is sampled again.
        let edge = UInt64(64 << 10)
        let range = try #require(
            record.ranges.first { $0.offset + $0.count > edge && $0.offset < UInt64(bytes.count) - edge })
        let position = Int(max(range.offset, edge))
        var changed = bytes
        changed[position] ^= 0x01
        #expect(VideoFrameMeasurer.key(MemoryRandomAccess(changed)) == key)
        #expect(measurer.sample(MemoryRandomAccess(changed)).frames.first?.mean != 12_345)

        // A truncated entry is no entry: sampled again, as without a cache.
        let whole = try #require(cache.value(for: key))
        let path = folder.url.appendingPathComponent("\(key.prefix(2))/\(key)").path
        let stored = try #require(FileManager.default.contents(atPath: path))
        try stored.prefix(stored.count - whole.count / 2).write(to: URL(fileURLWithPath: path))
        #expect(measurer.sample(MemoryRandomAccess(bytes)) == measured)
    }
}
