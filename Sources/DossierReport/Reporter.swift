import DossierCore
import DossierRules

/// What every reporter may need beyond the report itself.
public struct ReportContext: Sendable {
    public var language: Language
    public var quiet: Bool
    public var ruleSet: RuleSet
    /// ANSI colours in the text report (a terminal, and no `NO_COLOR`).
    public var color: Bool

    public init(language: Language, quiet: Bool = false, ruleSet: RuleSet, color: Bool = false) {
        self.language = language
        self.quiet = quiet
        self.ruleSet = ruleSet
        self.color = color
    }
}

/// Renders a report in one format.
public protocol Reporter: Sendable {
    /// The `--format` name.
    static var name: String { get }
    /// A reporter of this format.
    static func make() -> Self
    func render(_ report: Report, context: ReportContext) throws -> String
}

/// Every output format, in one list: `--format` picks from it.
public enum Reporters {
    public static let all: [any Reporter.Type] = [
        TextReporter.self, JSONReporter.self, HTMLReporter.self, SARIFReporter.self, JUnitReporter.self,
        MarkdownReporter.self,
    ]

    /// The names `--format` accepts.
    public static var names: [String] { all.map { $0.name } }

    /// The reporter called `name`, or nil.
    public static func named(_ name: String) -> (any Reporter)? {
        all.first { $0.name == name }.map { $0.make() }
    }
}
