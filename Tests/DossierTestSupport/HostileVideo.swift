import Foundation

/// Videos made from a real clip by byte surgery, each with a fact no real video has (or, for `coded1088`, one that
/// cameras do write). Rule examples (`@video-…` built samples) and end-to-end tests use them.
public enum HostileVideo: String, CaseIterable, Sendable {
    /// Media data whose 64-bit size ends past 2^64: the sum once trapped with “arithmetic overflow”.
    case hugeMediaData = "@video-huge-mdat"
    /// A video track whose time scale is 0.
    case zeroTimescale = "@video-timescale-zero"
    /// A track matrix turning the picture 45°.
    case tilted = "@video-tilted"
    /// 1920×1088 in the sample description, cropped to 1080 by the H.264 SPS, as cameras write it.
    case coded1088 = "@video-coded-1088"
    /// Every byte of the media data zeroed: the boxes are whole, no frame decodes.
    case undecodable = "@video-undecodable"
    /// 4 KB of the media data halfway through overwritten: the first second decodes, then the stream breaks
    /// (`--deep` finds it; the sampled keyframes may not).
    case damagedMiddle = "@video-deep-damaged"
    /// The sync-sample table names one keyframe, past the last sample: no keyframe in range for any time looked
    /// for (the decoder still finds the real one, the first frame).
    case keyframePastTheEnd = "@video-keyframe-past-end"
    /// The movie header claims 16 MB inside a movie box of a few KB: FFmpeg parses on into what follows as boxes
    /// (fuzzing found such files taking 7 and 16 s to open); the frame reader refuses them unopened.
    case boxPastItsParent = "@video-box-past-parent"

    /// The clip `original` (an ffmpeg MP4 with a ‘free’ box before ‘mdat’) made hostile.
    public func make(from original: [UInt8]) throws -> [UInt8] {
        var file = MP4Surgery(original)
        switch self {
        case .hugeMediaData:
            guard let free = file.box(["free"]) else { throw CocoaError(.fileReadCorruptFile) }
            // The 8-byte ‘free’ box and the ‘mdat’ header after it become one 16-byte header.
            file.set(1, at: free.start, width: 4)
            file.set(0x6D64_6174, at: free.start + 4, width: 4)
            file.set(0xFFFF_FFFF_FFFF_FFF0, at: free.start + 8, width: 8)
        case .zeroTimescale:
            try file.set(0, in: ["moov", "trak", "mdia", "mdhd"], at: 12, width: 4)
        case .tilted:
            try file.setMatrix(a: 46341, b: 46341, c: -46341, d: 46341)
        case .coded1088:
            try file.setStoredSize(width: 1920, height: 1088)
        case .keyframePastTheEnd:
            let stbl = ["moov", "trak", "mdia", "minf", "stbl"]
            guard let sizes = file.box(stbl + ["stsz"], track: "vide"),
                let sync = file.box(stbl + ["stss"], track: "vide")
            else { throw CocoaError(.fileReadCorruptFile) }
            let count = file.number(at: sizes.payload + 8, width: 4)
            file.set(1, at: sync.payload + 4, width: 4)
            file.set(count + 1, at: sync.payload + 8, width: 4)
        case .boxPastItsParent:
            guard let header = file.box(["moov", "mvhd"]) else { throw CocoaError(.fileReadCorruptFile) }
            file.set(0x00FF_FFFF, at: header.start, width: 4)
        case .undecodable, .damagedMiddle:
            guard let data = file.box(["mdat"]) else { throw CocoaError(.fileReadCorruptFile) }
            let length = data.end - data.payload
            let middle = data.payload + length / 2
            let range = self == .undecodable ? data.payload..<data.end : middle..<min(data.end, middle + 4096)
            for index in range { file.bytes[index] = self == .undecodable ? 0 : UInt8(truncatingIfNeeded: index &* 97) }
        }
        return file.bytes
    }
}
