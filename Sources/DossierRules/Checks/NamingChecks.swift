import DossierCore
import DossierFiles
import DossierInspect
import Foundation

/// `NAME-*`: 姓名+序号 for photos and videos, numbering, and names every computer can store.
public struct NamingChecks: CheckFamily {
    public static let ruleIDs: [RuleID] = [
        .namePattern, .nameMismatch, .nameSequence, .nameNoncanonical, .nameUnsafe, .nameCollision,
    ]

    public init() {}

    public func run(_ bundle: ScannedBundle, ruleSet: RuleSet, sink: FindingSink) {
        let junkPrefixes = bundle.junkFolders.map { $0.path + "/" }
        // Positions, not copies: a bundle of 100,000 entries must not be held twice (peak memory).
        let kept = (0..<bundle.entryCount).filter { index in
            !junkPrefixes.contains { bundle.entry(at: index).path.hasPrefix($0) }
        }
        for index in kept {
            checkPortable(bundle.entry(at: index), rules: ruleSet.naming, sink: sink)
        }
        checkCollisions(bundle, kept, sink: sink)
        for candidate in bundle.candidates {
            let media = CandidateMedia(candidate, in: bundle, ruleSet: ruleSet)
            for file in media.unattributed {
                reportUnattributed(file, candidate: candidate, ruleSet: ruleSet, sink: sink)
            }
            for item in media.photos + media.videos {
                reportNoncanonical(item, candidate: candidate, ruleSet: ruleSet, sink: sink)
            }
            checkSequence(
                media.photos, first: ruleSet.naming.firstLifePhotoNumber, gapVariant: nil, sink: sink, media: media)
            checkSequence(
                media.videos, first: ruleSet.naming.firstVideoNumber, gapVariant: "videoGap", sink: sink, media: media)
        }
    }

    /// NAME-UNSAFE: one finding per name, the first problem found.
    private func checkPortable(_ entry: TreeEntry, rules: NamingRules, sink: FindingSink) {
        let candidate = ScannedBundle.candidate(ofPath: entry.path)
        func emit(_ variant: String?, _ data: [String: DataValue] = [:]) {
            sink.emit(.nameUnsafe, path: entry.path, candidate: candidate, variant: variant, data: data)
        }
        if !entry.nameIsUTF8 {
            return emit("undecodable")
        }
        // A candidate's folder is the candidate's own.
        let owner =
            entry.kind == .directory && entry.components.count == 1 ? MediaName.normalise(entry.name) : candidate
        reportNotNFC(entry, candidate: owner, sink: sink)
        let forbidden: [Character] = entry.name.filter { (character: Character) -> Bool in
            if rules.forbiddenCharacters.contains(character) { return true }
            return character.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
        }
        if !forbidden.isEmpty {
            let shown = Set(forbidden).sorted().map { (character: Character) -> String in
                if let code = character.asciiValue, code < 0x20 || code == 0x7F {
                    return String(format: "\\x%02X", code)
                }
                return String(character)
            }
            return emit(nil, ["characters": .string(shown.joined(separator: " "))])
        }
        let device = FileNameParts(entry.name).stem.uppercased()
        if rules.reservedNames.contains(device) || rules.reservedNames.contains(entry.name.uppercased()) {
            return emit("reserved", ["name": .string(entry.name)])
        }
        if entry.name.hasSuffix(".") || entry.name.hasSuffix(" ") {
            return emit("trailing")
        }
        if entry.rawName.count > rules.maximumNameBytes {
            return emit("tooLong", ["bytes": .int(entry.rawName.count), "maximum": .int(rules.maximumNameBytes)])
        }
    }

    /// NAME-NONCANONICAL (`unicode`): a name stored in another Unicode spelling than NFC, the form names are
    /// compared in. It is understood and sealed as stored, but looks the same as its NFC spelling while being other
    /// bytes: a system or tool that normalises names cannot find the file, and a search for the name misses it.
    private func reportNotNFC(_ entry: TreeEntry, candidate: String?, sink: FindingSink) {
        let stored = String(decoding: entry.rawName, as: UTF8.self)
        let canonical = stored.precomposedStringWithCanonicalMapping
        guard Array(canonical.utf8) != entry.rawName else { return }
        // Each character whose spelling changes, with its code points before and after (they look alike).
        let characters = stored.compactMap { character -> String? in
            let before = String(character)
            let after = before.precomposedStringWithCanonicalMapping
            guard Array(before.utf8) != Array(after.utf8) else { return nil }
            func codes(_ text: String) -> String {
                text.unicodeScalars.map { String(format: "U+%04X", $0.value) }.joined(separator: " ")
            }
            return "\(after) (\(codes(before)) → \(codes(after)))"
        }
        sink.emit(
            .nameNoncanonical, path: entry.path, candidate: candidate, variant: "unicode",
            data: ["canonical": .string(canonical), "characters": .string(characters.joined(separator: ", "))])
    }

