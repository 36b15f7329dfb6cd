import Foundation

/// What looking for faces in a photo found.
public struct FaceSearch: Sendable, Equatable, Codable {
    /// Frontal faces, largest first, in pixels of the analysed picture.
    public var frontal: [PixelRect]
    /// Faces in profile (either side), largest first; looked for only when no frontal face was found.
    public var profiles: [PixelRect]
    /// The angle of the line through the two eyes of the largest frontal face, in degrees (0 is level), when two
    /// eyes were found.
    public var eyeTilt: Double?
    /// The cascade files used, by name: the frontal one, then the eyes' or the profile's.
    public var cascades: [String]
}

/// Whether faces could be looked for at all.
public enum FaceSearchOutcome: Sendable, Equatable, Codable {
    case searched(FaceSearch)
    /// A cascade is missing or unreadable, or OpenCV failed: nothing was looked for. `missing` says what.
    case unavailable(missing: String)
}

/// Looks for faces in a grey picture with OpenCV's Haar cascades.
public enum FaceFinder {
    /// Frontal faces; when there is none, faces in profile (the picture and its mirror image); for the largest
    /// frontal face, its eyes. The profile cascade is loaded only when it is needed (30 ms); `cascades` names those
    /// used.
    public static func search(_ image: GreyImage, settings: FaceSettings) -> FaceSearchOutcome {
        let folders = settings.cascadeFolders
        let frontalCascade: HaarCascade
        switch HaarCascade.named(settings.frontal, in: folders) {
        case .success(let cascade): frontalCascade = cascade
        case .failure(let problem): return .unavailable(missing: describe(problem))
        }
        let failed = FaceSearchOutcome.unavailable(missing: "OpenCV \(HaarCascade.openCVVersion): detection failed")
        let minimumFace = max(20, Int(Double(min(image.width, image.height)) * settings.minimumFaceFraction))
        guard
            let frontal = frontalFaces(in: image, cascade: frontalCascade, minimumFace: minimumFace, settings: settings)
        else { return failed }
        var search = FaceSearch(frontal: frontal, profiles: [], eyeTilt: nil, cascades: [frontalCascade.fileName])
        if let face = frontal.first {
            let eyeCascade: HaarCascade
            switch HaarCascade.named(settings.eyes, in: folders) {
            case .success(let cascade): eyeCascade = cascade
            case .failure(let problem): return .unavailable(missing: describe(problem))
            }
            search.cascades.append(eyeCascade.fileName)
            search.eyeTilt = eyeTilt(in: image, face: face, cascade: eyeCascade, settings: settings)
            return .searched(search)
        }
        let profileCascade: HaarCascade
        switch HaarCascade.named(settings.profile, in: folders) {
        case .success(let cascade): profileCascade = cascade
        case .failure(let problem): return .unavailable(missing: describe(problem))
        }
        search.cascades.append(profileCascade.fileName)
        guard
            let seen = profileCascade.detect(
                in: image, scaleFactor: settings.scaleFactor, minimumNeighbours: settings.minimumNeighbours,
                minimumSize: minimumFace, workShortSide: settings.detectionShortSide),
            let other = profileCascade.detect(
                in: image.mirrored, scaleFactor: settings.scaleFactor, minimumNeighbours: settings.minimumNeighbours,
                minimumSize: minimumFace, workShortSide: settings.detectionShortSide)
        else { return failed }
        // A face seen in both (a profile near frontal) is one face: keep the larger box.
        let mirrored = other.map { $0.mirrored(inWidth: image.width) }
        for face in (seen + mirrored).sorted(by: { $0.width * $0.height > $1.width * $1.height })
        where !search.profiles.contains(where: { $0.contains(face.centreX, face.centreY) }) {
            search.profiles.append(face)
        }
        return .searched(search)
    }

    /// Frontal faces, largest first. The coarse search (`quickShortSide`) costs about a third of the finer one; its
    /// faces are kept when the largest is wide enough that any face counting beside it would be seen there too, at
    /// two steps of the search at least. Otherwise (no face, a small face, a group) the finer search decides.
    static func frontalFaces(
        in image: GreyImage, cascade: HaarCascade, minimumFace: Int, settings: FaceSettings
    ) -> [PixelRect]? {
        func faces(shrunkTo side: Int) -> [PixelRect]? {
            cascade.detect(
                in: image, scaleFactor: settings.scaleFactor, minimumNeighbours: settings.minimumNeighbours,
                minimumSize: minimumFace, workShortSide: side)
        }
        let shortSide = min(image.width, image.height)
        let quickSide = settings.quickShortSide
        guard quickSide > 0, quickSide < min(shortSide, settings.detectionShortSide) else {
            return faces(shrunkTo: settings.detectionShortSide)
        }
        guard let quick = faces(shrunkTo: quickSide) else { return nil }
        let smallestSeen = Double(cascade.windowWidth) * settings.scaleFactor * Double(shortSide) / Double(quickSide)
        if let largest = quick.first, Double(largest.width) * settings.companionMinimumRatio >= smallestSeen {
            return quick
        }
        return faces(shrunkTo: settings.detectionShortSide)
    }

    /// The tilt of the line through the two largest eyes found in the upper part of `face`, in degrees.
    static func eyeTilt(in image: GreyImage, face: PixelRect, cascade: HaarCascade, settings: FaceSettings) -> Double? {
        // Eyes sit in the upper part of the face box; the mouth and nostrils below give false eyes.
        let upper = PixelRect(x: face.x, y: face.y, width: face.width, height: face.height * 3 / 5)
        // Shrunk to `eyeSearchFaceWidth` (100), an eye (a fifth of the face) is still the cascade's window (20); the
        // cost falls with the area.
        let wanted = settings.eyeSearchFaceWidth
        let workShortSide =
            wanted > 0 && face.width > wanted ? min(upper.width, upper.height) * wanted / face.width : 0
        guard
            let eyes = cascade.detect(
                in: image, region: upper, scaleFactor: settings.scaleFactor, minimumNeighbours: 3,
                minimumSize: max(6, face.width / 8), workShortSide: workShortSide),
            eyes.count >= 2
        else { return nil }
        // The two largest that sit side by side, one in each half of the face.
        let middle = face.centreX
        guard let left = eyes.first(where: { $0.centreX < middle }),
            let right = eyes.first(where: { $0.centreX >= middle })
        else { return nil }
        let angle = atan2(right.centreY - left.centreY, right.centreX - left.centreX) * 180 / Double.pi
        return (angle * 10).rounded() / 10
    }

    static func describe(_ problem: HaarCascade.LoadProblem) -> String {
        switch problem {
        case .missing(let name, let searched): "\(name) (searched \(searched.joined(separator: ", ")))"
        case .unreadable(let path, let reason): "\(path): \(reason)"
        }
    }
}
