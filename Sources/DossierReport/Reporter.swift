import DossierCore
import DossierRules

/// What every reporter may need beyond the report itself.
public struct ReportContext: Sendable {
    public var language: Language
    public var quiet: Bool
    public var ruleSet: RuleSet

    public init(language: Language, quiet: Bool = false, ruleSet: RuleSet) {
        self.language = language
        self.quiet = quiet
        self.ruleSet = ruleSet
    }
}

/// Renders a report in one format.
public protocol Reporter: Sendable {
    /// The `--format` name.
    static var name: String { get }
    func render(_ report: Report, context: ReportContext) throws -> String
}

/// Every output format, in one list: `--format` picks from it.
public enum Reporters {
    public static let all: [any Reporter.Type] = [TextReporter.self, JSONReporter.self, HTMLReporter.self]

    /// The names `--format` accepts.
    public static var names: [String] { all.map { $0.name } }

    /// The reporter called `name`, or nil.
    public static func named(_ name: String) -> (any Reporter)? {
        switch name {
        case TextReporter.name: TextReporter()
        case JSONReporter.name: JSONReporter()
        case HTMLReporter.name: HTMLReporter()
        default: nil
        }
    }
}