    /// NAME-COLLISION: names in one folder equal after NFC and case folding. A folder on disk cannot hold one
    /// name twice; a zip can (variant `duplicate`), and extracting it keeps only the last.
    private func checkCollisions(_ bundle: ScannedBundle, _ kept: [Int], sink: FindingSink) {
        // Keyed by the hash of each comparison key, not by the key: 100,000 names must not each keep a second
        // string. Keys are compared when their hashes meet; the rare keys whose hash another key shares are kept.
        func key(_ entry: TreeEntry) -> String {
            let folder = entry.path.utf8.lastIndex(of: UInt8(ascii: "/")).map { entry.path[..<$0] } ?? ""
            return folder + "/" + entry.name.precomposedStringWithCanonicalMapping.lowercased()
        }
        var firstByHash: [Int: Int] = [:]
        firstByHash.reserveCapacity(kept.count)
        var sharedHash: [String: Int] = [:]
        let sorted = kept.sorted {
            bundle.entry(at: $0).rawName.lexicographicallyPrecedes(bundle.entry(at: $1).rawName)
        }
        for index in sorted {
            let entry = bundle.entry(at: index)
            let entryKey = key(entry)
            var firstIndex: Int?
            if let candidate = firstByHash[entryKey.hashValue] {
                let candidateKey = key(bundle.entry(at: candidate))
                if candidateKey == entryKey {
                    firstIndex = candidate
                } else if let other = sharedHash[entryKey] {
                    firstIndex = other
                } else {
                    sharedHash[entryKey] = index
                }
            } else {
                firstByHash[entryKey.hashValue] = index
            }
            guard let firstIndex else { continue }
            let first = bundle.entry(at: firstIndex)
            sink.emit(
                .nameCollision, path: entry.path, candidate: ScannedBundle.candidate(ofPath: entry.path),
                variant: first.rawName == entry.rawName ? "duplicate" : nil, data: ["other": .string(first.name)])
        }
    }

    /// NAME-PATTERN or NAME-MISMATCH for a photo or video that is not the candidate's 姓名+序号.
    private func reportUnattributed(
        _ file: ScannedFile, candidate: ScannedCandidate, ruleSet: RuleSet, sink: FindingSink
    ) {
        let name = MediaName.parse(stem: file.parts.stem, separators: ruleSet.naming.separators)
        let first = file.kind == .photo ? ruleSet.naming.firstLifePhotoNumber : ruleSet.naming.firstVideoNumber
        if let name, MediaName.containsHan(name.namePart), name.namePart != candidate.name,
            CandidateMedia.isPlausible(name.number, kind: file.kind, ruleSet: ruleSet)
        {
            let canonical = CandidateMedia.canonicalName(
                candidate: candidate, number: name.number, file: file, ruleSet: ruleSet)
            sink.emit(
                .nameMismatch, path: file.path, candidate: candidate.name,
                data: ["namePart": .string(name.namePart), "canonical": .string(canonical)],
                display: ["candidateName": candidate.name])
            return
        }
        let example = CandidateMedia.canonicalName(candidate: candidate, number: first, file: file, ruleSet: ruleSet)
        sink.emit(.namePattern, path: file.path, candidate: candidate.name, display: ["example": example])
    }

    /// NAME-NONCANONICAL for tolerated spellings: separators, full-width digits, leading zeros, extensions.
    private func reportNoncanonical(
        _ item: AttributedMedia, candidate: ScannedCandidate, ruleSet: RuleSet, sink: FindingSink
    ) {
        let canonical = CandidateMedia.canonicalName(
            candidate: candidate, number: item.name.number, file: item.file, ruleSet: ruleSet)
        guard canonical != item.file.name.precomposedStringWithCanonicalMapping else { return }
        sink.emit(
            .nameNoncanonical, path: item.file.path, candidate: candidate.name,
            data: ["canonical": .string(canonical)])
    }

    /// NAME-SEQUENCE: a number used twice, or gaps from `first` up to the highest number.
    private func checkSequence(
        _ items: [AttributedMedia], first: Int, gapVariant: String?, sink: FindingSink, media: CandidateMedia
    ) {
        var byNumber: [Int: AttributedMedia] = [:]
        for item in items {
            if let earlier = byNumber[item.name.number] {
                sink.emit(
                    .nameSequence, path: item.file.path, candidate: media.candidate.name, variant: "duplicate",
                    data: ["number": .int(item.name.number), "other": .string(earlier.file.name)])
            } else {
                byNumber[item.name.number] = item
            }
        }
        guard let highest = byNumber.keys.max(), highest > first else { return }
        let missing = (first...highest).filter { byNumber[$0] == nil }
        guard !missing.isEmpty else { return }
        sink.emit(
            .nameSequence, path: media.candidate.folder, candidate: media.candidate.name, variant: gapVariant,
            data: ["missing": .list(missing.map(String.init))],
            display: ["missing": sink.language.list(missing.map(String.init))])
    }
}
