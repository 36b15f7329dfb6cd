/// The picture size a video's own parameter sets give: H.264 and HEVC code whole blocks (1920×1088) and crop them
/// to the picture shown (1920×1080) with a rectangle in the sequence parameter set. Cameras often store the coded
/// size in the sample description; ffprobe and players report the cropped one, and so does dossier.
///
/// Every field is read through a bounded bit reader and every size through checked arithmetic: a parameter set
/// that is cut short, codes an absurd number or crops more than the picture gives no size (nil), and the reader
/// falls back to the sample description's.
enum CodedPicture {
    struct Size: Equatable {
        var width: Int
        var height: Int
    }

    /// Largest side believed: no codec level allows more than 16,888 samples a line.
    static let largestSide = 1 << 16

    /// The size of the first SPS in an `avcC` record (ISO/IEC 14496-15 §5.3.3.1).
    static func avc(configuration avcC: [UInt8]) -> Size? {
        // version, profile, compatibility, level, length size; then the SPS count and the first SPS.
        guard let count = avcC.bigEndian(at: 5, width: 1), count.value & 0x1F > 0,
            let length = avcC.bigEndian(at: 6, width: 2)?.int, length <= avcC.count - 8
        else { return nil }
        return avc(sps: Array(avcC[8..<(8 + length)]))
    }

    /// The size of the first SPS in an `hvcC` record (ISO/IEC 14496-15 §8.3.3.1).
    static func hevc(configuration hvcC: [UInt8]) -> Size? {
        guard let arrays = hvcC.bigEndian(at: 22, width: 1)?.int else { return nil }
        var at = 23
        for _ in 0..<arrays {
            guard let kind = hvcC.bigEndian(at: at, width: 1), let units = hvcC.bigEndian(at: at + 1, width: 2)?.int
            else { return nil }
            at += 3
            for _ in 0..<units {
                guard let length = hvcC.bigEndian(at: at, width: 2)?.int, length <= hvcC.count - at - 2 else {
                    return nil
                }
                // The base layer's SPS (nuh_layer_id 0): a multi-layer SPS (MV-HEVC spatial video) has other syntax.
                if kind.value & 0x3F == 33, length > 2, hvcC[at + 2] & 1 == 0, hvcC[at + 3] >> 3 == 0 {
                    return hevc(sps: Array(hvcC[(at + 2)..<(at + 2 + length)]))
                }
                at += 2 + length
            }
        }
        return nil
    }

    /// The cropped size an H.264 sequence parameter set NAL unit gives (ITU-T H.264 §7.3.2.1.1, §7.4.2.1.1).
    static func avc(sps nal: [UInt8]) -> Size? {
        guard let header = nal.first, header & 0x1F == 7 else { return nil }
        var bits = BitReader(unescaping: nal.dropFirst())
        guard let profile = bits.read(8), bits.skip(16), bits.ue() != nil else { return nil }
        var chromaFormat: UInt64 = 1
        var separatePlanes = false
        if [100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135, 144].contains(profile) {
            guard let format = bits.ue(), format <= 3 else { return nil }
            chromaFormat = format
            if format == 3 {
                guard let flag = bits.read(1) else { return nil }
                separatePlanes = flag == 1
            }
            // bit depths, qpprime_y_zero_transform_bypass_flag
            guard bits.ue() != nil, bits.ue() != nil, bits.skip(1), let scaling = bits.read(1) else { return nil }
            if scaling == 1 {
                for list in 0..<(chromaFormat == 3 ? 12 : 8) {
                    guard let present = bits.read(1) else { return nil }
                    if present == 1 { guard bits.skipScalingList(list < 6 ? 16 : 64) else { return nil } }
                }
            }
        }
        guard bits.ue() != nil, let orderType = bits.ue() else { return nil }
        switch orderType {
        case 0:
            guard bits.ue() != nil else { return nil }
        case 1:
            guard bits.skip(1), bits.se() != nil, bits.se() != nil, let cycle = bits.ue(), cycle <= 255 else {
                return nil
            }
            for _ in 0..<cycle { guard bits.se() != nil else { return nil } }
        case 2:
            break
        default:
            return nil
        }
        // max_num_ref_frames, gaps_in_frame_num_value_allowed_flag
        guard bits.ue() != nil, bits.skip(1), let widthInBlocks = bits.ue(), let heightInUnits = bits.ue(),
            let frameBlocksOnly = bits.read(1)
        else { return nil }
        if frameBlocksOnly == 0 { guard bits.skip(1) else { return nil } }
        guard bits.skip(1), let cropping = bits.read(1) else { return nil }
        var crop: [UInt64] = [0, 0, 0, 0]
        if cropping == 1 {
            for side in 0..<4 {
                guard let offset = bits.ue() else { return nil }
                crop[side] = offset
            }
        }
        // A frame of fields codes two lines per map unit line; the crop unit follows the chroma subsampling.
        let fieldFactor: UInt64 = frameBlocksOnly == 1 ? 1 : 2
        let monochromeLike = separatePlanes || chromaFormat == 0
        let unitX: UInt64 = monochromeLike || chromaFormat == 3 ? 1 : 2
        let unitY: UInt64 = (monochromeLike || chromaFormat != 1 ? 1 : 2) * fieldFactor
        guard let width = FileNumber(widthInBlocks).adding(1)?.multiplied(by: 16),
            let height = FileNumber(heightInUnits).adding(1)?.multiplied(by: 16)?.multiplied(
                by: FileNumber(fieldFactor))
        else { return nil }
        return cropped(width: width, height: height, crop: crop, unitX: unitX, unitY: unitY)
    }

