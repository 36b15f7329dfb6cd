import DossierCore
import Foundation

/// Reads ISO base media files (MP4, QuickTime MOV): box headers, `moov`, and `moof` fragments, never the media data.
/// Every size, offset and count read from the file is a `FileNumber`: sums and products are checked, and one past
/// 2^64 is a problem that names its box. Nesting, box count and sample count are bounded. Facts no real video
/// has (a time scale of 0, frames 0 s apart, a matrix that collapses the picture) are problems too, so that an
/// impossible file never passes as a video of 0 s at 0 frames a second.
public struct MP4Reader: Sendable {
    public var limits: MP4Limits

    /// Frame rates a real video can have. High-speed cameras record 960 a second but store the clip for playback at
    /// 30; a slide show may hold a picture for minutes, never for an hour.
    public static let frameRates = (1.0 / 3600)...1000.0
    /// Scales a track matrix may give the picture: players show 1; phones and editors write only rotations.
    public static let matrixScales = (1.0 / 16)...16.0

    public init(limits: MP4Limits = MP4Limits()) { self.limits = limits }

    /// The first two rows of a track matrix, (a, b) and (c, d), in 16.16 fixed point.
    private struct Matrix {
        var a: Int32 = 0x10000
        var b: Int32 = 0
        var c: Int32 = 0
        var d: Int32 = 0x10000
    }

    private struct Track {
        var handler = ""
        var timescale = FileNumber.zero
        var sawMediaHeader = false
        var duration = FileNumber.zero
        /// Width and height the sample description gives (cameras may give the coded 1088 lines).
        var storedWidth = 0
        var storedHeight = 0
        /// The cropped size the codec's parameter sets give, when they can be read.
        var picture: CodedPicture.Size?
        var matrix = Matrix()
        var codec = ""
        /// Frames the time-to-sample table (and the fragments) count, and the ticks they last together.
        var frames = FileNumber.zero
        var sampleTime = FileNumber.zero
        /// Samples the sample-size table lists.
        var listedSamples = FileNumber.zero
        var dataEnd = FileNumber.zero
        var trackID = FileNumber.zero
        var defaultSampleDuration = FileNumber.zero
        var fragmentEnd = FileNumber.zero
    }

    /// Measures the video `file` holds.
    public func read(_ file: any RandomAccess) throws(MP4Problem) -> VideoFacts {
        let fileSize = FileNumber(file.size)
        var offset = FileNumber.zero
        var boxes = 0
        var brands: [String] = []
        var sawFtyp = false
        var movie: [UInt8]?
        var fragments: [[UInt8]] = []
        while offset < fileSize {
            boxes += 1
            guard boxes <= limits.maximumBoxes else { throw .tooComplex("more than \(limits.maximumBoxes) boxes") }
            guard let available = fileSize.subtracting(offset) else { throw .overflow(part: "file") }
            guard available.value >= 8, let head = file.read(at: offset.value, count: 8),
                var size = head.bigEndian(at: 0, width: 4)
            else { throw .damaged("\(available) stray bytes at the end of the file") }
            let type = head.fourCC(4)
            var header = FileNumber(UInt64(8))
            if size.value == 1 {
                guard let largeAt = offset.adding(8), let large = file.read(at: largeAt.value, count: 8),
                    let largeSize = large.bigEndian(at: 0, width: 8)
                else { throw .damaged("box ‘\(type)’ is cut short") }
                size = largeSize
                header = FileNumber(UInt64(16))
            } else if size.value == 0 {
                size = available
            }
            guard size >= header, let payloadSize = size.subtracting(header), let payloadAt = offset.adding(header)
            else { throw .damaged("box ‘\(type)’ at byte \(offset) has an impossible size \(size)") }
            guard size <= available else {
                // Media data running past the end is a copy cut short; media data ending past 2^64 is no copy.
                if type == "mdat", let needed = offset.adding(size) {
                    throw .truncated(fileBytes: file.size, neededBytes: needed.value)
                }
                throw .boxOverrun(type: type, offset: offset.value, claimed: size.value, available: available.value)
            }
            switch type {
            case "ftyp":
                sawFtyp = true
                if let payload = file.read(at: payloadAt.value, count: payloadSize.int(atMost: 256) ?? 256) {
                    brands = stride(from: 0, to: payload.count - 3, by: 4).filter { $0 != 4 }.map { payload.fourCC($0) }
                }
            case "moov", "moof":
                guard let count = payloadSize.int(atMost: limits.maximumMovieBytes) else {
                    throw .tooComplex("‘\(type)’ of \(size) bytes")
                }
                guard let payload = file.read(at: payloadAt.value, count: count) else {
                    throw .damaged("‘\(type)’ cannot be read")
                }
                if type == "moov" {
                    movie = payload
                } else if fragments.count < limits.maximumBoxes {
                    fragments.append(payload)
                }
            default:
                break
            }
            guard let next = offset.adding(size) else { throw .overflow(part: type) }
            offset = next
        }
        guard let movie else { throw .noMovie }
        var facts = try parseMovie(movie, fragments: fragments, fileSize: fileSize)
        facts.container = sawFtyp && brands.first != "qt  " ? "mp4" : "mov"
        return facts
    }

