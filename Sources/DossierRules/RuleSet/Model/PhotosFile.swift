import DossierCore
import DossierInspect

/// The `photos.yaml` file.
public struct PhotosFile: Codable, Sendable, Equatable {
    public var photos: PhotoRules
}