    /// The size inside the conformance window an HEVC sequence parameter set NAL unit gives (ITU-T H.265
    /// §7.3.2.2.1).
    static func hevc(sps nal: [UInt8]) -> Size? {
        guard nal.count > 2, nal[0] >> 1 & 0x3F == 33 else { return nil }
        var bits = BitReader(unescaping: nal.dropFirst(2))
        // sps_video_parameter_set_id, sps_max_sub_layers_minus1, sps_temporal_id_nesting_flag
        guard bits.skip(4), let subLayers = bits.read(3), bits.skip(1) else { return nil }
        // profile_tier_level: the general profile and level (96 bits), then what each sub-layer carries.
        guard bits.skip(96) else { return nil }
        var present: [(profile: Bool, level: Bool)] = []
        for _ in 0..<subLayers {
            guard let profile = bits.read(1), let level = bits.read(1) else { return nil }
            present.append((profile == 1, level == 1))
        }
        if subLayers > 0 { guard bits.skip(2 * (8 - Int(subLayers))) else { return nil } }
        for layer in present {
            guard bits.skip(layer.profile ? 88 : 0), bits.skip(layer.level ? 8 : 0) else { return nil }
        }
        guard bits.ue() != nil, let chromaFormat = bits.ue(), chromaFormat <= 3 else { return nil }
        var separatePlanes = false
        if chromaFormat == 3 {
            guard let flag = bits.read(1) else { return nil }
            separatePlanes = flag == 1
        }
        guard let width = bits.ue(), let height = bits.ue(), let window = bits.read(1) else { return nil }
        var crop: [UInt64] = [0, 0, 0, 0]
        if window == 1 {
            for side in 0..<4 {
                guard let offset = bits.ue() else { return nil }
                crop[side] = offset
            }
        }
        let monochromeLike = separatePlanes || chromaFormat == 0
        let unitX: UInt64 = monochromeLike || chromaFormat == 3 ? 1 : 2
        let unitY: UInt64 = monochromeLike || chromaFormat != 1 ? 1 : 2
        return cropped(width: FileNumber(width), height: FileNumber(height), crop: crop, unitX: unitX, unitY: unitY)
    }

    /// `width`×`height` less the crop offsets (left, right, top, bottom) in crop units; nil when the crop takes
    /// all of the picture or more, or a side is beyond belief.
    private static func cropped(width: FileNumber, height: FileNumber, crop: [UInt64], unitX: UInt64, unitY: UInt64)
        -> Size?
    {
        guard crop.count == 4,
            let across = FileNumber(crop[0]).adding(FileNumber(crop[1]))?.multiplied(by: FileNumber(unitX)),
            let down = FileNumber(crop[2]).adding(FileNumber(crop[3]))?.multiplied(by: FileNumber(unitY)),
            let shownWidth = width.subtracting(across)?.int(atMost: largestSide),
            let shownHeight = height.subtracting(down)?.int(atMost: largestSide), shownWidth > 0, shownHeight > 0
        else { return nil }
        return Size(width: shownWidth, height: shownHeight)
    }
}
