import DossierCore
import DossierTestSupport
import Foundation
import Testing

@testable import DossierInspect

/// A fragmented MP4 whose track ID has its top bit set kept FFmpeg 5.1's header parsing busy for seconds, past any
/// time limit (found by the fuzz target from Tests/Fixtures/video/fragmented.mp4 with one byte changed): its boxes
/// are sound, but it is not given to FFmpeg, and the reason is said.
@Suite struct DecoderHazardTests {
    /// `name` with every track ID (tkhd, trex, tfhd) of 1 (the video track) set to `id`.
    private func withTrackID(_ name: String, _ id: UInt32) throws -> [UInt8] {
        var bytes = Array(try Data(contentsOf: Repository.videoFixtures.appendingPathComponent(name)))
        func patch(_ tag: String, skip: Int) {
            var at = 0
            let type = Array(tag.utf8)
            while let found = bytes[at...].firstRange(of: type) {
                let field = found.lowerBound + 4 + skip
                if field + 4 <= bytes.count, bytes[field..<field + 4].elementsEqual([0, 0, 0, 1]) {
                    bytes.replaceSubrange(
                        field..<field + 4,
                        with: [UInt8(id >> 24), UInt8(id >> 16 & 0xFF), UInt8(id >> 8 & 0xFF), UInt8(id & 0xFF)])
                }
                at = found.upperBound
            }
        }
        patch("tkhd", skip: 12)  // version 0: flags, creation and modification times, then the track ID
        patch("trex", skip: 4)
        patch("tfhd", skip: 4)
        return bytes
    }

    @Test func aFragmentedFileWithATrackIDAbove2To31IsNotGivenToFFmpeg() throws {
        let hazard = try MP4Reader().read(MemoryRandomAccess(withTrackID("fragmented.mp4", 0x8000_0001)))
        #expect(hazard.hasVideoTrack && hazard.decoderHazard?.contains("2147483649") == true)
        // The same file with an ordinary ID, or a plain file with the high ID: given to FFmpeg as any other.
        let ordinary = try MP4Reader().read(MemoryRandomAccess(withTrackID("fragmented.mp4", 0x4000_0001)))
        #expect(ordinary.decoderHazard == nil)
        let plain = try MP4Reader().read(MemoryRandomAccess(withTrackID("landscape.mp4", 0x8000_0001)))
        #expect(plain.decoderHazard == nil)
        // Not part of the report's `video` object.
        let json = String(decoding: try JSONEncoder().encode(hazard), as: UTF8.self)
        #expect(!json.contains("decoderHazard"))
    }
}
