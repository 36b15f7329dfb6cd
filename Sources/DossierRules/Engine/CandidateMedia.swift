import DossierCore

/// A candidate's photos and videos, split into those whose names can be attributed and the rest.
public struct CandidateMedia: Sendable {
    public var candidate: ScannedCandidate
    public var photos: [AttributedMedia] = []
    public var videos: [AttributedMedia] = []
    /// Photos and videos whose name is not this candidate's 姓名+序号.
    public var unattributed: [ScannedFile] = []

    /// Reads every photo and video name of `candidate`.
    public init(_ candidate: ScannedCandidate, in bundle: ScannedBundle, ruleSet: RuleSet) {
        self.candidate = candidate
        for file in bundle.files(of: candidate) where file.kind == .photo || file.kind == .video {
            guard let name = Self.attribute(file, to: candidate, ruleSet: ruleSet) else {
                unattributed.append(file)
                continue
            }
            if file.kind == .photo {
                photos.append(AttributedMedia(file: file, name: name))
            } else {
                videos.append(AttributedMedia(file: file, name: name))
            }
        }
    }

    /// The media name of `file` when it is `candidate`'s and its number is a plausible 序号.
    static func attribute(_ file: ScannedFile, to candidate: ScannedCandidate, ruleSet: RuleSet) -> MediaName? {
        guard let name = MediaName.parse(stem: file.parts.stem, separators: ruleSet.naming.separators),
            name.namePart == candidate.name, isPlausible(name.number, kind: file.kind, ruleSet: ruleSet)
        else { return nil }
        return name
    }

    /// Numbers from the first allowed one up to 99; larger ones are camera or timestamp numbering.
    static func isPlausible(_ number: Int, kind: FileKind, ruleSet: RuleSet) -> Bool {
        let first = kind == .photo ? ruleSet.naming.idPhotoNumber : ruleSet.naming.firstVideoNumber
        return number >= first && number <= 99
    }

    /// The photo with the ID photo's number, if any.
    public func idPhoto(_ ruleSet: RuleSet) -> AttributedMedia? {
        photos.first { $0.name.number == ruleSet.naming.idPhotoNumber }
    }

    /// The life or work photos (numbers from the first life-photo number on).
    public func lifePhotos(_ ruleSet: RuleSet) -> [AttributedMedia] {
        photos.filter { $0.name.number >= ruleSet.naming.firstLifePhotoNumber }
    }

    /// The standard name of this candidate's file number `number` with `file`'s kind.
    public static func canonicalName(
        candidate: ScannedCandidate, number: Int, file: ScannedFile, ruleSet: RuleSet
    ) -> String {
        candidate.name + String(number) + "." + canonicalExtension(file, ruleSet: ruleSet)
    }

    /// `jpg` for JPEG photos, else the extension in lower case.
    public static func canonicalExtension(_ file: ScannedFile, ruleSet: RuleSet) -> String {
        let layout = ruleSet.layout.candidate
        let ext = file.parts.extension
        if file.kind == .photo && (layout.photoExtensions.contains(ext) || file.content == .jpeg) {
            return layout.canonicalPhotoExtension
        }
        return ext
    }
}
