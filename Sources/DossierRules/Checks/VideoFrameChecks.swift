import DossierCore
import DossierInspect

/// What a video's frames show, decoded with FFmpeg at a few points of the clip (`pictures.yaml`, `videoFrames`):
/// shot against the light (`VIDEO-BACKLIT`) or clipped (`VIDEO-EXPOSURE`) over most of it, judged frame by frame as
/// photos are; blank or frozen over most of it (`VIDEO-BLANK`). Frames that do not decode are `VIDEO-CORRUPT`
/// (variant `frames`, a warning), and so are frames that decode damaged (`damagedFrames`: flagged by the decoder;
/// `framesWithoutKeyframe`: before any keyframe), which are not judged for anything else; with `--deep`, the first error in decoding every frame is `VIDEO-CORRUPT`
/// (variant `decode`). Every finding names the decoder and the libraries' versions.
public struct VideoFrameChecks: CheckFamily {
    public static let ruleIDs: [RuleID] = [.videoBacklit, .videoExposure, .videoBlank, .videoCorrupt]

    public init() {}

    public func run(_ bundle: ScannedBundle, ruleSet: RuleSet, sink: FindingSink) {
        let rules = ruleSet.pictures
        for file in bundle.files where file.kind == .video {
            if let frames = file.frames { judge(frames, file: file, rules: rules, sink: sink) }
            if let deep = file.deepDecode { judge(deep, file: file, sink: sink) }
        }
    }

    private func judge(_ facts: VideoFrameFacts, file: ScannedFile, rules: PictureRules, sink: FindingSink) {
        let decoder: DataValue = .string(Self.decoder(facts.decoder, facts.library))
        if let skipped = facts.skipped {
            // Never a silent pass: the clerk learns that the pictures were not looked at, and why.
            sink.emit(
                .videoCorrupt, path: file.path, candidate: file.candidate, variant: "framesSkipped",
                data: ["decoder": decoder, "reason": .string(skipped)])
            return
        }
        if let unavailable = facts.unavailable {
            // This machine cannot decode video (FFmpeg's libraries did not load): said, never passed in silence.
            sink.emit(
                .videoCorrupt, path: file.path, candidate: file.candidate, variant: "framesUnavailable",
                data: ["decoder": decoder, "problem": .string(unavailable)], display: ["problem": unavailable])
            return
        }
        if let unopened = facts.unopened {
            sink.emit(
                .videoCorrupt, path: file.path, candidate: file.candidate, variant: "frames",
                data: ["decoder": decoder, "problem": .string(unopened)], display: ["problem": unopened])
            return
        }
        if !facts.failures.isEmpty {
            let problem = facts.failures.map(\.problem).first ?? ""
            sink.emit(
                .videoCorrupt, path: file.path, candidate: file.candidate, variant: "frames",
                data: [
                    "decoder": decoder, "problem": .string(problem),
                    "failedAt": .list(facts.failures.map { Self.percent($0.fraction) }),
                ], display: ["problem": problem])
        }
        // A damaged frame is said (VIDEO-CORRUPT, `damagedFrames` or `framesWithoutKeyframe`) and left out of
        // every judgement below: what it shows is the decoder's concealment or grey, not the clip's picture.
        for damage in [VideoFrameFacts.Damage.decoding, .noKeyframe] {
            let damaged = facts.frames.filter { $0.damage == damage }
            guard !damaged.isEmpty else { continue }
            let times = damaged.map { Self.seconds($0.seconds) }
            sink.emit(
                .videoCorrupt, path: file.path, candidate: file.candidate,
                variant: damage == .decoding ? "damagedFrames" : "framesWithoutKeyframe",
                data: [
                    "decoder": decoder, "framesDecoded": .int(facts.frames.count),
                    "damagedAt": .list(times),
                    "notJudged": .list(Self.judgedRules.map(\.rawValue)),
                ],
                display: [
                    "frames": String(damaged.count), "total": String(facts.frames.count),
                    "seconds": times.joined(separator: ", "),
                ])
        }
        // Frozen compares each frame with the one before it: only pairs of whole frames next to each other count.
        let frames = facts.frames.filter { $0.damage == nil }
        let wholeRun =
            zip(facts.frames, facts.frames.dropFirst()).filter { $0.damage == nil && $1.damage == nil }
            .count == frames.count - 1
        guard !frames.isEmpty else { return }
        let needed = Int((Double(frames.count) * rules.videoFrames.minimumFrameFraction).rounded(.up))
        let judgement = LightJudgement(rules: rules)
        let times: ([VideoFrameFacts.Frame]) -> DataValue = { .list($0.map { Self.seconds($0.seconds) }) }
        var base: [String: DataValue] = ["decoder": decoder, "framesDecoded": .int(frames.count)]
        base["minimumFrameFraction"] = .double(rules.videoFrames.minimumFrameFraction)

        let limits = rules.videoFrames
        let blank = frames.filter { $0.spread <= limits.blankMaximumSpread }
        if blank.count >= max(1, needed) {
            let black = blank.allSatisfy { $0.mean <= limits.blackMaximumMean }
            var data = base
            data["framesAt"] = times(blank)
            data["spreads"] = .list(blank.map { Self.level($0.spread) })
            data["means"] = .list(blank.map { Self.level($0.mean) })
            data["blankMaximumSpread"] = .double(limits.blankMaximumSpread)
            sink.emit(
                .videoBlank, path: file.path, candidate: file.candidate, variant: black ? "black" : "uniform",
                data: data, display: ["frames": String(blank.count), "total": String(frames.count)])
            // Black or uniform frames are not also under- or over-exposed.
            return
        }
        let backlit = frames.filter { judgement.isBacklit($0.picture) }
        if backlit.count >= max(1, needed) {
            let darkest = backlit.min { $0.picture.subjectMean < $1.picture.subjectMean } ?? backlit[0]
            var data = base
            data["framesAt"] = times(backlit)
            data["subjectMean"] = .double(PictureChecks.rounded(darkest.picture.subjectMean))
            data["backgroundMean"] = .double(PictureChecks.rounded(darkest.picture.backgroundMean))
            sink.emit(
                .videoBacklit, path: file.path, candidate: file.candidate, data: data,
                display: [
                    "frames": String(backlit.count), "total": String(frames.count),
                    "subjectLevel": String(Int(darkest.picture.subjectMean.rounded())),
                    "backgroundLevel": String(Int(darkest.picture.backgroundMean.rounded())),
                ])
        }

        let clipped = frames.compactMap { frame in judgement.clipping(frame.picture).map { (frame, $0) } }
        let over = clipped.filter { $0.1.over }, under = clipped.filter { !$0.1.over }
        if let side = [over, under].max(by: { $0.count < $1.count }), side.count >= max(1, needed) {
            let isOver = side[0].1.over
            let worst = side.map(\.1.whole).max() ?? 0
            var data = base
            data["framesAt"] = times(side.map(\.0))
            data["clippedFraction"] = .double(PictureChecks.rounded(worst))
            data["level"] = .int(isOver ? rules.exposure.highlightLevel : rules.exposure.shadowLevel)
            sink.emit(
                .videoExposure, path: file.path, candidate: file.candidate, variant: isOver ? "over" : "under",
                data: data,
                display: [
                    "frames": String(side.count), "total": String(frames.count), "percent": (worst * 100).formatted2,
                ])
        }

        // Frozen: the same picture at every point looked at (two at least, not blank), far enough apart.
        let changes = frames.dropFirst().compactMap(\.change)
        if frames.count >= 2, wholeRun, changes.count == frames.count - 1,
            changes.allSatisfy({ $0 <= limits.frozenMaximumChange })
        {
            var data = base
            data["framesAt"] = times(frames)
            data["changes"] = .list(changes.map { Self.level($0) })
            data["frozenMaximumChange"] = .double(limits.frozenMaximumChange)
            sink.emit(
                .videoBlank, path: file.path, candidate: file.candidate, variant: "frozen", data: data,
                display: [
                    "first": Self.seconds(frames[0].seconds), "last": Self.seconds(frames[frames.count - 1].seconds),
                ])
        }
    }

