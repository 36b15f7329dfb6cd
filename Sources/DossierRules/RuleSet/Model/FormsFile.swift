import DossierCore
import DossierInspect

/// The `forms.yaml` file.
public struct FormsFile: Codable, Sendable, Equatable {
    public var forms: FormRules
}
