import Crypto
import DossierCore
import DossierFiles
import DossierInspect
import Foundation

/// Samples a video's frames with FFmpeg (`VideoFrameReader`), unless the cache of measured facts knows them.
///
/// A video is not hashed whole to find its entry, as a photo is: hashing 20 videos of 20–100 MB costs more than
/// sampling their frames. What FFmpeg makes of a video depends only on the bytes it reads (a few MB: the boxes and
/// the packets from a keyframe to each sampled frame), so the cache keeps, beside the facts, which ranges were read
/// and the SHA-256 of what they held (`ReadWitness`); an entry serves once those ranges are read again and found
/// unchanged. The entry is found by the video's size and its first and last 64 KiB; an entry of another video that
/// shares them fails the witness and is measured again, never served. FFmpeg is not loaded to ask its version (its
/// 136 libraries take 25–50 ms to load, more than a cached check spends on all the videos): the cache's context
/// already names this build, compiled against one FFmpeg whose library names carry its major versions, as libjpeg's
/// photos facts are kept; a folder of other FFmpeg libraries (`DOSSIER_FFMPEG_LIBDIR`) is part of the key. Only complete samples are
/// kept: a frame that did not decode (perhaps for want of time) is looked for again next time. Posters are made and
/// kept whenever the cache is, so that the HTML report that often follows a check finds them.
public struct VideoFrameMeasurer: Sendable {
    public var settings: VideoFrameSettings
    public var pictures: PictureSettings
    /// Keep a small JPEG of the middle frame (the HTML contact sheet).
    public var posters: Bool
    public var cache: ContentCache?

    public init(settings: VideoFrameSettings, pictures: PictureSettings, posters: Bool, cache: ContentCache?) {
        self.settings = settings
        self.pictures = pictures
        self.posters = posters
        self.cache = cache
    }

    /// What the cache keeps of one video's sampled frames.
    public struct Record: Codable, Sendable {
        public var ranges: [ReadWitness.Range]
        public var witness: String
        public var facts: VideoFrameFacts
    }

    /// The sampled frames of `file`, measured or found in the cache.
    public func sample(_ file: any RandomAccess) -> VideoFrameFacts {
        guard let cache, let key = Self.key(file) else {
            return VideoFrameReader.sample(file, settings: settings, pictures: pictures, poster: posters)
        }
        if let data = cache.value(for: key), let record = try? JSONDecoder().decode(Record.self, from: Data(data)),
            record.facts.poster != nil || !posters,
            ReadWitness.confirms(file, ranges: record.ranges, digest: record.witness)
        {
            return wanted(record.facts)
        }
        let witness = ReadWitness(file)
        let facts = VideoFrameReader.sample(witness, settings: settings, pictures: pictures, poster: true)
        let complete =
            facts.failures.isEmpty && facts.unopened == nil && facts.unavailable == nil && facts.skipped == nil
            && !facts.frames.isEmpty
        if complete,
            let data = try? JSONEncoder().encode(
                Record(ranges: witness.ranges, witness: witness.finish(), facts: facts))
        {
            cache.store(Array(data), for: key)
        }
        return wanted(facts)
    }

    /// Where the entry of `file` is looked for: its size, first and last 64 KiB, and where FFmpeg is loaded from.
    public static func key(_ file: any RandomAccess, edge: Int = 64 << 10) -> String? {
        let size = file.size
        let head = Int(min(UInt64(edge), size))
        let tailCount = Int(min(UInt64(edge), size - UInt64(head)))
        guard let first = file.read(at: 0, count: head),
            let last = file.read(at: size - UInt64(tailCount), count: tailCount)
        else { return nil }
        var hasher = SHA256()
        let libraries = ProcessInfo.processInfo.environment["DOSSIER_FFMPEG_LIBDIR"] ?? ""
        hasher.update(data: Array("video frames\n\(libraries)\n\(size)\n".utf8))
        hasher.update(data: first)
        hasher.update(data: last)
        return hasher.finalize().hexDigits
    }

    /// The poster only when asked for.
    private func wanted(_ facts: VideoFrameFacts) -> VideoFrameFacts {
        var facts = facts
        if !posters { facts.poster = nil }
        return facts
    }
}
