import Crypto
import DossierCore
import DossierFiles
import DossierInspect
import Foundation

/// Reads one bundle folder: walks it (no symlink followed), classifies every file with the rule set's layout,
/// and measures photos on every core. All the I/O of a check happens here.
public struct BundleScanner: Sendable {
    public var ruleSet: RuleSet
    /// Keep a small upright JPEG of every photo that decodes.
    public var thumbnails: Bool
    /// Told as photos and videos are measured.
    public var progress: (@Sendable (WorkProgress) -> Void)?
    /// Looked at before each file is read: once cancelled, files are no longer measured (the caller stops).
    public var cancellation: Cancellation?
    /// Where photos' and videos' measured facts are kept and found again by their content (nil: measure each one).
    public var cache: ContentCache?
    /// False leaves photos unread and videos' frames undecoded (a preview of the bundle's layout, forms and videos'
    /// boxes, as the seal needs before it copies and measures the photos in one read; its check decodes the frames).
    public var measuresPictures = true
    /// Decode every frame of every video (`--deep`), besides the few frames always looked at.
    public var deepVideos = false
    /// Photos already measured in this run, by their entry's location, with the SHA-256 of their bytes (`verify`
    /// measures them while it hashes): not read again.
    public var knownPhotos: [RawPath: PhotoMeasurer.Known] = [:]

    public init(ruleSet: RuleSet, thumbnails: Bool = false) {
        self.ruleSet = ruleSet
        self.thumbnails = thumbnails
    }

    /// Scans the bundle that `source` holds.
    public func scan(_ source: any BundleSource) throws -> ScannedBundle {
        let entries = try source.entries()
        let classifier = FileClassifier(layout: ruleSet.layout, templates: ruleSet.forms.templates.blankFiles)
        var junkFolders: [TreeEntry] = []
        var junkPrefixes: [String] = []
        var candidates: [ScannedCandidate] = []
        var files: [ScannedFile] = []
        var otherEntries: [TreeEntry] = []
        files.reserveCapacity(entries.count)
        for entry in entries {
            if junkPrefixes.contains(where: { entry.path.hasPrefix($0) }) {
                otherEntries.append(entry)
                continue
            }
            let depth = entry.components.count
            if entry.kind == .directory {
                otherEntries.append(entry)
                if classifier.isJunkFolder(entry.name) {
                    junkFolders.append(entry)
                    junkPrefixes.append(entry.path + "/")
                } else if depth == 1 {
                    candidates.append(ScannedCandidate(folder: entry.name, name: MediaName.normalise(entry.name)))
                }
                continue
            }
            let candidate = depth > 1 ? MediaName.normalise(String(entry.components[0])) : nil
            var file = ScannedFile(entry: entry, kind: .unknown, candidate: candidate)
            if classifier.isJunkFile(entry.name) {
                file.kind = .junk
            } else if entry.kind == .file && entry.readable && entry.bytes > 0 {
                file.content = source.prefix(of: entry, count: 32).map(ContentType.sniff)
                file.kind = classifier.kind(of: entry.name, content: file.content, inCandidateFolder: depth > 1)
            } else {
                file.kind = classifier.kind(of: entry.name, content: nil, inCandidateFolder: depth > 1)
            }
            files.append(file)
        }
        // Photos are what takes time (videos are read box by box in milliseconds): the bar counts photos.
        let measured = files.filter { $0.kind == .photo && $0.entry.kind == .file }
        let tally = ProgressTally(
            WorkProgress(
                files: 0, totalFiles: measured.count, bytes: 0,
                totalBytes: measured.reduce(0) { $0 + UInt64($1.entry.bytes) }),
            progress)
        if measuresPictures { measurePhotos(&files, source: source, tally: tally) }
        measureVideos(&files, source: source)
        cache?.trim()
        readDocuments(&files, source: source)
        return ScannedBundle(
            otherEntries: otherEntries, files: files, candidates: candidates, junkFolders: junkFolders)
    }

