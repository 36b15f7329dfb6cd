import DossierCore
import DossierInspect
import DossierTestSupport
import Foundation
import Testing

private let fixtures = Repository.fixtures

private func fixture(_ name: String) throws -> [UInt8] {
    Array(try Data(contentsOf: fixtures.appendingPathComponent(name)))
}

/// What Pillow read from each good fixture (scripts/make-fixtures.py wrote it).
private struct PillowFacts: Decodable {
    var width: Int
    var height: Int
    var components: Int
    var progressive: Bool
    var orientation: Int
}

private let pillow: [String: PillowFacts] = {
    guard let data = try? Data(contentsOf: fixtures.appendingPathComponent("pillow.json")) else { return [:] }
    return (try? JSONDecoder().decode([String: PillowFacts].self, from: data)) ?? [:]
}()

@Suite struct JPEGInspectorTests {
    @Test func pillowReferenceIsThere() { #expect(pillow.count >= 14) }

    @Test(arguments: pillow.keys.sorted()) func agreesWithPillow(_ name: String) throws {
        let reference = try #require(pillow[name])
        let inspection = JPEGInspector.inspect(try fixture(name))
        let facts = try #require(inspection.facts)
        #expect(facts.width == reference.width)
        #expect(facts.height == reference.height)
        #expect(facts.components == reference.components)
        #expect(facts.progressive == reference.progressive)
        #expect(facts.orientation == reference.orientation)
        #expect(facts.decodes, "\(inspection.problem ?? "")")
        #expect(facts.trailingBytes == 0)
    }

    @Test func orientationsFiveToEightSwapTheDisplayedSize() throws {
        for orientation in 1...8 {
            let facts = try #require(JPEGInspector.inspect(try fixture("orientation-\(orientation).jpg")).facts)
            let swapped = orientation >= 5
            #expect(facts.displayWidth == (swapped ? 48 : 64) && facts.displayHeight == (swapped ? 64 : 48))
        }
    }

    @Test func truncatedFileDoesNotDecode() throws {
        let inspection = JPEGInspector.inspect(try fixture("truncated.jpg"))
        #expect(inspection.facts?.decodes == false)
        #expect(inspection.problem?.contains("end of JPEG") == true)
    }

    @Test func zeroedBlockDoesNotDecode() throws {
        let inspection = JPEGInspector.inspect(try fixture("zeroed-block.jpg"))
        #expect(inspection.facts?.decodes == false)
        #expect(inspection.problem != nil)
    }

    @Test func trailingBytesAreCounted() throws {
        #expect(JPEGInspector.inspect(try fixture("padded.jpg")).facts?.trailingBytes == 1000)
    }

    @Test func absurdHeaderIsNotDecoded() throws {
        let inspection = JPEGInspector.inspect(try fixture("huge-header.jpg"))
        #expect(inspection.tooLarge)
        #expect(inspection.facts?.width == 65500 && inspection.facts?.height == 65500)
        #expect(inspection.facts?.decodes == false)
    }

    @Test func colourIsMeasured() throws {
        let colour = try #require(JPEGInspector.inspect(try fixture("whole.jpg")).chromaFraction)
        let monochrome = try #require(JPEGInspector.inspect(try fixture("monochrome-rgb.jpg")).chromaFraction)
        #expect(colour > 0.5)
        #expect(monochrome < 0.01)
        #expect(JPEGInspector.inspect(try fixture("grey.jpg")).facts?.colorSpace == "Grayscale")
        #expect(JPEGInspector.inspect(try fixture("cmyk.jpg")).facts?.colorSpace == "CMYK")
    }

    @Test func aPrintFileGetsAColourThumbnail() throws {
        // Pillow's CMYK JPEG (Adobe's inverted inks): the contact sheet shows it as an RGB picture.
        let inspection = JPEGInspector.inspect(
            try fixture("cmyk.jpg"), limits: JPEGLimits(scaleDenominator: 1), thumbnailQuality: 90)
        let thumbnail = try #require(inspection.thumbnail)
        let shown = JPEGInspector.inspect(thumbnail)
        #expect(shown.facts?.colorSpace == "YCbCr")
        #expect(shown.facts?.width == 80 && shown.facts?.height == 60)
        #expect(try #require(shown.chromaFraction) > 0.5)
    }

    @Test func headerOnlyReadsNoImageData() throws {
        let inspection = JPEGInspector.inspect(try fixture("truncated.jpg"), decode: false)
        #expect(inspection.facts?.width == 160)
        #expect(inspection.problem == nil)
    }

    @Test(arguments: [0, 9, 65535] as [UInt16])
    func anInvalidOrientationIsReportedAsStored(_ value: UInt16) throws {
        let bytes = try JPEGFixture.withOrientation(value, from: Data(try fixture("orientation-6.jpg")))
        let facts = try #require(JPEGInspector.inspect([UInt8](bytes)).facts)
        #expect(facts.orientation == Int(value))
        #expect(facts.displayWidth == facts.width)
    }

    @Test func lyingEXIFGivesNoOrientation() throws {
        #expect(EXIFReader.orientation(in: try fixture("orientation-lying.jpg")) == nil)
        #expect(JPEGInspector.inspect(try fixture("orientation-lying.jpg")).facts?.orientation == 1)
    }

    /// Pillow's whole.jpg with an EXIF segment put in front of its own segments: big-endian TIFF, one IFD at
    /// `ifd` holding `count` entries, the orientation tag in the first; `length` overrides the segment's length.
    private func withEXIF(ifd: UInt32, count: UInt16, orientation: UInt16 = 6, length: UInt16? = nil) throws -> [UInt8]
    {
        func be16(_ value: UInt16) -> [UInt8] { [UInt8(value >> 8), UInt8(value & 0xFF)] }
        func be32(_ value: UInt32) -> [UInt8] { be16(UInt16(value >> 16)) + be16(UInt16(value & 0xFFFF)) }
        let entry = be16(0x0112) + be16(3) + be32(1) + be16(orientation) + be16(0)
        let tiff = Array("MM".utf8) + be16(42) + be32(ifd) + be16(count) + entry + be32(0)
        let content = Array("Exif\0\0".utf8) + tiff
        let whole = try fixture("whole.jpg")
        return [0xFF, 0xD8, 0xFF, 0xE1] + be16(length ?? UInt16(content.count + 2)) + content + whole.dropFirst(2)
    }

    @Test func exifOffsetsAndCountsFromTheFileAreChecked() throws {
        #expect(EXIFReader.orientation(in: try withEXIF(ifd: 8, count: 1)) == 6)
        // Offsets and counts near 2^32 and 2^16, a length past the end: no orientation, never a trap.
        #expect(EXIFReader.orientation(in: try withEXIF(ifd: 0xFFFF_FFFF, count: 1)) == nil)
        #expect(EXIFReader.orientation(in: try withEXIF(ifd: 0xFFFF_FFF0, count: 0xFFFF)) == nil)
        #expect(EXIFReader.orientation(in: try withEXIF(ifd: 8, count: 0xFFFF)) == 6)
        // An invalid value is returned as stored: the photo checks report it (PHOTO-CORRUPT, orientation).
        #expect(EXIFReader.orientation(in: try withEXIF(ifd: 8, count: 1, orientation: 9)) == 9)
        let cut = try withEXIF(ifd: 8, count: 1, length: 0xFFFF)
        #expect(EXIFReader.orientation(in: Array(cut.prefix(200))) == nil)
    }

    @Test func notAJPEGIsAProblemNotACrash() throws {
        let inspection = JPEGInspector.inspect(try fixture("png-named.jpg"))
        #expect(inspection.facts == nil && inspection.problem != nil)
        #expect(JPEGInspector.inspect([]).facts == nil)
        #expect(JPEGInspector.inspect([0xFF, 0xD8]).facts == nil)
    }

    /// Every prefix length and thousands of deterministic byte mutations: findings, never a crash or a hang.
    @Test func hostileBytesNeverCrash() throws {
        let whole = try fixture("whole.jpg")
        for length in stride(from: 0, through: whole.count, by: 7) {
            _ = JPEGInspector.inspect(Array(whole.prefix(length)))
        }
        var generator = SplitMix(seed: 2021)
        var undecodable = 0
        for _ in 0..<2000 {
            var bytes = whole
            for _ in 0..<Int(generator.next() % 6 + 1) {
                let position = Int(generator.next() % UInt64(bytes.count))
                bytes[position] = UInt8(truncatingIfNeeded: generator.next())
            }
            let inspection = JPEGInspector.inspect(bytes)
            if inspection.facts?.decodes != true { undecodable += 1 }
            _ = EXIFReader.orientation(in: bytes)
        }
        #expect(undecodable > 0)
    }
}
