import DossierInspect

#if canImport(Glibc)
    import Glibc
#endif

/// The parsers the fuzz target drives, numbered as the first input byte chooses them (`byte % 6`).
enum Parser: UInt8, CaseIterable {
    case jpeg = 0, mp4, zip, docx, xlsx, xml

    /// The parser named by `FUZZ_ONLY=N` (0–5) in the environment, read once: then one run fuzzes one parser,
    /// whatever the first byte says, and the mutator writes N into the first byte so saved inputs replay alone.
    static let only: Parser? = {
        guard let text = getenv("FUZZ_ONLY"), let number = UInt8(String(cString: text)) else { return nil }
        return Parser(rawValue: number % 6)
    }()

    /// The parser for an input whose first byte is `first`.
    static func chosen(by first: UInt8) -> Parser { only ?? Parser(rawValue: first % 6) ?? .xml }
}

/// libFuzzer's entry point: the first byte chooses the parser (unless `FUZZ_ONLY` is set), the rest is its input.
/// Every parser must return (facts or a problem) in bounded time and memory; a crash, a hang or a leak is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 0 else { return 0 }
    let input = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    switch Parser.chosen(by: data[0]) {
    case .jpeg:
        // Small bounds keep each run fast; the checks are the same at any bound. The thumbnail path (contact
        // sheets; CMYK and YCCK turned into RGB) is its own code: one input in two takes it; one in three takes
        // the picture checks' luminance instead.
        let limits = JPEGLimits(maximumPixels: 4_000_000, maximumScans: 50)
        if size % 3 == 0 {
            // The picture checks' path: the upright luminance at a finer scale than the photo check's.
            _ = JPEGInspector.inspectWithGrey(input, limits: limits, grey: GreyRequest(minimumShortSide: 240))
        } else {
            _ = JPEGInspector.inspect(input, limits: limits, thumbnailQuality: size % 2 == 0 ? 70 : nil)
        }
    case .mp4:
        // The box reader always; then FFmpeg (CFFmpegShim) for one input in three: a few frames and the poster,
        // or (one in six) every frame, within small bounds of time and packets. As in a check, FFmpeg only sees a
        // video whose boxes the reader accepts and that has a picture: FFmpeg's own header parsing is not bounded
        // by our deadline (a fragmented MP4 with a broken track matrix took it 12 s under AddressSanitizer), and
        // such a file never reaches it.
        let boxes = try? MP4Reader().read(MemoryRandomAccess(input))
        if size % 3 == 0, boxes?.hasVideoTrack == true, boxes?.decoderHazard == nil {
            let settings = VideoFrameSettings(
                longSide: 64, maximumPixels: 4_000_000, seconds: 2, deepSeconds: 2, maximumPacketsPerFrame: 60)
            if size % 2 == 0 {
                _ = VideoFrameReader.decodeAll(MemoryRandomAccess(input), settings: settings)
            } else {
                _ = VideoFrameReader.sample(
                    MemoryRandomAccess(input), settings: settings, pictures: PictureSettings(), poster: true)
            }
        }
    case .zip:
        guard let archive = try? ZipArchive(MemoryRandomAccess(input)) else { return 0 }
        for entry in archive.entries.prefix(8) { _ = try? archive.contents(entry, limit: 1 << 20) }
    case .docx:
        _ = try? OfficeReader.docx(input)
    case .xlsx:
        _ = try? OfficeReader.xlsx(input)
    case .xml:
        _ = try? XMLStream.read(input, maximumEvents: 100_000) { _ in }
    }
    return 0
}