    private func parseMovie(_ moov: [UInt8], fragments: [[UInt8]], fileSize: FileNumber) throws(MP4Problem)
        -> VideoFacts
    {
        var movieTimescale: FileNumber?
        var movieDuration = FileNumber.zero
        var fragmentDuration = FileNumber.zero
        var tracks: [Track] = []
        var trackDefaults: [FileNumber: FileNumber] = [:]
        for box in try children(moov, depth: 1) {
            let p = box.payload
            switch box.type {
            case "mvhd":
                let version1 = p.first == 1
                movieTimescale = try p.number(at: version1 ? 20 : 12, width: 4, in: "mvhd")
                movieDuration = try p.number(at: version1 ? 24 : 16, width: version1 ? 8 : 4, in: "mvhd")
                // All ones: the duration is not known.
                if movieDuration.value == (version1 ? UInt64.max : UInt64(UInt32.max)) { movieDuration = .zero }
            case "trak":
                tracks.append(try parseTrack(p))
            case "mvex":
                for inner in try children(p, depth: 2) {
                    let q = inner.payload
                    switch inner.type {
                    case "mehd":
                        fragmentDuration = try q.number(at: 4, width: q.first == 1 ? 8 : 4, in: "mehd")
                    case "trex":
                        let id = try q.number(at: 4, width: 4, in: "trex")
                        trackDefaults[id] = try q.number(at: 12, width: 4, in: "trex")
                    default:
                        break
                    }
                }
            default:
                break
            }
        }
        for index in tracks.indices {
            tracks[index].defaultSampleDuration = trackDefaults[tracks[index].trackID] ?? .zero
        }
        try applyFragments(fragments, to: &tracks)
        let needed = tracks.map(\.dataEnd).max() ?? .zero
        guard needed <= fileSize else { throw .truncated(fileBytes: fileSize.value, neededBytes: needed.value) }
        var facts = VideoFacts()
        // The movie header's duration, else the fragments' (mehd, then the fragments themselves), else the
        // longest track's; a track whose headers give no duration lasts as long as its samples.
        let trackSeconds = tracks.compactMap { track -> Double? in
            guard track.timescale.value > 0 else { return nil }
            let ticks = max(track.duration, track.fragmentEnd)
            return (ticks == .zero ? track.sampleTime : ticks).double / track.timescale.double
        }
        let scale = movieTimescale ?? .zero
        if scale.value > 0 && movieDuration.value > 0 {
            facts.durationSeconds = movieDuration.double / scale.double
        } else if scale.value > 0 && fragmentDuration.value > 0 {
            facts.durationSeconds = fragmentDuration.double / scale.double
        } else {
            facts.durationSeconds = trackSeconds.max() ?? 0
        }
        if facts.durationSeconds == 0, let longest = trackSeconds.max() { facts.durationSeconds = longest }
        // FFmpeg 5.1 keeps track IDs in a signed int: a fragmented file whose track ID has the top bit set (legal,
        // written by no real producer) keeps its header parsing busy for seconds (3.6 s for a 0.5 MB file, found by
        // the fuzz target), beyond any time limit, for it reads nothing meanwhile.
        if !fragments.isEmpty || !trackDefaults.isEmpty,
            let high = tracks.first(where: { $0.trackID.value > UInt64(Int32.max) })
        {
            facts.decoderHazard =
                "fragmented, with track ID \(high.trackID.value) above 2^31 - 1, which FFmpeg reads as negative"
        }
        facts.durationSeconds = (facts.durationSeconds * 1000).rounded() / 1000
        // The first video track with frames: a phone's second video track (a cover, depth) may be empty.
        let videoTracks = tracks.filter { $0.handler == "vide" }
        if let video = videoTracks.first(where: { max($0.frames, $0.listedSamples) > .zero }) ?? videoTracks.first {
            facts.hasVideoTrack = true
            let size = video.picture ?? CodedPicture.Size(width: video.storedWidth, height: video.storedHeight)
            facts.width = size.width
            facts.height = size.height
            facts.rotation = Self.rotation(a: video.matrix.a, b: video.matrix.b)
            facts.codec = video.codec
            let swapped = facts.rotation == 90 || facts.rotation == 270
            facts.displayWidth = swapped ? size.height : size.width
            facts.displayHeight = swapped ? size.width : size.height
            let frames = max(video.frames, video.listedSamples)
            guard frames > .zero else { throw .noFrames }
            facts.frameRate = try judgeTiming(
                of: video, frames: frames, movieTimescale: movieTimescale, seconds: facts.durationSeconds)
            try judgeMatrix(video.matrix)
        }
        facts.hasAudioTrack = tracks.contains { $0.handler == "soun" }
        return facts
    }