    /// Reads every .docx and .xlsx document (forms, tables, reports) whose content is a zip.
    private func readDocuments(_ files: inout [ScannedFile], source: any BundleSource) {
        let documentKinds: Set<FileKind> = [.form, .summary, .activity, .report]
        let indices = files.indices.filter {
            documentKinds.contains(files[$0].kind) && files[$0].entry.kind == .file && files[$0].content == .zip
                && ["docx", "xlsx"].contains(files[$0].parts.extension)
        }
        let ruleSet = self.ruleSet
        let entries = indices.map { (files[$0].entry, files[$0].parts.extension) }
        let cancellation = self.cancellation
        let results = ParallelMap.map(entries) { item -> DocumentRead in
            guard cancellation?.isCancelled != true, let bytes = try? source.contents(of: item.0, limit: 256 << 20)
            else {
                let problem = OfficeProblem.zip(.corrupt("cannot be read"))
                return item.1 == "docx" ? .docx(.failure(problem)) : .xlsx(.failure(problem))
            }
            return item.1 == "docx"
                ? .docx(DocumentFacts.docx(bytes, ruleSet: ruleSet)) : .xlsx(DocumentFacts.xlsx(bytes))
        }
        for (index, result) in zip(indices, results) {
            switch result {
            case .docx(let read): files[index].docx = read
            case .xlsx(let read): files[index].xlsx = read
            }
        }
    }

    private enum DocumentRead: @unchecked Sendable {
        case docx(Result<(DocxDocument, DocxFacts), OfficeProblem>)
        case xlsx(Result<([XlsxSheet], XlsxFacts), OfficeProblem>)
    }

    /// Reads every MP4/MOV video's boxes (never its media data) and, for one that has a picture track, decodes a
    /// few frames (and every frame with `deepVideos`), on every core.
    private func measureVideos(_ files: inout [ScannedFile], source: any BundleSource) {
        let indices = files.indices.filter {
            files[$0].kind == .video && files[$0].entry.kind == .file && [.mp4, .mov].contains(files[$0].content)
        }
        let reader = MP4Reader(limits: ruleSet.videos.limits)
        let entries = indices.map { files[$0].entry }
        let cancellation = self.cancellation
        let frameSettings = ruleSet.pictures.videoFrames.settings
        let frameMeasurer = VideoFrameMeasurer(
            settings: frameSettings, pictures: ruleSet.pictures.settings, posters: thumbnails, cache: cache)
        // Frames are decoded unless the rule set turns them off (`pictures.measure.videoFrames`).
        let (deep, decodes) = (deepVideos, measuresPictures && ruleSet.pictures.measure.videoFrames)
        let inflateLimit = ruleSet.pictures.videoFrames.maximumInflatedBytes
        let results = ParallelMap.map(entries) { entry -> VideoMeasure in
            guard cancellation?.isCancelled != true, var file = source.randomAccess(of: entry) else {
                return VideoMeasure(boxes: .failure(.damaged("cannot be read in place")))
            }
            // FFmpeg seeks back and forth; a deflated zip entry reads only forward. When its frames are to be
            // decoded and it is not too large, it is inflated once into an unnamed scratch file on disk (into memory,
            // two at once, a check of a zip of 100 MB videos peaked at 212 MB) that the box reader and FFmpeg both
            // read; else its frames are not looked at (and the report says so).
            var unspooled: String?
            if decodes, file is ZipEntryStreamAccess {
                if file.size > UInt64(inflateLimit) {
                    unspooled = "deflated in the zip, \(file.size) bytes: over \(inflateLimit) to inflate"
                } else if let spooled = FileRandomAccess(spooling: file) {
                    file = spooled
                } else {
                    unspooled = "deflated in the zip: no scratch file could be written to inflate it"
                    // The failed copy read part of the entry: the box reader starts it again.
                    guard let again = source.randomAccess(of: entry) else {
                        return VideoMeasure(boxes: .failure(.damaged("cannot be read in place")))
                    }
                    file = again
                }
            }
            var measure = VideoMeasure(
                boxes: Result { () throws(MP4Problem) -> VideoFacts in try reader.read(file) })
            // Frames only of a video whose boxes make sense and that has a picture.
            guard case .success(let facts) = measure.boxes, facts.hasVideoTrack, decodes,
                cancellation?.isCancelled != true
            else { return measure }
            if let hazard = facts.decoderHazard {
                // Said as a video whose pictures cannot be decoded, never passed in silence.
                measure.frames = VideoFrameFacts(decoder: "", library: "", unopened: hazard)
                return measure
            }
            if let unspooled {
                measure.frames = VideoFrameFacts(
                    decoder: "", library: VideoFrameReader.libraryVersion, skipped: unspooled)
                return measure
            }
            measure.frames = frameMeasurer.sample(file)
            if deep, cancellation?.isCancelled != true {
                measure.deep = VideoFrameReader.decodeAll(file, settings: frameSettings)
            }
            return measure
        }
        for (index, result) in zip(indices, results) {
            files[index].video = result.boxes
            files[index].frames = result.frames
            files[index].deepDecode = result.deep
        }
    }

