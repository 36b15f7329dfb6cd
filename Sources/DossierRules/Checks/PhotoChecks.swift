import DossierCore
import DossierInspect
import Foundation

/// `PHOTO-*`: format, integrity, size, colour, the ID photo, the count of life photos, padding, resolution and
/// duplicates, from what the scanner measured.
public struct PhotoChecks: CheckFamily {
    public static let ruleIDs: [RuleID] = [
        .photoFormat, .photoCorrupt, .photoSize, .photoColor, .photoIDMissing, .photoIDShape, .photoCount,
        .photoPadded, .photoLowRes, .photoDuplicate,
    ]

    public init() {}

    public func run(_ bundle: ScannedBundle, ruleSet: RuleSet, sink: FindingSink) {
        var idPhotoPaths: Set<String> = []
        for candidate in bundle.candidates {
            let media = CandidateMedia(candidate, in: bundle, ruleSet: ruleSet)
            checkIDPhoto(media, ruleSet: ruleSet, sink: sink)
            if let id = media.idPhoto(ruleSet) { idPhotoPaths.insert(id.file.path) }
            checkCount(media, ruleSet: ruleSet, sink: sink)
        }
        for file in bundle.files where file.kind == .photo && file.entry.kind == .file && file.entry.bytes > 0 {
            checkFile(file, isIDPhoto: idPhotoPaths.contains(file.path), ruleSet: ruleSet, sink: sink)
        }
        checkDuplicates(bundle, sink: sink)
    }

    /// Format, integrity, padding, size and resolution of one photo.
    private func checkFile(_ file: ScannedFile, isIDPhoto: Bool, ruleSet: RuleSet, sink: FindingSink) {
        let rules = ruleSet.photos
        guard let content = file.content else { return }
        guard content == .jpeg else {
            sink.emit(
                .photoFormat, path: file.path, candidate: file.candidate, variant: content == .heic ? "heic" : nil,
                data: ["detected": .string(content == .unknown ? "unknown" : content.rawValue.uppercased())],
                display: [
                    "detected": content == .unknown
                        ? RulesWords.unknownFormat.text(sink.language) : content.rawValue.uppercased()
                ])
            return
        }
        if !ruleSet.layout.candidate.photoExtensions.contains(file.parts.extension) {
            let canonical =
                MediaName.parse(stem: file.parts.stem, separators: ruleSet.naming.separators)
                .map { $0.namePart + String($0.number) } ?? file.parts.stem
            sink.emit(
                .photoFormat, path: file.path, candidate: file.candidate, variant: "wrongExtension",
                data: ["canonical": .string(canonical + "." + ruleSet.layout.candidate.canonicalPhotoExtension)])
        }
        if case .tooLarge(let bytes, let limit) = file.readProblem {
            sink.emit(
                .photoCorrupt, path: file.path, candidate: file.candidate, variant: "tooBig",
                data: ["bytes": .int(bytes), "maximum": .int(limit)])
            return
        }
        guard let inspection = file.jpeg else { return }
        guard let facts = inspection.facts else {
            sink.emit(
                .photoCorrupt, path: file.path, candidate: file.candidate,
                problem: JPEGProblem(inspection.problem ?? "no JPEG header"))
            return
        }
        if inspection.tooLarge {
            sink.emit(
                .photoCorrupt, path: file.path, candidate: file.candidate, variant: "tooLarge",
                data: ["width": .int(facts.width), "height": .int(facts.height)])
            return
        }
        if !facts.decodes {
            // libjpeg's words for a file that ends early (JWRN_JPEG_EOF): the commonest damage, an unfinished copy.
            let truncated = inspection.problem?.hasPrefix("Premature end of JPEG file") ?? false
            sink.emit(
                .photoCorrupt, path: file.path, candidate: file.candidate, variant: truncated ? "truncated" : nil,
                problem: JPEGProblem(inspection.problem ?? "does not decode"))
        }
        if !(1...8).contains(facts.orientation) {
            sink.emit(
                .photoCorrupt, path: file.path, candidate: file.candidate, variant: "orientation",
                data: ["orientation": .int(facts.orientation)])
        }
        if facts.trailingBytes >= rules.paddingMinimumBytes {
            sink.emit(
                .photoPadded, path: file.path, candidate: file.candidate,
                data: ["trailingBytes": .int(facts.trailingBytes), "bytes": .int(file.entry.bytes)])
        }
        let imageBytes = file.entry.bytes - (rules.sizeIgnoresTrailingBytes ? facts.trailingBytes : 0)
        if imageBytes < rules.minimumBytes {
            var data: [String: DataValue] = ["bytes": .int(file.entry.bytes), "minimum": .int(rules.minimumBytes)]
            if imageBytes != file.entry.bytes {
                data["imageBytes"] = .int(imageBytes)
                data["trailingBytes"] = .int(facts.trailingBytes)
            }
            sink.emit(
                .photoSize, path: file.path, candidate: file.candidate,
                variant: file.entry.bytes >= rules.minimumBytes ? "padded" : nil, data: data,
                display: [
                    "megabytes": Self.megabytes(imageBytes, below: rules.minimumBytes),
                    "byteCount": imageBytes.groupedDigits, "minimumByteCount": rules.minimumBytes.groupedDigits,
                ])
        }
        checkResolution(file, facts: facts, isIDPhoto: isIDPhoto, rules: rules, sink: sink)
    }

