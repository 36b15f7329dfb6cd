import DossierCore
import DossierInspect

/// `FS-*`: what the walker met that is not an ordinary readable file.
public struct FileSystemChecks: CheckFamily {
    public static let ruleIDs: [RuleID] = [.fsSymlink, .fsSpecialFile, .fsUnreadable, .fsEmptyFile, .fsLimit]

    public init() {}

    public func run(_ bundle: ScannedBundle, ruleSet: RuleSet, sink: FindingSink) {
        let junkPrefixes = bundle.junkFolders.map { $0.path + "/" }
        for entry in bundle.otherEntries where entry.kind == .directory && !entry.readable && entry.limit == nil {
            guard !junkPrefixes.contains(where: { entry.path.hasPrefix($0) }) else { continue }
            sink.emit(.fsUnreadable, path: entry.path, candidate: ScannedBundle.candidate(ofPath: entry.path))
        }
        // Before any other finding on the same entry: a walk that stopped here must never look like a pass.
        for index in 0..<bundle.entryCount {
            let entry = bundle.entry(at: index)
            guard let limit = entry.limit else { continue }
            let candidate = ScannedBundle.candidate(ofPath: entry.path)
            switch limit {
            case .depth(let levels):
                sink.emit(.fsLimit, path: entry.path, candidate: candidate, data: ["levels": .int(levels)])
            case .entries(let count):
                sink.emit(
                    .fsLimit, path: entry.path, candidate: candidate, variant: "entries", data: ["count": .int(count)])
            case .pathLength(let bytes):
                sink.emit(
                    .fsLimit, path: entry.path, candidate: candidate, variant: "pathLength",
                    data: ["bytes": .int(bytes), "maximum": .int(FileTreeWalker.maximumPathBytes)])
            }
        }
        for file in bundle.files where file.kind != .junk {
            switch file.entry.kind {
            case .symlink:
                sink.emit(
                    .fsSymlink, path: file.path, candidate: file.candidate,
                    data: ["target": .string(file.entry.linkTarget ?? "?")])
            case .special:
                sink.emit(
                    .fsSpecialFile, path: file.path, candidate: file.candidate,
                    data: ["type": .string(file.entry.specialKind ?? "unknown")])
            case .file where !file.entry.readable && file.entry.damage == nil && file.entry.limit == nil:
                // A damaged zip entry is the zip reader's to report (ZIP-CORRUPT), with what is wrong; a walk limit
                // is FS-LIMIT's.
                sink.emit(.fsUnreadable, path: file.path, candidate: file.candidate)
            case .file where file.entry.bytes == 0:
                sink.emit(.fsEmptyFile, path: file.path, candidate: file.candidate, data: ["bytes": .int(0)])
            default:
                break
            }
        }
    }

}
