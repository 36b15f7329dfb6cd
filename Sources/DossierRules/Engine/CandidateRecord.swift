import DossierCore
import DossierFiles
import DossierInspect

/// A candidate as the checks judge them: from the summary table's row, completed by their form.
public struct CandidateRecord: Sendable {
    public var name: String
    public var folder: String?
    /// Field values by key (SPEC §3), normalised.
    public var fields: [String: String]
    /// The form the fields came from, when there is one.
    public var formPath: String?
}
