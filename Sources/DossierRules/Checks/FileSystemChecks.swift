import DossierCore

/// `FS-*`: what the walker met that is not an ordinary readable file.
public struct FileSystemChecks: CheckFamily {
    public static let ruleIDs: [RuleID] = [.fsSymlink, .fsSpecialFile, .fsUnreadable, .fsEmptyFile]

    public init() {}

    public func run(_ bundle: ScannedBundle, ruleSet: RuleSet, sink: FindingSink) {
        let junkPrefixes = bundle.junkFolders.map { $0.path + "/" }
        for entry in bundle.entries where entry.kind == .directory && !entry.readable {
            guard !junkPrefixes.contains(where: { entry.path.hasPrefix($0) }) else { continue }
            sink.emit(.fsUnreadable, path: entry.path, candidate: ScannedBundle.candidate(ofPath: entry.path))
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
            case .file where !file.entry.readable && file.entry.damage == nil:
                // A damaged zip entry is the zip reader's to report (ZIP-CORRUPT), with what is wrong.
                sink.emit(.fsUnreadable, path: file.path, candidate: file.candidate)
            case .file where file.entry.bytes == 0:
                sink.emit(.fsEmptyFile, path: file.path, candidate: file.candidate, data: ["bytes": .int(0)])
            default:
                break
            }
        }
    }

}