    /// The frame rate of a video track with `frames` frames, or the problem that makes its timing impossible.
    private func judgeTiming(of video: Track, frames: FileNumber, movieTimescale: FileNumber?, seconds: Double)
        throws(MP4Problem) -> Double
    {
        if movieTimescale == .zero { throw .zeroTimescale(box: "mvhd") }
        guard video.sawMediaHeader else { throw .damaged("the video track has no ‘mdhd’: its timing is unknown") }
        guard video.timescale > .zero else { throw .zeroTimescale(box: "mdhd") }
        guard video.sampleTime > .zero else { throw .impossibleFrameRate(0) }
        let rate = frames.double / (video.sampleTime.double / video.timescale.double)
        guard Self.frameRates.contains(rate) else { throw .impossibleFrameRate((rate * 1000).rounded() / 1000) }
        guard seconds > 0 else { throw .zeroDuration(frames: frames.value) }
        return (rate * 1000).rounded() / 1000
    }

    /// A matrix that collapses the picture, or shrinks or blows it up past belief, shows no picture to judge. An
    /// all-zero matrix is the exception: mp4box.js (behind WebCodecs editors such as WebAV) and early mp4ff write
    /// it, and players show such a file untransformed, so it reads as no transformation.
    private func judgeMatrix(_ matrix: Matrix) throws(MP4Problem) {
        guard matrix.a != 0 || matrix.b != 0 || matrix.c != 0 || matrix.d != 0 else { return }
        let a = Double(matrix.a) / 65536, b = Double(matrix.b) / 65536
        let c = Double(matrix.c) / 65536, d = Double(matrix.d) / 65536
        let determinant = a * d - b * c
        // Each axis's scale as ffmpeg measures it (libavutil display.c), and the area's.
        guard determinant != 0, Self.matrixScales.contains((a * a + c * c).squareRoot()),
            Self.matrixScales.contains((b * b + d * d).squareRoot())
        else {
            throw .impossibleMatrix(scale: (abs(determinant).squareRoot() * 1000).rounded() / 1000)
        }
    }