    /// `bytes` in MB (2MB in the notice is 2,097,152 bytes) with two decimals, or more when two would not read as
    /// less than `minimum` (2,097,151 bytes is 1.999999, not 2) or would read as nothing (3,550 bytes is 0.003, not
    /// 0); at six, cut rather than rounded.
    public static func megabytes(_ bytes: Int, below minimum: Int) -> String {
        func shown(_ value: Int, _ digits: Int, _ rule: FloatingPointRoundingRule) -> String {
            let scale = pow(10, Double(digits))
            var text = String(format: "%.\(digits)f", (Double(value) / 1_048_576 * scale).rounded(rule) / scale)
            while text.contains("."), text.last == "0" || text.last == "." { text.removeLast() }
            return text
        }
        for digits in 2...6 {
            let text = shown(bytes, digits, .toNearestOrAwayFromZero)
            let distinct = bytes >= minimum || text != shown(minimum, digits, .toNearestOrAwayFromZero)
            if distinct && (bytes == 0 || text != "0") { return text }
        }
        return shown(bytes, 6, .down)
    }

    private func checkResolution(
        _ file: ScannedFile, facts: JPEGFacts, isIDPhoto: Bool, rules: PhotoRules, sink: FindingSink
    ) {
        let width = facts.displayWidth, height = facts.displayHeight
        let minimumWidth: Int, minimumHeight: Int
        if isIDPhoto {
            (minimumWidth, minimumHeight) = (rules.idPhoto.minimumWidth, rules.idPhoto.minimumHeight)
        } else if width >= height {
            (minimumWidth, minimumHeight) = (rules.lifePhoto.minimumLongSide, rules.lifePhoto.minimumShortSide)
        } else {
            (minimumWidth, minimumHeight) = (rules.lifePhoto.minimumShortSide, rules.lifePhoto.minimumLongSide)
        }
        guard width < minimumWidth || height < minimumHeight else { return }
        sink.emit(
            .photoLowRes, path: file.path, candidate: file.candidate,
            data: [
                "width": .int(width), "height": .int(height), "minimumWidth": .int(minimumWidth),
                "minimumHeight": .int(minimumHeight),
            ])
    }

    /// PHOTO-ID-MISSING, PHOTO-COLOR and PHOTO-ID-SHAPE for the candidate's photo number 1.
    private func checkIDPhoto(_ media: CandidateMedia, ruleSet: RuleSet, sink: FindingSink) {
        let candidate = media.candidate
        guard let id = media.idPhoto(ruleSet) else {
            sink.emit(
                .photoIDMissing, path: candidate.folder, candidate: candidate.name,
                display: [
                    "canonical": candidate.name + String(ruleSet.naming.idPhotoNumber) + "."
                        + ruleSet.layout.candidate.canonicalPhotoExtension
                ])
            return
        }
        guard let inspection = id.file.jpeg, let facts = inspection.facts, !inspection.tooLarge else { return }
        let rules = ruleSet.photos
        if facts.components == 1 {
            sink.emit(.photoColor, path: id.file.path, candidate: candidate.name, data: ["components": .int(1)])
        } else if rules.colour.printColourSpaces?.contains(facts.colorSpace) == true {
            sink.emit(
                .photoColor, path: id.file.path, candidate: candidate.name, variant: "print",
                data: ["colorSpace": .string(facts.colorSpace), "components": .int(facts.components)])
        } else if let fraction = inspection.chromaFraction, fraction < rules.colour.minimumColouredFraction {
            sink.emit(
                .photoColor, path: id.file.path, candidate: candidate.name, variant: "monochrome",
                data: ["colouredFraction": .double(fraction)],
                display: ["colouredPercent": (fraction * 100).formatted2])
        }
        let width = facts.displayWidth, height = facts.displayHeight
        guard width > 0, height > 0 else { return }
        let aspect = Double(width) / Double(height)
        let data: [String: DataValue] = ["width": .int(width), "height": .int(height), "aspect": .double(aspect)]
        if width > height {
            sink.emit(.photoIDShape, path: id.file.path, candidate: candidate.name, data: data)
        } else if aspect < rules.idPhoto.minimumAspect || aspect > rules.idPhoto.maximumAspect {
            sink.emit(.photoIDShape, path: id.file.path, candidate: candidate.name, variant: "proportions", data: data)
        }
    }

    /// PHOTO-COUNT: distinct life photos (byte-identical copies count once).
    private func checkCount(_ media: CandidateMedia, ruleSet: RuleSet, sink: FindingSink) {
        let range = ruleSet.photos.lifePhotos
        var seen: Set<String> = []
        let count = media.lifePhotos(ruleSet).filter { seen.insert($0.file.sha256 ?? $0.file.path).inserted }.count
        guard count < range.minimum || count > range.maximum else { return }
        sink.emit(
            .photoCount, path: media.candidate.folder, candidate: media.candidate.name,
            data: ["count": .int(count), "minimum": .int(range.minimum), "maximum": .int(range.maximum)])
    }

    /// PHOTO-DUPLICATE: the second and later copies of identical bytes, anywhere in the bundle.
    private func checkDuplicates(_ bundle: ScannedBundle, sink: FindingSink) {
        var first: [String: ScannedFile] = [:]
        for file in bundle.files where file.kind == .photo {
            guard let digest = file.sha256 else { continue }
            if let original = first[digest] {
                sink.emit(
                    .photoDuplicate, path: file.path, candidate: file.candidate,
                    data: ["other": .string(original.path)])
            } else {
                first[digest] = file
            }
        }
    }
}
