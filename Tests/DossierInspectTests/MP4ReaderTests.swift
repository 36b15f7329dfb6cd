import DossierCore
import DossierTestSupport
import Foundation
import Testing

@testable import DossierInspect

private let videos = Repository.root.appendingPathComponent("Tests/Fixtures/video")

/// What ffprobe read from each fixture (scripts/make-video-fixtures.sh wrote it).
private struct Probe: Decodable {
    var duration: Double
    var hasVideo: Bool
    var width: Int?
    var height: Int?
    var codec: String?
    var rotation: Int?
}

private let probes: [String: Probe] = {
    guard let data = try? Data(contentsOf: videos.appendingPathComponent("ffprobe.json")) else { return [:] }
    return (try? JSONDecoder().decode([String: Probe].self, from: data)) ?? [:]
}()

/// Bytes in memory, read like a file.
final class MemoryFile: RandomAccess {
    let bytes: [UInt8]
    private(set) var bytesRead: UInt64 = 0
    init(_ bytes: [UInt8]) { self.bytes = bytes }
    var size: UInt64 { UInt64(bytes.count) }
    func read(at offset: UInt64, count: Int) -> [UInt8]? {
        guard count >= 0, offset <= size, UInt64(count) <= size - offset else { return nil }
        bytesRead += UInt64(count)
        return Array(bytes[Int(offset)..<Int(offset) + count])
    }
}

/// A box: 32-bit size, type, payload.
private func box(_ type: String, _ payload: [UInt8] = []) -> [UInt8] {
    let size = UInt32(8 + payload.count)
    return [UInt8(size >> 24), UInt8(size >> 16 & 0xFF), UInt8(size >> 8 & 0xFF), UInt8(size & 0xFF)] + Array(type.utf8)
        + payload
}

private func be32(_ value: UInt32) -> [UInt8] {
    [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
}

@Suite struct MP4ReaderTests {
    @Test func ffprobeReferenceIsThere() { #expect(probes.count >= 10) }

    @Test(arguments: probes.keys.sorted()) func agreesWithFFprobe(_ name: String) throws {
        let probe = try #require(probes[name])
        let file = try #require(FileRandomAccess(RawPath(videos.appendingPathComponent(name).path)))
        let facts = try MP4Reader().read(file)
        #expect(abs(facts.durationSeconds - probe.duration) <= 0.05, "\(facts.durationSeconds) vs \(probe.duration)")
        #expect(facts.hasVideoTrack == probe.hasVideo)
        if probe.hasVideo {
            #expect(facts.width == probe.width && facts.height == probe.height)
            #expect(facts.codec == probe.codec)
            #expect(facts.rotation == probe.rotation)
            let swapped = facts.rotation % 180 == 90
            #expect(facts.displayWidth == (swapped ? facts.height : facts.width))
        }
        // Box headers and moov only: a small fraction of any file of some size.
        if file.size > 200_000 {
            #expect(file.bytesRead * 20 < file.size, "read \(file.bytesRead) of \(file.size) bytes")
        }
    }

    @Test func containerComesFromTheBrands() throws {
        let mov = try MP4Reader().read(
            try #require(FileRandomAccess(RawPath(videos.appendingPathComponent("quicktime.mov").path))))
        let mp4 = try MP4Reader().read(
            try #require(FileRandomAccess(RawPath(videos.appendingPathComponent("landscape.mp4").path))))
        #expect(mov.container == "mov" && mp4.container == "mp4")
    }

    @Test func aCutCopyIsTruncatedWithSizes() throws {
        let whole = Array(try Data(contentsOf: videos.appendingPathComponent("faststart.mp4")))
        do {
            _ = try MP4Reader().read(MemoryFile(Array(whole.prefix(whole.count * 3 / 5))))
            Issue.record("a cut copy was accepted")
        } catch .truncated(let file, let needed) {
            #expect(file == UInt64(whole.count * 3 / 5) && needed == UInt64(whole.count))
        }
        // moov at the end: cutting loses it.
        let late = Array(try Data(contentsOf: videos.appendingPathComponent("landscape.mp4")))
        #expect(throws: MP4Problem.self) { try MP4Reader().read(MemoryFile(Array(late.prefix(late.count / 2)))) }
    }

    @Test func hostileBoxesAreProblemsNotCrashes() {
        let reader = MP4Reader()
        let ftyp = box("ftyp", Array("isom".utf8) + be32(512) + Array("isomiso2".utf8))
        let cases: [(String, [UInt8])] = [
            ("no moov", ftyp + box("mdat", [1, 2, 3])),
            ("size below a header", ftyp + [0, 0, 0, 4] + Array("moov".utf8)),
            (
                "absurd 64-bit size",
                ftyp + [0, 0, 0, 1] + Array("mdat".utf8) + [0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]
            ),
            ("box larger than its parent", ftyp + box("moov", box("trak", [0, 0, 0xFF, 0xFF] + Array("mdia".utf8)))),
            (
                "a box that claims to contain itself",
                ftyp + box("moov", be32(24) + Array("trak".utf8) + be32(24) + Array("trak".utf8))
            ),
            (
                "stsz claiming billions of samples",
                ftyp
                    + box(
                        "moov",
                        box(
                            "trak",
                            box(
                                "mdia",
                                box(
                                    "minf",
                                    box(
                                        "stbl",
                                        box("stsz", [0, 0, 0, 0] + be32(0) + be32(4_000_000_000)))))))
            ),
            ("stray bytes", ftyp + [1, 2, 3]),
        ]
        for (what, bytes) in cases {
            #expect(throws: MP4Problem.self, "\(what)") { try reader.read(MemoryFile(bytes)) }
        }
        // Size 0 means “to the end of the file”; timescale 0 gives no duration, not a division by zero.
        let mvhd = box(
            "mvhd", [0, 0, 0, 0] + be32(0) + be32(0) + be32(0) + be32(1000) + [UInt8](repeating: 0, count: 80))
        let facts = try? reader.read(MemoryFile(ftyp + [0, 0, 0, 0] + Array("moov".utf8) + mvhd))
        #expect(facts?.durationSeconds == 0 && facts?.hasVideoTrack == false)
    }

    @Test func boxCountIsBounded() {
        let many = (0..<2000).flatMap { _ in box("free") }
        let reader = MP4Reader(limits: MP4Limits(maximumBoxes: 1000))
        #expect(throws: MP4Problem.tooComplex("more than 1000 boxes")) { try reader.read(MemoryFile(many)) }
    }

    @Test func mutatedFilesNeverCrash() throws {
        let whole = Array(try Data(contentsOf: videos.appendingPathComponent("fragmented.mp4")))
        var generator = SplitMix(seed: 2021)
        for _ in 0..<500 {
            var bytes = whole
            for _ in 0..<Int(generator.next() % 8 + 1) {
                // Mutate the structure (the first and last 8 KiB hold the boxes that are read).
                let region = Int(generator.next() % 2) == 0 ? 0 : max(0, bytes.count - 8192)
                let position = region + Int(generator.next() % 8192) % max(1, bytes.count - region)
                bytes[position] = UInt8(truncatingIfNeeded: generator.next())
            }
            _ = try? MP4Reader().read(MemoryFile(bytes))
        }
        for length in stride(from: 0, through: min(whole.count, 20_000), by: 97) {
            _ = try? MP4Reader().read(MemoryFile(Array(whole.prefix(length))))
        }
    }
}
