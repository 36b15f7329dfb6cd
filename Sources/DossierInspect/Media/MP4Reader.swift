import DossierCore
import Foundation

/// Limits on what reading one video's boxes may cost. The rule set provides the values.
public struct MP4Limits: Sendable, Equatable {
    /// Largest `moov` (or `moof`) read into memory.
    public var maximumMovieBytes: Int
    /// Most top-level boxes walked (fragmented files have one `moof` per fragment).
    public var maximumBoxes: Int
    /// Deepest nesting followed.
    public var maximumDepth: Int
    /// Most samples a track may list.
    public var maximumSamples: Int

    public init(
        maximumMovieBytes: Int = 64 << 20, maximumBoxes: Int = 200_000, maximumDepth: Int = 16,
        maximumSamples: Int = 20_000_000
    ) {
        self.maximumMovieBytes = maximumMovieBytes
        self.maximumBoxes = maximumBoxes
        self.maximumDepth = maximumDepth
        self.maximumSamples = maximumSamples
    }
}

/// Why a video could not be measured; each says what is wrong in a way a person can act on.
public enum MP4Problem: Error, Equatable, CustomStringConvertible {
    /// The media data the file lists lies past its end: the copy is incomplete.
    case truncated(fileBytes: UInt64, neededBytes: UInt64)
    /// A box claims more bytes than there are.
    case boxOverrun(type: String, offset: UInt64, claimed: UInt64, available: UInt64)
    /// No `moov`: the file was never finished, or is not a video.
    case noMovie
    case damaged(String)
    case tooComplex(String)

    public var description: String {
        switch self {
        case .truncated(let file, let needed):
            "the file ends at \(Self.megabytes(file)) MB but its samples need \(Self.megabytes(needed)) MB: the copy is incomplete"
        case .boxOverrun(let type, let offset, let claimed, let available):
            "box ‘\(type)’ at byte \(offset) claims \(claimed) bytes but only \(available) remain"
        case .noMovie: "no ‘moov’ box: the recording was never finished, or this is not a video"
        case .damaged(let what): what
        case .tooComplex(let what): "too complex to check: \(what)"
        }
    }

    static func megabytes(_ bytes: UInt64) -> String { (Double(bytes) / 1_000_000).formatted2 }
}

/// Reads ISO base media files (MP4, QuickTime MOV): box headers, `moov`, and `moof` fragments, never the media data.
/// Every length is checked before use; nesting, box count and sample count are bounded.
public struct MP4Reader: Sendable {
    public var limits: MP4Limits

    public init(limits: MP4Limits = MP4Limits()) { self.limits = limits }

    private struct Track {
        var handler = ""
        var timescale: UInt64 = 0
        var duration: UInt64 = 0
        var codedWidth = 0
        var codedHeight = 0
        var rotation = 0
        var codec = ""
        var sampleCount: UInt64 = 0
        var sampleDurationTotal: UInt64 = 0
        var dataEnd: UInt64 = 0
        var trackID: UInt32 = 0
        var defaultSampleDuration: UInt32 = 0
        var fragmentEnd: UInt64 = 0
    }

