import DossierInspect

/// Whether a picture (a photo, or one frame of a video) is backlit or clipped, by the thresholds of
/// `pictures.yaml`: the one judgement PHOTO-BACKLIT, PHOTO-EXPOSURE, VIDEO-BACKLIT and VIDEO-EXPOSURE share.
struct LightJudgement {
    var rules: PictureRules

    /// Clipped one way over most of the picture and of its subject.
    struct Clipping {
        var over: Bool
        var whole: Double
        var inSubject: Double
    }

    /// The subject much darker than a near-white background.
    func isBacklit(_ picture: PictureFacts) -> Bool {
        picture.backgroundMean >= rules.backlight.minimumBackgroundMean
            && picture.subjectMean <= picture.backgroundMean * rules.backlight.maximumSubjectRatio
    }

    /// Blown out (over) or crushed (under), when it is either.
    func clipping(_ picture: PictureFacts) -> Clipping? {
        let exposure = rules.exposure
        let over =
            picture.highlightFraction >= exposure.minimumPictureFraction
            && picture.subjectHighlightFraction >= exposure.minimumSubjectFraction
        let under =
            picture.shadowFraction >= exposure.minimumPictureFraction
            && picture.subjectShadowFraction >= exposure.minimumSubjectFraction
        guard over || under else { return nil }
        return over
            ? Clipping(over: true, whole: picture.highlightFraction, inSubject: picture.subjectHighlightFraction)
            : Clipping(over: false, whole: picture.shadowFraction, inSubject: picture.subjectShadowFraction)
    }
}
