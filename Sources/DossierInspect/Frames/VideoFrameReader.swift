import CFFmpegShim
import CJPEGShim
import Foundation

/// Decodes frames of an MP4/MOV with FFmpeg (through `CFFmpegShim`), reading its bytes through `RandomAccess` (a
/// file on disk or a stored zip entry alike): a few frames, measured as photos are, or every frame (`--deep`).
public enum VideoFrameReader {
    /// The FFmpeg libraries' versions ("libavformat 59.27.100, libavcodec 59.37.100, libswscale 6.7.100").
    public static var libraryVersion: String { String(cString: CFFmpegShim_version()) }

    /// The frames at `settings.fractions` of the duration, each measured with `pictures` (no faces); the middle
    /// one also as a small JPEG when `poster`.
    public static func sample(
        _ file: any RandomAccess, settings: VideoFrameSettings, pictures: PictureSettings, poster: Bool
    ) -> VideoFrameFacts {
        samplingGate.withLock { sampleAlone(file, settings: settings, pictures: pictures, poster: poster) }
    }

    /// One video is sampled at a time in the process (its time limit starts once its turn comes): each decoder holds
    /// a few full-size frames, and sampling costs about 25 ms of CPU a video, so two at once saved little time but
    /// put `seal` and `verify` over their memory budget (benchmark bundle, 2026-12-02: seal 102 → 96 MB at its
    /// peak, verify 97 → 90 MB). Decoding every frame (`--deep`, seconds a video) still runs on every core.
    private static let samplingGate = NSLock()

    private static func sampleAlone(
        _ file: any RandomAccess, settings: VideoFrameSettings, pictures: PictureSettings, poster: Bool
    ) -> VideoFrameFacts {
        let opened = Opened(file, settings: settings, seconds: settings.seconds)
        defer { withExtendedLifetime(opened) {} }
        var facts = VideoFrameFacts(decoder: opened.decoder, library: libraryVersion)
        guard let video = opened.video else {
            if opened.status == CFFMPEGSHIM_UNAVAILABLE {
                facts.unavailable = opened.problem
            } else {
                facts.unopened = opened.problem
            }
            return facts
        }
        var previous: GreyImage?
        var after = -1.0
        let posterIndex = settings.fractions.count / 2
        for (index, fraction) in settings.fractions.enumerated() {
            var frame = CFFmpegShim_Frame()
            var problem = [CChar](repeating: 0, count: 160)
            let wantsRGB = poster && index == posterIndex
            let code = CFFmpegShim_frame_at(
                video, fraction, after, Int32(settings.longSide), wantsRGB ? 1 : 0, &frame, &problem, problem.count)
            defer {
                CFFmpegShim_free(frame.grey)
                CFFmpegShim_free(frame.rgb)
            }
            guard code == 0, let greyPixels = frame.grey, frame.width > 0, frame.height > 0,
                let image = GreyImage(
                    width: Int(frame.width), height: Int(frame.height),
                    pixels: Array(UnsafeBufferPointer(start: greyPixels, count: Int(frame.width) * Int(frame.height))))
            else {
                facts.failures.append(.init(fraction: fraction, problem: text(problem)))
                continue
            }
            // A frame decoded again (a clip shorter than its first keyframe's reach) is not a new sample.
            if let last = facts.frames.last, abs(last.seconds - frame.seconds) < 0.001 { continue }
            after = frame.seconds
            let levels = PictureMeasure.levels(image)
            facts.frames.append(
                .init(
                    seconds: (frame.seconds * 1000).rounded() / 1000,
                    picture: PictureMeasure.measure(image, faces: nil, settings: pictures), mean: levels.mean,
                    spread: levels.spread, change: previous.flatMap { PictureMeasure.change(from: $0, to: image) },
                    damage: damage(frame.damaged)))
            previous = image
            if wantsRGB, let rgb = frame.rgb {
                var jpeg = CJPEGShim_Thumbnail()
                CJPEGShim_encode_rgb(rgb, frame.width, frame.height, Int32(settings.posterQuality), &jpeg)
                if let bytes = jpeg.bytes {
                    facts.poster = Array(UnsafeBufferPointer(start: bytes, count: Int(jpeg.size)))
                    CJPEGShim_free(bytes)
                }
            }
        }
        return facts
    }

    /// Decodes every frame from the start, within `settings.deepSeconds`.
    public static func decodeAll(_ file: any RandomAccess, settings: VideoFrameSettings) -> DeepDecode {
        let opened = Opened(file, settings: settings, seconds: settings.deepSeconds)
        defer { withExtendedLifetime(opened) {} }
        guard let video = opened.video else {
            return DeepDecode(decoder: opened.decoder, library: libraryVersion, unopened: opened.problem)
        }
        var deep = CFFmpegShim_Deep()
        CFFmpegShim_decode_all(video, &deep)
        let error = withUnsafeBytes(of: deep.error) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        return DeepDecode(
            decoder: opened.decoder, library: libraryVersion, frames: Int(deep.frames), packets: Int(deep.packets),
            errorSeconds: deep.error_seconds >= 0 ? (deep.error_seconds * 1000).rounded() / 1000 : nil,
            error: deep.error_seconds >= 0 ? error : nil, finished: deep.finished != 0,
            reachedSeconds: (deep.reached_seconds * 1000).rounded() / 1000)
    }

    /// One video opened by the shim, and the bytes it reads (`RandomAccess` behind a C callback), which live as
    /// long as it; closed when released.
    private final class Opened {
        let file: any RandomAccess
        private(set) var video: OpaquePointer?
        private(set) var decoder = ""
        private(set) var problem = ""
        private(set) var status: Int32 = 0

        init(_ file: any RandomAccess, settings: VideoFrameSettings, seconds: Double) {
            self.file = file
            var input = CFFmpegShim_Input(
                context: Unmanaged.passUnretained(self).toOpaque(), read_at: Opened.readAt, size: file.size)
            var info = CFFmpegShim_Info()
            video = settings.decoders.joined(separator: ",").withCString { list -> OpaquePointer? in
                var limits = CFFmpegShim_Limits(
                    max_side: Int32(clamping: settings.maximumSide), max_pixels: Int64(settings.maximumPixels),
                    seconds: seconds, max_packets_per_frame: Int32(clamping: settings.maximumPacketsPerFrame),
                    decoders: list)
                return CFFmpegShim_open(&input, &limits, &info)
            }
            decoder = withUnsafeBytes(of: info.decoder) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            problem = withUnsafeBytes(of: info.problem) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            status = info.status
        }

        deinit { CFFmpegShim_close(video) }

        static let readAt: CFFmpegShim_ReadAt = { context, offset, buffer, size in
            guard let context, let buffer, size > 0 else { return -1 }
            let file = Unmanaged<Opened>.fromOpaque(context).takeUnretainedValue().file
            guard offset < file.size else { return 0 }
            let count = Int(min(UInt64(size), file.size - offset))
            guard let bytes = file.read(at: offset, count: count) else { return -1 }
            bytes.withUnsafeBufferPointer { buffer.update(from: $0.baseAddress!, count: bytes.count) }
            return Int32(bytes.count)
        }
    }

    private static func damage(_ code: Int32) -> VideoFrameFacts.Damage? {
        switch code {
        case 0: nil
        case CFFMPEGSHIM_DAMAGED_NO_KEYFRAME: .noKeyframe
        default: .decoding
        }
    }

    private static func text(_ chars: [CChar]) -> String {
        let text = String(decoding: chars.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return text.isEmpty ? "no frame decodes" : text
    }
}