    private func parseTrack(_ trak: [UInt8]) throws(MP4Problem) -> Track {
        var track = Track()
        for box in try children(trak, depth: 2) {
            let p = box.payload
            switch box.type {
            case "tkhd":
                let version1 = p.first == 1
                let matrixAt = version1 ? 52 : 40
                // The matrix, then the width and height: 44 bytes.
                guard p.count >= matrixAt + 44 else { throw .damaged("‘tkhd’ is too short") }
                track.trackID = try p.number(at: version1 ? 20 : 12, width: 4, in: "tkhd")
                func entry(_ index: Int) throws(MP4Problem) -> Int32 {
                    Int32(truncatingIfNeeded: try p.number(at: matrixAt + index * 4, width: 4, in: "tkhd").value)
                }
                track.matrix = Matrix(a: try entry(0), b: try entry(1), c: try entry(3), d: try entry(4))
            case "edts":
                for edits in try children(p, depth: 3) where edits.type == "elst" {
                    try checkEditList(edits.payload)
                }
            case "mdia":
                for inner in try children(p, depth: 3) {
                    let q = inner.payload
                    switch inner.type {
                    case "mdhd":
                        let version1 = q.first == 1
                        track.timescale = try q.number(at: version1 ? 20 : 12, width: 4, in: "mdhd")
                        track.duration = try q.number(at: version1 ? 24 : 16, width: version1 ? 8 : 4, in: "mdhd")
                        track.sawMediaHeader = true
                    case "hdlr":
                        guard q.count >= 12 else { throw .damaged("‘hdlr’ is too short") }
                        track.handler = q.fourCC(8)
                    case "minf":
                        for table in try children(q, depth: 4) where table.type == "stbl" {
                            try parseSampleTable(table.payload, into: &track)
                        }
                    default:
                        break
                    }
                }
            default:
                break
            }
        }
        return track
    }

    /// An edit list must hold the edits it counts: 12 bytes each, 20 in version 1.
    private func checkEditList(_ p: [UInt8]) throws(MP4Problem) {
        let count = try p.number(at: 4, width: 4, in: "elst")
        let width = p.first == 1 ? 20 : 12
        guard count.int(atMost: (p.count - 8) / width) != nil else {
            throw .damaged("‘elst’ lists \(count) edits but holds \((p.count - 8) / width)")
        }
    }

    /// Codec and size (stsd), frames and their durations (stts), and where the samples end (stsz, stsc,
    /// stco/co64).
    private func parseSampleTable(_ stbl: [UInt8], into track: inout Track) throws(MP4Problem) {
        var sizes: [UInt8] = []
        var constantSize = FileNumber.zero
        var sampleCount = 0
        var chunks: (table: [UInt8], box: String, width: Int, count: Int) = ([], "stco", 4, 0)
        var runs: [(firstChunk: FileNumber, samplesPerChunk: FileNumber)] = []
        for box in try children(stbl, depth: 5) {
            let p = box.payload
            switch box.type {
            case "stsd":
                try readSampleDescription(p, into: &track)
            case "stts":
                let entries = try p.number(at: 4, width: 4, in: "stts")
                guard let count = entries.int(atMost: (p.count - 8) / 8) else {
                    throw .damaged("‘stts’ lists more entries than it holds")
                }
                for index in 0..<count {
                    let frames = try p.number(at: 8 + index * 8, width: 4, in: "stts")
                    let delta = try p.number(at: 12 + index * 8, width: 4, in: "stts")
                    guard let allFrames = track.frames.adding(frames),
                        let allTime = frames.multiplied(by: delta).flatMap(track.sampleTime.adding)
                    else { throw .overflow(part: "stts") }
                    track.frames = allFrames
                    track.sampleTime = allTime
                }
            case "stsz":
                constantSize = try p.number(at: 4, width: 4, in: "stsz")
                let listed = try p.number(at: 8, width: 4, in: "stsz")
                guard let count = listed.int(atMost: limits.maximumSamples) else {
                    throw .tooComplex("‘stsz’ claims \(listed) samples")
                }
                if constantSize == .zero {
                    guard count <= (p.count - 12) / 4 else {
                        throw .damaged("‘stsz’ claims \(listed) samples but lists fewer")
                    }
                    sizes = p
                }
                sampleCount = count
                track.listedSamples = listed
            case "stco", "co64":
                let entries = try p.number(at: 4, width: 4, in: box.type)
                let width = box.type == "stco" ? 4 : 8
                guard let count = entries.int(atMost: (p.count - 8) / width) else {
                    throw .damaged("‘\(box.type)’ lists more chunks than it holds")
                }
                chunks = (p, box.type, width, count)
            case "stsc":
                let entries = try p.number(at: 4, width: 4, in: "stsc")
                guard let count = entries.int(atMost: (p.count - 8) / 12) else {
                    throw .damaged("‘stsc’ lists more entries than it holds")
                }
                runs = []
                runs.reserveCapacity(count)
                for index in 0..<count {
                    runs.append(
                        (
                            try p.number(at: 8 + index * 12, width: 4, in: "stsc"),
                            try p.number(at: 12 + index * 12, width: 4, in: "stsc")
                        ))
                }
            default:
                break
            }
        }
        // Where the last byte of every chunk lies: past the end of the file means the copy is incomplete. Runs are
        // in chunk order, so one pass over chunks and runs together finds each chunk's run.
        var sample = 0
        var run = -1
        for chunk in 0..<chunks.count {
            let chunkNumber = FileNumber(UInt64(chunk) + 1)
            while run + 1 < runs.count && runs[run + 1].firstChunk <= chunkNumber { run += 1 }
            let perChunk = run >= 0 ? runs[run].samplesPerChunk : FileNumber(UInt64(1))
            var end = try chunks.table.number(at: 8 + chunk * chunks.width, width: chunks.width, in: chunks.box)
            for _ in 0..<min(perChunk.int(atMost: sampleCount) ?? sampleCount, sampleCount - sample) {
                let size =
                    constantSize != .zero ? constantSize : try sizes.number(at: 12 + sample * 4, width: 4, in: "stsz")
                guard let next = end.adding(size) else { throw .overflow(part: chunks.box) }
                end = next
                sample += 1
            }
            track.dataEnd = max(track.dataEnd, end)
        }
    }

