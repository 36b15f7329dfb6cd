import Testing

@testable import DossierInspect

/// Writes the bits of a parameter set the way an encoder does: fixed-width fields and exp-Golomb codes.
private struct BitWriter {
    var bits: [Bool] = []

    mutating func u(_ value: UInt64, _ width: Int) {
        for shift in stride(from: width - 1, through: 0, by: -1) { bits.append(value >> UInt64(shift) & 1 == 1) }
    }

    mutating func ue(_ value: UInt64) {
        let coded = value + 1
        let width = 64 - coded.leadingZeroBitCount
        u(0, width - 1)
        u(coded, width)
    }

    mutating func se(_ value: Int64) { ue(value > 0 ? UInt64(2 * value - 1) : UInt64(-2 * value)) }

    /// The NAL unit: `header`, then the bits with the stop bit, with emulation prevention as the standard asks
    /// (a 3 after two zero bytes that a byte of 0–3 follows).
    func nal(header: [UInt8]) -> [UInt8] {
        var all = bits + [true]
        while all.count % 8 != 0 { all.append(false) }
        let rbsp = stride(from: 0, to: all.count, by: 8).map { start in
            all[start..<(start + 8)].reduce(UInt8(0)) { $0 << 1 | ($1 ? 1 : 0) }
        }
        var escaped: [UInt8] = []
        var zeros = 0
        for byte in rbsp {
            if zeros >= 2 && byte <= 3 {
                escaped.append(3)
                zeros = 0
            }
            escaped.append(byte)
            zeros = byte == 0 ? zeros + 1 : 0
        }
        return header + escaped
    }
}

@Suite struct CodedPictureTests {
    /// A High 4:2:2 SPS with scaling lists, picture order type 1 and a 1920×1088 frame cropped to 1080: the parts
    /// x264 never writes, so no fixture has them.
    static func high422(cropBottom: UInt64 = 8, widthInMacroblocks: UInt64 = 120) -> [UInt8] {
        var sps = BitWriter()
        sps.u(122, 8)  // profile_idc: High 4:2:2
        sps.u(0, 8)
        sps.u(40, 8)
        sps.ue(0)  // seq_parameter_set_id
        sps.ue(2)  // chroma_format_idc 4:2:2: the crop unit is 2 across, 1 down
        sps.ue(0)
        sps.ue(0)
        sps.u(0, 1)
        sps.u(1, 1)  // seq_scaling_matrix_present_flag
        for list in 0..<8 {
            sps.u(list == 1 ? 0 : 1, 1)
            guard list != 1 else { continue }
            if list == 2 {
                sps.se(-8)  // next scale 0 at once: use the default list
            } else {
                for index in 0..<(list < 6 ? 16 : 64) { sps.se(index == 0 ? 8 : 0) }
            }
        }
        sps.ue(0)  // log2_max_frame_num_minus4
        sps.ue(1)  // pic_order_cnt_type 1
        sps.u(0, 1)
        sps.se(-2)
        sps.se(3)
        sps.ue(2)
        sps.se(1)
        sps.se(-1)
        sps.ue(4)  // max_num_ref_frames
        sps.u(0, 1)
        sps.ue(widthInMacroblocks - 1)
        sps.ue(68 - 1)  // 68 macroblocks: 1088 lines
        sps.u(1, 1)  // frame_mbs_only_flag
        sps.u(1, 1)
        sps.u(1, 1)  // frame_cropping_flag
        sps.ue(0)
        sps.ue(0)
        sps.ue(0)
        sps.ue(cropBottom)
        sps.u(0, 1)  // no VUI
        return sps.nal(header: [0x67])
    }

    @Test func scalingListsAndPictureOrderType1AreSkipped() {
        #expect(CodedPicture.avc(sps: Self.high422()) == CodedPicture.Size(width: 1920, height: 1080))
    }

    @Test func emulationPreventionBytesAreTakenOut() {
        // Constraint flags and level 0, then an identifier whose code starts with six zero bits: the bytes
        // 00 00 02 that the writer escapes as 00 00 03 02.
        var zeros = BitWriter()
        zeros.u(66, 8)  // Baseline: no chroma_format_idc
        zeros.u(0, 16)
        zeros.ue(63)
        zeros.ue(0)
        zeros.ue(2)  // pic_order_cnt_type 2
        zeros.ue(0)
        zeros.u(0, 1)
        zeros.ue(0)  // 16 wide
        zeros.ue(0)  // 16 high
        zeros.u(1, 1)
        zeros.u(0, 1)
        zeros.u(0, 1)  // no cropping
        zeros.u(0, 1)
        let nal = zeros.nal(header: [0x67])
        #expect(nal.prefix(5) == [0x67, 66, 0, 0, 3])
        #expect(CodedPicture.avc(sps: nal) == CodedPicture.Size(width: 16, height: 16))
    }

    @Test func croppingMoreThanThePictureIsNoSize() {
        #expect(CodedPicture.avc(sps: Self.high422(cropBottom: 2000)) == nil)
        #expect(CodedPicture.avc(sps: Self.high422(cropBottom: 0xFFFF_FFFE)) == nil)
        #expect(CodedPicture.avc(sps: Self.high422(widthInMacroblocks: 0xFFFF_FFFF)) == nil)
    }

    @Test func cutOrAbsurdParameterSetsAreNoSize() {
        let sps = Self.high422()
        for length in 0..<sps.count { #expect(CodedPicture.avc(sps: Array(sps.prefix(length))) == nil) }
        // Forty zero bits: an exp-Golomb code longer than any value.
        #expect(CodedPicture.avc(sps: [0x67, 66, 0, 0] + [UInt8](repeating: 0, count: 5) + [0xFF]) == nil)
        #expect(CodedPicture.avc(configuration: []) == nil)
        #expect(CodedPicture.hevc(configuration: [UInt8](repeating: 0xFF, count: 40)) == nil)
        #expect(CodedPicture.hevc(sps: [0x42, 0x01]) == nil)
    }

    @Test func mutatedParameterSetsNeverTrap() {
        var generator = SplitMix(seed: 264)
        let sps = Self.high422()
        for _ in 0..<3000 {
            var bytes = sps
            for _ in 0..<Int(generator.next() % 4 + 1) {
                bytes[Int(generator.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: generator.next())
            }
            _ = CodedPicture.avc(sps: bytes)
            _ = CodedPicture.hevc(sps: [0x42, 0x01] + bytes.dropFirst())
            _ = CodedPicture.avc(configuration: [1, 100, 0, 40, 0xFF, 0xE1, 0, UInt8(bytes.count)] + bytes)
            _ = CodedPicture.hevc(configuration: [UInt8](repeating: 0, count: 22) + [1, 33, 0, 1, 0, 20] + bytes)
        }
    }
}