    /// What was measured of one video.
    private struct VideoMeasure: Sendable {
        var boxes: Result<VideoFacts, MP4Problem>
        var frames: VideoFrameFacts?
        var deep: DeepDecode?
    }

    /// Reads and decodes every JPEG photo, on as many threads as there are cores. Only photos that share their
    /// byte size with another photo can be duplicates, so only those are hashed (hashing all of them cost 8 % of
    /// a check).
    private func measurePhotos(_ files: inout [ScannedFile], source: any BundleSource, tally: ProgressTally) {
        let indices = files.indices.filter {
            files[$0].kind == .photo && files[$0].entry.kind == .file && files[$0].content == .jpeg
        }
        var sizes: [Int: Int] = [:]
        for index in indices { sizes[files[index].entry.bytes, default: 0] += 1 }
        let hashed = Set(
            indices.filter { sizes[files[$0].entry.bytes, default: 0] > 1 }.map { files[$0].entry.location })
        let limits = ruleSet.photos.limits
        let measurer = PhotoMeasurer(
            limits: ruleSet.photos.jpegLimits, thumbnails: thumbnails, cache: cache,
            pictures: ruleSet.pictures.settings)
        let knownPhotos = self.knownPhotos
        // Faces are looked for in the ID photo unless the rule set turns them off (`pictures.measure.faces`).
        let searchesFaces = ruleSet.pictures.measure.faces
        let photos = indices.map { (files[$0].entry, searchesFaces && isIDPhoto(files[$0])) }
        let cancellation = self.cancellation
        let results = ParallelMap.map(photos) {
            [measurer] entry, isIDPhoto -> (JPEGInspection?, FileBytes.ReadError?, String?, PictureFacts?) in
            if cancellation?.isCancelled == true { return (nil, nil, nil, nil) }
            defer { tally.add(bytes: entry.bytes, files: 1) }
            // A photo measured already in this run keeps its facts; what it shows is read again unless cached, so
            // that the picture checks never pass for want of a measure.
            let known = knownPhotos[entry.location]
            if let known, measurer.serves(known.record, isIDPhoto: isIDPhoto) {
                let digest = hashed.contains(entry.location) ? known.digest : nil
                return (known.record.inspection, nil, digest, known.record.picture)
            }
            if let known, let picture = measurer.cachedPicture(known.digest, isIDPhoto: isIDPhoto) {
                let digest = hashed.contains(entry.location) ? known.digest : nil
                return (known.record.inspection, nil, digest, picture)
            }
            do {
                let bytes = try source.contents(of: entry, limit: limits.maximumBytes)
                let digest =
                    measurer.needsDigest || hashed.contains(entry.location) ? SHA256.hash(data: bytes).hexDigits : nil
                let measured = measurer.measure(bytes, digest: digest, isIDPhoto: isIDPhoto)
                return (
                    known?.record.inspection ?? measured.inspection, nil,
                    hashed.contains(entry.location) ? digest : nil,
                    measured.picture
                )
            } catch let error as FileBytes.ReadError {
                return (nil, error, nil, nil)
            } catch {
                return (nil, nil, nil, nil)
            }
        }
        for (index, result) in zip(indices, results) {
            files[index].jpeg = result.0
            files[index].readProblem = result.1
            files[index].sha256 = result.2
            files[index].picture = result.3
        }
    }

    /// Whether `file` is a candidate's ID photo by its name (姓名+序号 with the ID photo's number), as
    /// `CandidateMedia.idPhoto` will read it.
    func isIDPhoto(_ file: ScannedFile) -> Bool {
        guard let candidate = file.candidate, file.entry.components.count == 2,
            let name = CandidateMedia.attribute(
                file, to: ScannedCandidate(folder: String(file.entry.components[0]), name: candidate),
                ruleSet: ruleSet)
        else { return false }
        return name.number == ruleSet.naming.idPhotoNumber
    }
}
