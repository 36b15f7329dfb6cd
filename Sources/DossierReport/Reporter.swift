import DossierCore
import DossierRules

/// Renders a report in one format.
public protocol Reporter: Sendable {
    /// The `--format` name.
    static var name: String { get }
    /// A reporter of this format.
    static func make() -> Self
    func render(_ report: Report, context: ReportContext) throws -> String
}
