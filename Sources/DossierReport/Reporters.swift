import DossierCore
import DossierRules

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
