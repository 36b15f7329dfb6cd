import DossierCore
import DossierInspect
import Foundation

/// What the notice asks of the pictures themselves: a frontal face alone in the ID photo (`PHOTO-ID-FACE`,
/// `PHOTO-ID-POSE`), framed like a 小2寸 photo (`PHOTO-ID-FRAMING`) against a plain background
/// (`PHOTO-ID-BACKGROUND`); and in every photo, no backlight (`PHOTO-BACKLIT`) and no clipped exposure
/// (`PHOTO-EXPOSURE`). From what the scanner measured; thresholds from `pictures.yaml`. Every finding is a warning
/// by default and carries what was measured.
public struct PictureChecks: CheckFamily {
    public static let ruleIDs: [RuleID] = [
        .photoIDFace, .photoIDPose, .photoIDFraming, .photoIDBackground, .photoBacklit, .photoExposure,
    ]

    public init() {}

    public func run(_ bundle: ScannedBundle, ruleSet: RuleSet, sink: FindingSink) {
        var idPhotoPaths: Set<String> = []
        for candidate in bundle.candidates {
            let media = CandidateMedia(candidate, in: bundle, ruleSet: ruleSet)
            guard let id = media.idPhoto(ruleSet) else { continue }
            idPhotoPaths.insert(id.file.path)
            checkIDPhoto(id.file, candidate: candidate.name, rules: ruleSet.pictures, sink: sink)
        }
        for file in bundle.files where file.kind == .photo {
            guard let picture = file.picture else { continue }
            checkLight(file, picture: picture, rules: ruleSet.pictures, sink: sink)
        }
    }

    /// Faces, pose, framing and background of the ID photo.
    private func checkIDPhoto(_ file: ScannedFile, candidate: String, rules: PictureRules, sink: FindingSink) {
        guard let picture = file.picture, let outcome = picture.faces else { return }
        let search: FaceSearch
        switch outcome {
        case .unavailable(let missing):
            // Never a silent pass: the clerk learns that faces were not looked for, and why.
            sink.emit(
                .photoIDFace, path: file.path, candidate: candidate, variant: "unavailable",
                data: ["missing": .string(missing)])
            return
        case .searched(let found):
            search = found
        }
        var data: [String: DataValue] = [
            "cascades": .list(search.cascades), "analysedWidth": .int(picture.width),
            "analysedHeight": .int(picture.height),
        ]
        guard let face = search.frontal.first else {
            if let profile = search.profiles.first {
                data["profileFaces"] = .int(search.profiles.count)
                data["face"] = Self.box(profile)
                sink.emit(.photoIDPose, path: file.path, candidate: candidate, variant: "profile", data: data)
            } else {
                data["faces"] = .int(0)
                sink.emit(.photoIDFace, path: file.path, candidate: candidate, variant: "none", data: data)
            }
            return
        }
        // Faces much smaller than the largest are posters, badges or false hits, not a second person.
        let people = search.frontal.filter {
            Double($0.width) >= Double(face.width) * rules.faces.companionMinimumRatio
        }
        if people.count > 1 {
            data["faces"] = .int(people.count)
            data["faceWidths"] = .list(people.map { String($0.width) })
            sink.emit(.photoIDFace, path: file.path, candidate: candidate, variant: "several", data: data)
            return
        }
        data["face"] = Self.box(face)
        if let tilt = search.eyeTilt, abs(tilt) > rules.faces.maximumEyeTilt {
            var tilted = data
            tilted["eyeTilt"] = .double(tilt)
            tilted["maximumEyeTilt"] = .double(rules.faces.maximumEyeTilt)
            sink.emit(
                .photoIDPose, path: file.path, candidate: candidate, variant: "tilted", data: tilted,
                display: ["degrees": abs(tilt).formatted2])
        }
        checkFraming(file, candidate: candidate, face: face, picture: picture, data: data, rules: rules, sink: sink)
        if let edges = picture.backgroundEdgeFraction, edges > rules.background.maximumEdgeFraction {
            var busy = data
            busy["edgeFraction"] = .double(Self.rounded(edges))
            busy["maximumEdgeFraction"] = .double(rules.background.maximumEdgeFraction)
            sink.emit(
                .photoIDBackground, path: file.path, candidate: candidate, data: busy,
                display: [
                    "percent": (edges * 100).formatted2,
                    "maximumPercent": (rules.background.maximumEdgeFraction * 100).formatted2,
                ])
        }
    }