    /// The codec of the first sample description, and for a video track the size it stores and the cropped size
    /// its parameter sets (avcC, hvcC) give.
    private func readSampleDescription(_ p: [UInt8], into track: inout Track) throws(MP4Problem) {
        // Version and flags, entry count; then the first entry: size, format, 6 reserved bytes, data reference.
        guard p.count >= 16 else {
            if track.handler == "vide" { throw .damaged("‘stsd’ is too short") }
            return
        }
        track.codec = p.fourCC(12)
        guard track.handler == "vide" else { return }
        // A visual sample entry: 16 bytes of pre-definitions, then width and height, then 50 more bytes.
        guard let width = try p.number(at: 40, width: 2, in: "stsd").int,
            let height = try p.number(at: 42, width: 2, in: "stsd").int
        else { throw .damaged("‘stsd’ is too short") }
        track.storedWidth = width
        track.storedHeight = height
        // The boxes after the 86-byte entry header. A damaged one only loses the cropped size: the stored size
        // stands, as players would show it.
        let entryEnd = try p.number(at: 8, width: 4, in: "stsd").adding(8)?.int(atMost: p.count) ?? p.count
        guard entryEnd > 94, let extensions = try? children(Array(p[94..<entryEnd]), depth: 7) else { return }
        for box in extensions {
            switch box.type {
            case "avcC": track.picture = CodedPicture.avc(configuration: box.payload)
            case "hvcC": track.picture = CodedPicture.hevc(configuration: box.payload)
            default: continue
            }
            return
        }
    }

