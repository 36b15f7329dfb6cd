import DossierCore
import DossierFiles
import DossierInspect

/// A candidate folder and the files in it.
public struct ScannedCandidate: Sendable {
    /// The folder's name as stored (NFC).
    public var folder: String
    /// The name used to match file names: the folder name trimmed.
    public var name: String
}