    private func checkFraming(
        _ file: ScannedFile, candidate: String, face: PixelRect, picture: PictureFacts, data: [String: DataValue],
        rules: PictureRules, sink: FindingSink
    ) {
        let widthShare = Double(face.width) / Double(picture.width)
        let offset = (face.centreX - Double(picture.width) / 2) / Double(picture.width)
        var data = data
        data["faceWidthFraction"] = .double(Self.rounded(widthShare))
        let display = ["percent": (widthShare * 100).formatted2]
        if widthShare < rules.framing.minimumFaceWidth {
            data["minimumFaceWidth"] = .double(rules.framing.minimumFaceWidth)
            sink.emit(
                .photoIDFraming, path: file.path, candidate: candidate, variant: "small", data: data,
                display: display.merging(["limitPercent": (rules.framing.minimumFaceWidth * 100).formatted2]) {
                    $1
                })
        } else if widthShare > rules.framing.maximumFaceWidth {
            data["maximumFaceWidth"] = .double(rules.framing.maximumFaceWidth)
            sink.emit(
                .photoIDFraming, path: file.path, candidate: candidate, variant: "large", data: data,
                display: display.merging(["limitPercent": (rules.framing.maximumFaceWidth * 100).formatted2]) {
                    $1
                })
        } else if abs(offset) > rules.framing.maximumCentreOffset {
            data["centreOffset"] = .double(Self.rounded(offset))
            data["maximumCentreOffset"] = .double(rules.framing.maximumCentreOffset)
            sink.emit(
                .photoIDFraming, path: file.path, candidate: candidate, variant: "offCentre", data: data,
                display: [
                    "percent": (abs(offset) * 100).formatted2,
                    "limitPercent": (rules.framing.maximumCentreOffset * 100).formatted2,
                    "side": (offset < 0 ? RulesWords.left : RulesWords.right).text(sink.language),
                ])
        }
    }

    /// Backlight and exposure, for every photo that decodes.
    private func checkLight(_ file: ScannedFile, picture: PictureFacts, rules: PictureRules, sink: FindingSink) {
        let subject: DataValue = .string(picture.subjectIsFace ? "face" : "centre")
        let judgement = LightJudgement(rules: rules)
        if judgement.isBacklit(picture) {
            sink.emit(
                .photoBacklit, path: file.path, candidate: file.candidate,
                variant: picture.subjectIsFace ? nil : "centre",
                data: [
                    "subject": subject, "subjectMean": .double(Self.rounded(picture.subjectMean)),
                    "backgroundMean": .double(Self.rounded(picture.backgroundMean)),
                    "minimumBackgroundMean": .double(rules.backlight.minimumBackgroundMean),
                    "maximumSubjectRatio": .double(rules.backlight.maximumSubjectRatio),
                ],
                display: [
                    "subjectLevel": String(Int(picture.subjectMean.rounded())),
                    "backgroundLevel": String(Int(picture.backgroundMean.rounded())),
                ])
        }
        guard let clipping = judgement.clipping(picture) else { return }
        sink.emit(
            .photoExposure, path: file.path, candidate: file.candidate, variant: clipping.over ? "over" : "under",
            data: [
                "subject": subject, "clippedFraction": .double(Self.rounded(clipping.whole)),
                "subjectClippedFraction": .double(Self.rounded(clipping.inSubject)),
                "level": .int(clipping.over ? rules.exposure.highlightLevel : rules.exposure.shadowLevel),
                "minimumPictureFraction": .double(rules.exposure.minimumPictureFraction),
            ],
            display: [
                "percent": (clipping.whole * 100).formatted2, "subjectPercent": (clipping.inSubject * 100).formatted2,
            ])
    }

    static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }

    /// A face's box as `x,y,width,height` in pixels of the analysed picture.
    static func box(_ rect: PixelRect) -> DataValue {
        .list([String(rect.x), String(rect.y), String(rect.width), String(rect.height)])
    }
}
