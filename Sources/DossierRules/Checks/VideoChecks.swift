import DossierCore
import DossierInspect

/// `VIDEO-*`: container by content, integrity, a picture track, duration and displayed size, from what the scanner
/// read of each video's boxes. Naming goes through `NamingChecks` like photos.
public struct VideoChecks: CheckFamily {
    public static let ruleIDs: [RuleID] = [
        .videoFormat, .videoCorrupt, .videoDuration, .videoResolution, .videoNoVideoTrack,
    ]

    public init() {}

    public func run(_ bundle: ScannedBundle, ruleSet: RuleSet, sink: FindingSink) {
        let rules = ruleSet.videos
        for file in bundle.files where file.kind == .video && file.entry.kind == .file && file.entry.bytes > 0 {
            guard let content = file.content else { continue }
            guard content == .mp4 || content == .mov else {
                let detected =
                    content == .unknown ? RulesWords.unknownFormat.text(sink.language) : content.rawValue.uppercased()
                sink.emit(
                    .videoFormat, path: file.path, candidate: file.candidate,
                    data: ["detected": .string(content.rawValue)], display: ["detected": detected])
                continue
            }
            let container: String
            switch file.video {
            case .success(let facts): container = facts.container
            default: container = content.rawValue
            }
            if file.parts.extension != container {
                let stem =
                    MediaName.parse(stem: file.parts.stem, separators: ruleSet.naming.separators)
                    .map { $0.namePart + String($0.number) } ?? file.parts.stem
                sink.emit(
                    .videoFormat, path: file.path, candidate: file.candidate, variant: "container",
                    data: ["container": .string(container), "canonical": .string(stem + "." + container)],
                    display: ["extension": file.parts.rawExtension, "containerName": container.uppercased()])
            }
            switch file.video {
            case .failure(let problem):
                reportDamage(problem, file: file, sink: sink)
            case .success(let facts):
                judge(facts, file: file, rules: rules, sink: sink)
            case nil:
                break
            }
        }
    }

    private func reportDamage(_ problem: MP4Problem, file: ScannedFile, sink: FindingSink) {
        switch problem {
        case .truncated(let fileBytes, let needed):
            sink.emit(
                .videoCorrupt, path: file.path, candidate: file.candidate, variant: "truncated",
                data: ["bytes": .int(Int(clamping: fileBytes)), "neededBytes": .int(Int(clamping: needed))],
                display: [
                    "fileMB": (Double(fileBytes) / 1_000_000).formatted2,
                    "neededMB": (Double(needed) / 1_000_000).formatted2,
                ])
        case .noMovie:
            sink.emit(.videoCorrupt, path: file.path, candidate: file.candidate, variant: "noMovie")
        // Impossible facts: each its own wording, with what was measured (and the reader's own words, for a rule
        // set that has no wording for the variant).
        case .zeroTimescale(let box):
            sink.emit(
                .videoCorrupt, path: file.path, candidate: file.candidate, variant: "timescale",
                problem: problem, data: ["box": .string(box)])
        case .zeroDuration(let frames):
            sink.emit(
                .videoCorrupt, path: file.path, candidate: file.candidate, variant: "duration",
                problem: problem, data: ["frames": .int(Int(clamping: frames))])
        case .noFrames:
            sink.emit(
                .videoCorrupt, path: file.path, candidate: file.candidate, variant: "noFrames",
                problem: problem)
        case .impossibleFrameRate(let rate):
            sink.emit(
                .videoCorrupt, path: file.path, candidate: file.candidate, variant: "frameRate",
                problem: problem, data: ["frameRate": .double(rate)])
        case .impossibleMatrix(let scale):
            sink.emit(
                .videoCorrupt, path: file.path, candidate: file.candidate, variant: "matrix",
                problem: problem, data: ["scale": .double(scale)])
        default:
            sink.emit(
                .videoCorrupt, path: file.path, candidate: file.candidate,
                problem: problem)
        }
    }

    private func judge(_ facts: VideoFacts, file: ScannedFile, rules: VideoRules, sink: FindingSink) {
        guard facts.hasVideoTrack else {
            sink.emit(.videoNoVideoTrack, path: file.path, candidate: file.candidate)
            return
        }
        if facts.durationSeconds > rules.maximumSeconds {
            sink.emit(
                .videoDuration, path: file.path, candidate: file.candidate,
                data: ["seconds": .double(facts.durationSeconds), "maximum": .double(rules.maximumSeconds)])
        }
        let allowed = rules.sizes.map { "\($0.width)×\($0.height)" }
        let fits = rules.sizes.contains { $0.width == facts.displayWidth && $0.height == facts.displayHeight }
        // A tilted picture is a valid file (players show it tilted) but neither landscape nor portrait: whatever
        // its size, it cannot meet the rule, and the clerk must be told why.
        let tilted = facts.rotation % 90 != 0
        guard tilted || !fits else { return }
        sink.emit(
            .videoResolution, path: file.path, candidate: file.candidate, variant: tilted ? "rotation" : nil,
            data: [
                "width": .int(facts.displayWidth), "height": .int(facts.displayHeight),
                "rotation": .int(facts.rotation),
                "allowed": .list(allowed),
            ],
            display: ["allowed": sink.language.list(allowed)])
    }
}
