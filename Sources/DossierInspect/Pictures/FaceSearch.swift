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
    /// The cascade files used, by name.
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
    /// frontal face, its eyes.
    public static func search(_ image: GreyImage, settings: FaceSettings) -> FaceSearchOutcome {
        let folders = settings.cascadeFolders
        let frontalCascade: HaarCascade, profileCascade: HaarCascade, eyeCascade: HaarCascade
        switch (
            HaarCascade.named(settings.frontal, in: folders), HaarCascade.named(settings.profile, in: folders),
            HaarCascade.named(settings.eyes, in: folders)
        ) {
        case (.success(let frontal), .success(let profile), .success(let eyes)):
            (frontalCascade, profileCascade, eyeCascade) = (frontal, profile, eyes)
        case (.failure(let problem), _, _), (_, .failure(let problem), _), (_, _, .failure(let problem)):
            return .unavailable(missing: describe(problem))
        }
        let minimumFace = max(20, Int(Double(min(image.width, image.height)) * settings.minimumFaceFraction))
        guard
            let frontal = frontalCascade.detect(
                in: image, scaleFactor: settings.scaleFactor, minimumNeighbours: settings.minimumNeighbours,
                minimumSize: minimumFace, workShortSide: settings.detectionShortSide)
        else { return .unavailable(missing: "OpenCV \(HaarCascade.openCVVersion): detection failed") }
        var search = FaceSearch(
            frontal: frontal, profiles: [], eyeTilt: nil,
            cascades: [frontalCascade.fileName, profileCascade.fileName, eyeCascade.fileName])
        if frontal.isEmpty {
            let mirror = image.mirrored
            let seen =
                profileCascade.detect(
                    in: image, scaleFactor: settings.scaleFactor, minimumNeighbours: settings.minimumNeighbours,
                    minimumSize: minimumFace, workShortSide: settings.detectionShortSide) ?? []
            let other =
                (profileCascade.detect(
                    in: mirror, scaleFactor: settings.scaleFactor, minimumNeighbours: settings.minimumNeighbours,
                    minimumSize: minimumFace, workShortSide: settings.detectionShortSide) ?? []).map {
                    $0.mirrored(inWidth: image.width)
                }
            // A face seen in both (a profile near frontal) is one face: keep the larger box.
            for face in (seen + other).sorted(by: { $0.width * $0.height > $1.width * $1.height })
            where !search.profiles.contains(where: { $0.contains(face.centreX, face.centreY) }) {
                search.profiles.append(face)
            }
        } else if let face = frontal.first {
            search.eyeTilt = eyeTilt(in: image, face: face, cascade: eyeCascade, settings: settings)
        }
        return .searched(search)
    }

    /// The tilt of the line through the two largest eyes found in the upper part of `face`, in degrees.
    static func eyeTilt(in image: GreyImage, face: PixelRect, cascade: HaarCascade, settings: FaceSettings) -> Double? {
        // Eyes sit in the upper part of the face box; the mouth and nostrils below give false eyes.
        let upper = PixelRect(x: face.x, y: face.y, width: face.width, height: face.height * 3 / 5)
        guard
            let eyes = cascade.detect(
                in: image, region: upper, scaleFactor: settings.scaleFactor, minimumNeighbours: 3,
                minimumSize: max(6, face.width / 8)),
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