    /// Fragmented files: each track's end time from `tfdt` and the sample durations of its `trun`s.
    private func applyFragments(_ fragments: [[UInt8]], to tracks: inout [Track]) throws(MP4Problem) {
        for moof in fragments {
            for traf in try children(moof, depth: 1) where traf.type == "traf" {
                var trackIndex: Int?
                var defaultDuration = FileNumber.zero
                var base: FileNumber?
                var total = FileNumber.zero
                var samples = FileNumber.zero
                for box in try children(traf.payload, depth: 2) {
                    let p = box.payload
                    switch box.type {
                    case "tfhd":
                        let flags = try p.number(at: 0, width: 4, in: "tfhd").value & 0xFF_FFFF
                        let id = try p.number(at: 4, width: 4, in: "tfhd")
                        trackIndex = tracks.firstIndex { $0.trackID == id }
                        defaultDuration = trackIndex.map { tracks[$0].defaultSampleDuration } ?? .zero
                        // base_data_offset (8 bytes), sample_description_index (4), then default_sample_duration.
                        var at = 8
                        if flags & 0x01 != 0 { at += 8 }
                        if flags & 0x02 != 0 { at += 4 }
                        if flags & 0x08 != 0 { defaultDuration = try p.number(at: at, width: 4, in: "tfhd") }
                    case "tfdt":
                        base = try p.number(at: 4, width: p.first == 1 ? 8 : 4, in: "tfdt")
                    case "trun":
                        let flags = try p.number(at: 0, width: 4, in: "trun").value & 0xFF_FFFF
                        let count = try p.number(at: 4, width: 4, in: "trun")
                        // data_offset and first_sample_flags, then per sample: duration, size, flags, time offset.
                        var at = 8
                        if flags & 0x01 != 0 { at += 4 }
                        if flags & 0x04 != 0 { at += 4 }
                        let fields = [0x100, 0x200, 0x400, 0x800].filter { flags & $0 != 0 }.count * 4
                        guard let listed = count.int(atMost: limits.maximumSamples),
                            fields == 0 || (at <= p.count && listed <= (p.count - at) / fields)
                        else { throw .damaged("‘trun’ lists more samples than it holds") }
                        if flags & 0x100 != 0 {
                            for index in 0..<listed {
                                let duration = try p.number(at: at + index * fields, width: 4, in: "trun")
                                guard let sum = total.adding(duration) else { throw .overflow(part: "trun") }
                                total = sum
                            }
                        } else {
                            guard let sum = count.multiplied(by: defaultDuration).flatMap(total.adding) else {
                                throw .overflow(part: "trun")
                            }
                            total = sum
                        }
                        guard let sum = samples.adding(count) else { throw .overflow(part: "trun") }
                        samples = sum
                    default:
                        break
                    }
                }
                guard let trackIndex else { continue }
                let track = tracks[trackIndex]
                guard let end = (base ?? track.fragmentEnd).adding(total) else {
                    throw .overflow(part: base == nil ? "trun" : "tfdt")
                }
                guard let frames = track.frames.adding(samples), let time = track.sampleTime.adding(total) else {
                    throw .overflow(part: "trun")
                }
                tracks[trackIndex].fragmentEnd = max(track.fragmentEnd, end)
                tracks[trackIndex].frames = frames
                tracks[trackIndex].sampleTime = time
            }
        }
    }

    /// Clockwise display rotation in whole degrees from the track matrix's first row (a, b) in 16.16 fixed point.
    static func rotation(a: Int32, b: Int32) -> Int {
        let degrees = Int((atan2(Double(b), Double(a)) * 180 / .pi).rounded())
        return ((degrees % 360) + 360) % 360
    }

    private struct Box {
        var type: String
        var payload: [UInt8]
    }

    /// The boxes inside `bytes`; a box that overruns its parent is an error.
    private func children(_ bytes: [UInt8], depth: Int) throws(MP4Problem) -> [Box] {
        guard depth <= limits.maximumDepth else { throw .tooComplex("boxes nested deeper than \(limits.maximumDepth)") }
        var result: [Box] = []
        var offset = 0
        while bytes.count - offset >= 8, let compact = bytes.bigEndian(at: offset, width: 4) {
            let type = bytes.fourCC(offset + 4)
            let available = FileNumber(UInt64(bytes.count - offset))
            var size = compact
            var header = 8
            if compact.value == 1 {
                guard let large = bytes.bigEndian(at: offset + 8, width: 8) else {
                    throw .damaged("box ‘\(type)’ is cut short")
                }
                size = large
                header = 16
            } else if compact.value == 0 {
                size = available
            }
            guard size.value >= UInt64(header) else { throw .damaged("box ‘\(type)’ has an impossible size \(size)") }
            guard size <= available, let length = size.int else {
                throw .boxOverrun(
                    type: type, offset: UInt64(offset), claimed: size.value, available: available.value)
            }
            result.append(Box(type: type, payload: Array(bytes[(offset + header)..<(offset + length)])))
            offset += length
        }
        return result
    }
}

extension [UInt8] {
    /// The four-character code at `at`, printable ASCII only; empty past the end.
    func fourCC(_ at: Int) -> String {
        guard at >= 0, at <= count - 4 else { return "" }
        return String(
            decoding: self[at..<(at + 4)].map { (0x20...0x7E).contains($0) ? $0 : UInt8(ascii: "?") }, as: UTF8.self)
    }

    /// The big-endian number of `width` bytes at `offset` of the payload of box `box`; a box too short for it is
    /// damage that names the box.
    fileprivate func number(at offset: Int, width: Int, in box: String) throws(MP4Problem) -> FileNumber {
        guard let value = bigEndian(at: offset, width: width) else { throw .damaged("‘\(box)’ is too short") }
        return value
    }
}
