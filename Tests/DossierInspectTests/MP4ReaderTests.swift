import DossierCore
import DossierFiles
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

    // MARK: Hostile numbers: every one a problem that names it, never a trap or a silent wrap.

    /// A real clip with some numbers overwritten, and what the reader must say of it.
    struct Hostile: Sendable, CustomTestStringConvertible {
        var name: String
        var fixture = "landscape.mp4"
        var patch: @Sendable (inout MP4Surgery) throws -> Void
        var expected: @Sendable (MP4Problem) -> Bool
        var testDescription: String { name }
    }

    static let hostile: [Hostile] = [
        Hostile(
            name: "mdat with a 64-bit size near 2^64",
            patch: { file in
                // ffmpeg leaves an 8-byte ‘free’ before ‘mdat’: room for a 16-byte header.
                let free = try #require(file.box(["free"]))
                file.set(1, at: free.start, width: 4)
                file.set(UInt64(0x6D64_6174), at: free.start + 4, width: 4)
                file.set(0xFFFF_FFFF_FFFF_FFF0, at: free.start + 8, width: 8)
            },
            expected: { if case .boxOverrun(type: "mdat", _, _, _) = $0 { true } else { false } }),
        Hostile(
            name: "track header with a 64-bit size near 2^64",
            patch: { file in
                let tkhd = try #require(file.box(["moov", "trak", "tkhd"], track: "vide"))
                file.set(1, at: tkhd.start, width: 4)
                file.set(UInt64.max, at: tkhd.payload, width: 8)
            },
            expected: { if case .boxOverrun(type: "tkhd", _, _, _) = $0 { true } else { false } }),
        Hostile(
            name: "movie time scale 0",
            patch: { try $0.set(0, in: ["moov", "mvhd"], track: nil, at: 12, width: 4) },
            expected: { $0 == .zeroTimescale(box: "mvhd") }),
        Hostile(
            name: "video time scale 0",
            patch: { try $0.set(0, in: ["moov", "trak", "mdia", "mdhd"], at: 12, width: 4) },
            expected: { $0 == .zeroTimescale(box: "mdhd") }),
        Hostile(
            name: "movie lasting one tick of 2^32-1 a second",
            patch: {
                try $0.set(0xFFFF_FFFF, in: ["moov", "mvhd"], track: nil, at: 12, width: 4)
                try $0.set(1, in: ["moov", "mvhd"], track: nil, at: 16, width: 4)
            },
            expected: { $0 == .zeroDuration(frames: 50) }),
        Hostile(
            name: "video time scale 2^32-1: 8,388,608 frames a second",
            patch: { try $0.set(0xFFFF_FFFF, in: ["moov", "trak", "mdia", "mdhd"], at: 12, width: 4) },
            expected: { if case .impossibleFrameRate(let rate) = $0 { rate > 8_000_000 } else { false } }),
        Hostile(
            name: "a video track without frames",
            patch: { file in
                let table = ["moov", "trak", "mdia", "minf", "stbl"]
                try file.set(0, in: table + ["stts"], at: 4, width: 4)
                try file.set(0, in: table + ["stsz"], at: 8, width: 4)
            },
            expected: { $0 == .noFrames }),
        Hostile(
            name: "frames 0 ticks apart",
            patch: { try $0.set(0, in: ["moov", "trak", "mdia", "minf", "stbl", "stts"], at: 12, width: 4) },
            expected: { $0 == .impossibleFrameRate(0) }),
        Hostile(
            name: "frame durations adding up past 2^64",
            patch: { file in
                // Let ‘stts’ take in the ‘stss’ after it: room for three entries of 2^32-1 frames × 2^32-1 ticks.
                let table = ["moov", "trak", "mdia", "minf", "stbl"]
                let stts = try #require(file.box(table + ["stts"], track: "vide"))
                let stss = try #require(file.box(table + ["stss"], track: "vide"))
                #expect(stss.start == stts.end)
                file.set(UInt64(stss.end - stts.start), at: stts.start, width: 4)
                file.set(3, at: stts.payload + 4, width: 4)
                for entry in 0..<3 { file.set(UInt64.max, at: stts.payload + 8 + entry * 8, width: 8) }
            },
            expected: { $0 == .overflow(part: "stts") }),
        Hostile(
            name: "edit list whose entry count overruns it",
            patch: { try $0.set(2, in: ["moov", "trak", "edts", "elst"], at: 4, width: 4) },
            expected: { if case .damaged(let what) = $0 { what.contains("elst") } else { false } }),
        Hostile(
            name: "track matrix collapsing the picture to a line",
            patch: { try $0.setMatrix(a: 0x10000, b: 0x10000, c: 0x10000, d: 0x10000) },
            expected: { if case .impossibleMatrix(scale: 0) = $0 { true } else { false } }),
        Hostile(
            name: "track matrix scaling the picture to 1/65536",
            patch: { try $0.setMatrix(a: 1, b: 0, c: 0, d: 1) },
            expected: { if case .impossibleMatrix = $0 { true } else { false } }),
        Hostile(
            name: "fragment starting 256 ticks before 2^64",
            fixture: "fragmented.mp4",
            patch: { try $0.set(0xFFFF_FFFF_FFFF_FF00, in: ["moof", "traf", "tfdt"], track: nil, at: 4, width: 8) },
            expected: { $0 == .overflow(part: "tfdt") }),
    ]

    @Test(arguments: hostile) func impossibleNumbersAreNamedProblems(_ item: Hostile) throws {
        var file = try MP4Surgery(fixture: item.fixture)
        try item.patch(&file)
        do {
            let facts = try MP4Reader().read(MemoryFile(file.bytes))
            Issue.record("accepted: \(facts)")
        } catch {
            #expect(item.expected(error), "\(error)")
        }
    }

    /// A chunk at 2^64 − 128 with a sample of 256 bytes: wrapping arithmetic made it end at byte 128, inside the
    /// file, and the video passed.
    @Test func aChunkEndingPast2To64IsAnOverflow() {
        let ftyp = box("ftyp", Array("isom".utf8) + be32(512) + Array("isomiso2".utf8))
        let hdlr = box("hdlr", [0, 0, 0, 0] + be32(0) + Array("soun".utf8) + [UInt8](repeating: 0, count: 12))
        let stsz = box("stsz", [0, 0, 0, 0] + be32(256) + be32(1))
        let co64 = box("co64", [0, 0, 0, 0] + be32(1) + be32(0xFFFF_FFFF) + be32(0xFFFF_FF80))
        let moov = box("moov", box("trak", box("mdia", hdlr + box("minf", box("stbl", stsz + co64)))))
        #expect(throws: MP4Problem.overflow(part: "co64")) { try MP4Reader().read(MemoryFile(ftyp + moov)) }
    }

    @Test func readsAtOffsetsFromHostileNumbersAreNil() throws {
        let file = try #require(FileRandomAccess(RawPath(videos.appendingPathComponent("landscape.mp4").path)))
        for offset in [UInt64.max, UInt64(Int64.max), UInt64(Int64.max) + 1, file.size + 1] {
            #expect(file.read(at: offset, count: 8) == nil)
        }
        #expect(file.read(at: file.size - 4, count: 8) == nil && file.read(at: 0, count: -1) == nil)
        #expect(file.read(at: file.size, count: 0) == [])
    }

    @Test func aTiltedPictureKeepsItsAngle() throws {
        var file = try MP4Surgery(fixture: "landscape.mp4")
        // cos 45° = sin 45° = 46341 / 65536: a picture turned 45° clockwise.
        try file.setMatrix(a: 46341, b: 46341, c: -46341, d: 46341)
        let facts = try MP4Reader().read(MemoryFile(file.bytes))
        #expect(facts.rotation == 45)
        #expect(facts.displayWidth == 1920 && facts.displayHeight == 1080)
    }

    /// mp4box.js (behind WebCodecs editors) writes an all-zero matrix; players show the picture untransformed.
    @Test func anAllZeroMatrixIsNoTransformation() throws {
        var file = try MP4Surgery(fixture: "landscape.mp4")
        try file.setMatrix(a: 0, b: 0, c: 0, d: 0)
        let facts = try MP4Reader().read(MemoryFile(file.bytes))
        #expect(facts.rotation == 0 && facts.displayWidth == 1920 && facts.displayHeight == 1080)
    }

    // MARK: The picture's size is the codec's, after cropping, as ffprobe reports it.

    /// Cameras store 1920×1088 in the sample description: the coded height, before H.264 crops 8 lines.
    static func cameraStyle1088() throws -> MP4Surgery {
        var file = try MP4Surgery(fixture: "landscape.mp4")
        try file.setStoredSize(width: 1920, height: 1088)
        return file
    }

    @Test func aCodedHeightOf1088IsCroppedTo1080() throws {
        let facts = try MP4Reader().read(MemoryFile(try Self.cameraStyle1088().bytes))
        #expect(facts.width == 1920 && facts.height == 1080)
        #expect(facts.displayWidth == 1920 && facts.displayHeight == 1080)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/ffprobe"), "ffprobe is not installed"))
    func ffprobeAgreesOnTheCroppedSize() throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("camera.mp4")
        try Self.cameraStyle1088().data.write(to: path)
        let probe = try CommandRunner.run(
            "/usr/bin/ffprobe",
            [
                "-v", "error", "-select_streams", "v", "-show_entries", "stream=width,height", "-of", "csv=p=0",
                path.path,
            ])
        let facts = try MP4Reader().read(try #require(FileRandomAccess(RawPath(path.path))))
        #expect(probe.text.trimmingCharacters(in: .whitespacesAndNewlines) == "\(facts.width),\(facts.height)")
        #expect(facts.height == 1080)
    }

    /// With the stored size made wrong, every fixture still measures as ffprobe says: the size comes from the
    /// parameter sets (H.264 SPS, HEVC SPS), cropped by each chroma format's and field coding's unit.
    @Test(arguments: probes.filter { $0.value.hasVideo }.keys.sorted())
    func theSizeComesFromTheParameterSets(_ name: String) throws {
        let probe = try #require(probes[name])
        var file = try MP4Surgery(fixture: name)
        try file.setStoredSize(width: 16, height: 16)
        let facts = try MP4Reader().read(MemoryFile(file.bytes))
        #expect(facts.width == probe.width && facts.height == probe.height)
    }

    @Test func anUnreadableSPSFallsBackToTheStoredSize() throws {
        var file = try Self.cameraStyle1088()
        let stsd = try #require(file.box(["moov", "trak", "mdia", "minf", "stbl", "stsd"], track: "vide"))
        let avcC = try #require(
            (stsd.payload..<(stsd.end - 4)).first {
                String(decoding: file.bytes[$0..<($0 + 4)], as: UTF8.self) == "avcC"
            })
        // The SPS length (after the 4-byte type and 6 bytes of the record) now says 2: header and profile only.
        file.set(2, at: avcC + 4 + 6, width: 2)
        let facts = try MP4Reader().read(MemoryFile(file.bytes))
        #expect(facts.width == 1920 && facts.height == 1088)
    }
}
