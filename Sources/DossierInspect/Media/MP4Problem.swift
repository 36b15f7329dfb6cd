import DossierCore
import Foundation

/// Why a video could not be measured; each says what is wrong in a way a person can act on.
public enum MP4Problem: Error, Equatable, CustomStringConvertible {
    /// The media data the file lists lies past its end: the copy is incomplete.
    case truncated(fileBytes: UInt64, neededBytes: UInt64)
    /// A box claims more bytes than there are.
    case boxOverrun(type: String, offset: UInt64, claimed: UInt64, available: UInt64)
    /// No `moov`: the file was never finished, or is not a video.
    case noMovie
    /// Sizes, offsets or durations in box `part` that add up past 2^64: no real file holds them.
    case overflow(part: String)
    /// A time scale of 0 in `box` (`mvhd` for the movie, `mdhd` for the video track) of a video with frames: none
    /// of its times can be turned into seconds.
    case zeroTimescale(box: String)
    /// A video of `frames` frames that lasts 0 s (to the millisecond).
    case zeroDuration(frames: UInt64)
    /// A video track without a single frame: nothing to play.
    case noFrames
    /// Frame timing no camera or editor writes: frames without time between them (0 a second), or more than
    /// `MP4Reader.frameRates` allows.
    case impossibleFrameRate(Double)
    /// A video track matrix that collapses the picture (determinant 0) or scales it beyond
    /// `MP4Reader.matrixScales`; `scale` is the factor its area changes by, square-rooted.
    case impossibleMatrix(scale: Double)
    case damaged(String)
    case tooComplex(String)

    public var description: String {
        switch self {
        case .truncated(let file, let needed):
            "the file ends at \(Self.megabytes(file)) MB but its samples need \(Self.megabytes(needed)) MB: the copy is incomplete"
        case .boxOverrun(let type, let offset, let claimed, let available):
            "box ‘\(type)’ at byte \(offset) claims \(claimed) bytes but only \(available) remain"
        case .noMovie: "no ‘moov’ box: the recording was never finished, or this is not a video"
        case .overflow(let part): "the sizes or durations in ‘\(part)’ add up past 2^64"
        case .zeroTimescale(let box): "the time scale in ‘\(box)’ is 0: the video's length cannot be known"
        case .zeroDuration(let frames): "\(frames) frames that last 0 s"
        case .noFrames: "the video track holds no frames"
        case .impossibleFrameRate(let rate): "the frame timing gives \(rate.formatted2) frames a second"
        case .impossibleMatrix(let scale): "the track matrix scales the picture by \(scale.formatted2)"
        case .damaged(let what): what
        case .tooComplex(let what): "too complex to check: \(what)"
        }
    }

    static func megabytes(_ bytes: UInt64) -> String { (Double(bytes) / 1_000_000).formatted2 }
}