    /// `--deep`: the first decoding error, or a decode the time limit cut short.
    private func judge(_ deep: DeepDecode, file: ScannedFile, sink: FindingSink) {
        let decoder: DataValue = .string(Self.decoder(deep.decoder, deep.library))
        // A video that does not open is reported once, from its sampled frames.
        guard deep.unopened == nil else { return }
        if let at = deep.errorSeconds {
            let error = deep.error ?? ""
            sink.emit(
                .videoCorrupt, path: file.path, candidate: file.candidate, variant: "decode",
                data: [
                    "decoder": decoder, "errorSeconds": .double(at), "problem": .string(error),
                    "framesDecoded": .int(deep.frames),
                ], display: ["seconds": Self.seconds(at), "problem": error])
        } else if !deep.finished {
            sink.emit(
                .videoCorrupt, path: file.path, candidate: file.candidate, variant: "decodeUnfinished",
                data: [
                    "decoder": decoder, "reachedSeconds": .double(deep.reachedSeconds),
                    "framesDecoded": .int(deep.frames),
                ], display: ["seconds": Self.seconds(deep.reachedSeconds)])
        }
    }

    /// What a damaged frame is not judged for.
    static let judgedRules: [RuleID] = [.videoBacklit, .videoExposure, .videoBlank]

    static func decoder(_ name: String, _ library: String) -> String {
        name.isEmpty ? "FFmpeg (\(library))" : "\(name) (FFmpeg: \(library))"
    }

    static func seconds(_ value: Double) -> String { value.formatted2 }
    static func level(_ value: Double) -> String { ((value * 10).rounded() / 10).formatted2 }
    static func percent(_ fraction: Double) -> String { "\(Int((fraction * 100).rounded()))%" }
}