    /// Measures the video `file` holds.
    public func read(_ file: any RandomAccess) throws(MP4Problem) -> VideoFacts {
        var offset: UInt64 = 0
        var boxes = 0
        var brands: [String] = []
        var sawFtyp = false
        var movie: [UInt8]?
        var fragments: [[UInt8]] = []
        while offset < file.size {
            boxes += 1
            guard boxes <= limits.maximumBoxes else { throw .tooComplex("more than \(limits.maximumBoxes) boxes") }
            let available = file.size - offset
            guard available >= 8, let head = file.read(at: offset, count: 8) else {
                throw .damaged("\(available) stray bytes at the end of the file")
            }
            var size = UInt64(head.be32(0))
            let type = head.fourCC(4)
            var header: UInt64 = 8
            if size == 1 {
                guard let large = file.read(at: offset + 8, count: 8) else {
                    throw .damaged("box ‘\(type)’ is cut short")
                }
                size = large.be64(0)
                header = 16
            } else if size == 0 {
                size = available
            }
            guard size >= header else {
                throw .damaged("box ‘\(type)’ at byte \(offset) has an impossible size \(size)")
            }
            guard size <= available else {
                if type == "mdat" {
                    throw .truncated(fileBytes: file.size, neededBytes: offset + size)
                }
                throw .boxOverrun(type: type, offset: offset, claimed: size, available: available)
            }
            switch type {
            case "ftyp":
                sawFtyp = true
                if let payload = file.read(at: offset + header, count: Int(min(size - header, 256))) {
                    brands = stride(from: 0, to: payload.count - 3, by: 4).filter { $0 != 4 }.map { payload.fourCC($0) }
                }
            case "moov", "moof":
                guard size - header <= UInt64(limits.maximumMovieBytes) else {
                    throw .tooComplex("‘\(type)’ of \(size) bytes")
                }
                guard let payload = file.read(at: offset + header, count: Int(size - header)) else {
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
            offset += size
        }
        guard let movie else { throw .noMovie }
        var facts = try parseMovie(movie, fragments: fragments, fileSize: file.size)
        facts.container = sawFtyp && brands.first != "qt  " ? "mp4" : "mov"
        return facts
    }

    private func parseMovie(_ moov: [UInt8], fragments: [[UInt8]], fileSize: UInt64) throws(MP4Problem) -> VideoFacts {
        var movieTimescale: UInt64 = 0
        var movieDuration: UInt64 = 0
        var fragmentDuration: UInt64 = 0
        var tracks: [Track] = []
        for box in try children(moov, depth: 1) {
            switch box.type {
            case "mvhd":
                let p = box.payload
                guard p.count >= 20 else { throw .damaged("‘mvhd’ is too short") }
                if p[0] == 1 {
                    guard p.count >= 32 else { throw .damaged("‘mvhd’ is too short") }
                    movieTimescale = UInt64(p.be32(20))
                    movieDuration = p.be64(24)
                } else {
                    movieTimescale = UInt64(p.be32(12))
                    movieDuration = UInt64(p.be32(16))
                }
            case "trak":
                tracks.append(try parseTrack(box.payload, fileSize: fileSize))
            case "mvex":
                for inner in try children(box.payload, depth: 2) where inner.type == "mehd" {
                    let p = inner.payload
                    if p.count >= 12 && p[0] == 1 {
                        fragmentDuration = p.be64(4)
                    } else if p.count >= 8 {
                        fragmentDuration = UInt64(p.be32(4))
                    }
                }
                for inner in try children(box.payload, depth: 2) where inner.type == "trex" && inner.payload.count >= 16
                {
                    let id = inner.payload.be32(4)
                    for index in tracks.indices where tracks[index].trackID == id {
                        tracks[index].defaultSampleDuration = inner.payload.be32(12)
                    }
                }
            default:
                break
            }
        }
        try applyFragments(fragments, to: &tracks)
        let needed = tracks.map(\.dataEnd).max() ?? 0
        guard needed <= fileSize else { throw .truncated(fileBytes: fileSize, neededBytes: needed) }
        var facts = VideoFacts()
        // The movie header's duration, else the fragments' (mehd, then the fragments themselves), else the
        // longest track's.
        let trackSeconds = tracks.compactMap { track -> Double? in
            guard track.timescale > 0 else { return nil }
            return Double(max(track.duration, track.fragmentEnd)) / Double(track.timescale)
        }
        if movieTimescale > 0 && movieDuration > 0 && movieDuration != UInt64(UInt32.max) {
            facts.durationSeconds = Double(movieDuration) / Double(movieTimescale)
        } else if movieTimescale > 0 && fragmentDuration > 0 {
            facts.durationSeconds = Double(fragmentDuration) / Double(movieTimescale)
        } else {
            facts.durationSeconds = trackSeconds.max() ?? 0
        }
        if facts.durationSeconds == 0, let longest = trackSeconds.max() { facts.durationSeconds = longest }
        facts.durationSeconds = (facts.durationSeconds * 1000).rounded() / 1000
        if let video = tracks.first(where: { $0.handler == "vide" }) {
            facts.hasVideoTrack = true
            facts.width = video.codedWidth
            facts.height = video.codedHeight
            facts.rotation = video.rotation
            facts.codec = video.codec
            let swapped = video.rotation == 90 || video.rotation == 270
            facts.displayWidth = swapped ? video.codedHeight : video.codedWidth
            facts.displayHeight = swapped ? video.codedWidth : video.codedHeight
            let seconds = video.timescale > 0 ? Double(video.sampleDurationTotal) / Double(video.timescale) : 0
            if seconds > 0 { facts.frameRate = (Double(video.sampleCount) / seconds * 1000).rounded() / 1000 }
        }
        facts.hasAudioTrack = tracks.contains { $0.handler == "soun" }
        return facts
    }

    private func parseTrack(_ trak: [UInt8], fileSize: UInt64) throws(MP4Problem) -> Track {
        var track = Track()
        for box in try children(trak, depth: 2) {
            switch box.type {
            case "tkhd":
                let p = box.payload
                let version1 = p.first == 1
                let matrixAt = version1 ? 52 : 40
                guard p.count >= matrixAt + 44 else { throw .damaged("‘tkhd’ is too short") }
                track.trackID = p.be32(version1 ? 20 : 12)
                track.rotation = Self.rotation(
                    a: Int32(bitPattern: p.be32(matrixAt)), b: Int32(bitPattern: p.be32(matrixAt + 4)))
            case "mdia":
                for inner in try children(box.payload, depth: 3) {
                    let p = inner.payload
                    switch inner.type {
                    case "mdhd":
                        if p.first == 1, p.count >= 32 {
                            track.timescale = UInt64(p.be32(20))
                            track.duration = p.be64(24)
                        } else if p.count >= 20 {
                            track.timescale = UInt64(p.be32(12))
                            track.duration = UInt64(p.be32(16))
                        }
                    case "hdlr":
                        if p.count >= 12 { track.handler = p.fourCC(8) }
                    case "minf":
                        for table in try children(p, depth: 4) where table.type == "stbl" {
                            try parseSampleTable(table.payload, into: &track, fileSize: fileSize)
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

    /// Codec and coded size (stsd), durations (stts), and where the samples end (stsz, stsc, stco/co64).
    private func parseSampleTable(_ stbl: [UInt8], into track: inout Track, fileSize: UInt64) throws(MP4Problem) {
        var sizes: [UInt32] = []
        var constantSize: UInt32 = 0
        var sampleCount: UInt64 = 0
        var chunkOffsets: [UInt64] = []
        var runs: [(firstChunk: UInt32, samplesPerChunk: UInt32)] = []
        for box in try children(stbl, depth: 5) {
            let p = box.payload
            switch box.type {
            case "stsd":
                guard p.count >= 16 else { break }
                track.codec = p.fourCC(12)
                if p.count >= 8 + 36 && track.handler == "vide" {
                    track.codedWidth = Int(p.be16(8 + 32))
                    track.codedHeight = Int(p.be16(8 + 34))
                }
            case "stts":
                guard p.count >= 8 else { break }
                let entries = Int(p.be32(4))
                guard entries <= (p.count - 8) / 8 else { throw .damaged("‘stts’ lists more entries than it holds") }
                for index in 0..<entries {
                    let count = UInt64(p.be32(8 + index * 8)), delta = UInt64(p.be32(12 + index * 8))
                    track.sampleCount += count
                    track.sampleDurationTotal &+= count &* delta
                }
            case "stsz":
                guard p.count >= 12 else { throw .damaged("‘stsz’ is too short") }
                constantSize = p.be32(4)
                sampleCount = UInt64(p.be32(8))
                guard sampleCount <= UInt64(limits.maximumSamples) else {
                    throw .tooComplex("‘stsz’ claims \(sampleCount) samples")
                }
                if constantSize == 0 {
                    guard sampleCount <= UInt64((p.count - 12) / 4) else {
                        throw .damaged("‘stsz’ claims \(sampleCount) samples but lists fewer")
                    }
                    sizes = (0..<Int(sampleCount)).map { p.be32(12 + $0 * 4) }
                }
            case "stco", "co64":
                guard p.count >= 8 else { break }
                let entries = Int(p.be32(4))
                let width = box.type == "stco" ? 4 : 8
                guard entries <= (p.count - 8) / width else {
                    throw .damaged("‘\(box.type)’ lists more chunks than it holds")
                }
                chunkOffsets = (0..<entries).map { width == 4 ? UInt64(p.be32(8 + $0 * 4)) : p.be64(8 + $0 * 8) }
            case "stsc":
                guard p.count >= 8 else { break }
                let entries = Int(p.be32(4))
                guard entries <= (p.count - 8) / 12 else { throw .damaged("‘stsc’ lists more entries than it holds") }
                runs = (0..<entries).map { (p.be32(8 + $0 * 12), p.be32(12 + $0 * 12)) }
            default:
                break
            }
        }
        // Where the last byte of every chunk lies: past the end of the file means the copy is incomplete.
        var sample = 0
        for (chunkIndex, chunkOffset) in chunkOffsets.enumerated() {
            let chunkNumber = UInt32(chunkIndex + 1)
            let perChunk = runs.last(where: { $0.firstChunk <= chunkNumber })?.samplesPerChunk ?? 1
            var end = chunkOffset
            for _ in 0..<Int(min(perChunk, UInt32(limits.maximumSamples))) {
                guard UInt64(sample) < sampleCount else { break }
                end &+= UInt64(constantSize != 0 ? constantSize : sizes[sample])
                sample += 1
            }
            track.dataEnd = max(track.dataEnd, end)
        }
        if chunkOffsets.isEmpty && sampleCount > 0 && constantSize == 0 && runs.isEmpty {
            track.dataEnd = 0
        }
    }

    /// Fragmented files: each track's end time from `tfdt` and the sample durations of its `trun`s.
    private func applyFragments(_ fragments: [[UInt8]], to tracks: inout [Track]) throws(MP4Problem) {
        for moof in fragments {
            for traf in try children(moof, depth: 1) where traf.type == "traf" {
                var trackIndex: Int?
                var defaultDuration: UInt32 = 0
                var base: UInt64?
                var total: UInt64 = 0
                var samples: UInt64 = 0
                for box in try children(traf.payload, depth: 2) {
                    let p = box.payload
                    switch box.type {
                    case "tfhd":
                        guard p.count >= 8 else { break }
                        let flags = UInt32(p[1]) << 16 | UInt32(p[2]) << 8 | UInt32(p[3])
                        let id = p.be32(4)
                        trackIndex = tracks.firstIndex { $0.trackID == id }
                        defaultDuration = trackIndex.map { tracks[$0].defaultSampleDuration } ?? 0
                        var at = 8
                        if flags & 0x01 != 0 { at += 8 }
                        if flags & 0x02 != 0 { at += 4 }
                        if flags & 0x08 != 0, p.count >= at + 4 { defaultDuration = p.be32(at) }
                    case "tfdt":
                        if p.first == 1, p.count >= 12 {
                            base = p.be64(4)
                        } else if p.count >= 8 {
                            base = UInt64(p.be32(4))
                        }
                    case "trun":
                        guard p.count >= 8 else { break }
                        let flags = UInt32(p[1]) << 16 | UInt32(p[2]) << 8 | UInt32(p[3])
                        let count = Int(p.be32(4))
                        var at = 8
                        if flags & 0x01 != 0 { at += 4 }
                        if flags & 0x04 != 0 { at += 4 }
                        let fields = [0x100, 0x200, 0x400, 0x800].filter { flags & UInt32($0) != 0 }.count * 4
                        guard count <= limits.maximumSamples, fields == 0 || count <= (p.count - at) / fields else {
                            throw .damaged("‘trun’ lists more samples than it holds")
                        }
                        for index in 0..<count {
                            total &+= UInt64(flags & 0x100 != 0 ? p.be32(at + index * fields) : defaultDuration)
                        }
                        samples += UInt64(count)
                    default:
                        break
                    }
                }
                if let trackIndex {
                    let end = (base ?? tracks[trackIndex].fragmentEnd) &+ total
                    tracks[trackIndex].fragmentEnd = max(tracks[trackIndex].fragmentEnd, end)
                    if tracks[trackIndex].handler == "vide", total > 0 {
                        tracks[trackIndex].sampleDurationTotal &+= total
                        tracks[trackIndex].sampleCount += samples
                    }
                }
            }
        }
    }

    /// Clockwise display rotation from the track matrix's first row (a, b) in 16.16 fixed point.
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
        while offset + 8 <= bytes.count {
            var size = Int(bytes.be32(offset))
            let type = bytes.fourCC(offset + 4)
            var header = 8
            if size == 1 {
                guard offset + 16 <= bytes.count else { throw .damaged("box ‘\(type)’ is cut short") }
                let large = bytes.be64(offset + 8)
                guard large <= UInt64(bytes.count - offset) else {
                    throw .boxOverrun(
                        type: type, offset: UInt64(offset), claimed: large, available: UInt64(bytes.count - offset))
                }
                size = Int(large)
                header = 16
            } else if size == 0 {
                size = bytes.count - offset
            }
            guard size >= header else { throw .damaged("box ‘\(type)’ has an impossible size \(size)") }
            guard size <= bytes.count - offset else {
                throw .boxOverrun(
                    type: type, offset: UInt64(offset), claimed: UInt64(size), available: UInt64(bytes.count - offset))
            }
            result.append(Box(type: type, payload: Array(bytes[(offset + header)..<(offset + size)])))
            offset += size
        }
        return result
    }
}

extension [UInt8] {
    /// Big-endian reads; callers check bounds first.
    func be16(_ at: Int) -> UInt16 { UInt16(self[at]) << 8 | UInt16(self[at + 1]) }
    func be32(_ at: Int) -> UInt32 { UInt32(be16(at)) << 16 | UInt32(be16(at + 2)) }
    func be64(_ at: Int) -> UInt64 { UInt64(be32(at)) << 32 | UInt64(be32(at + 4)) }
    func fourCC(_ at: Int) -> String {
        guard at + 4 <= count else { return "" }
        return String(
            decoding: self[at..<(at + 4)].map { (0x20...0x7E).contains($0) ? $0 : UInt8(ascii: "?") }, as: UTF8.self)
    }
}
