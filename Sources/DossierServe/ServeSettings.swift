import DossierCore
import DossierRules
import Foundation

/// What `dossier serve` was started with.
public struct ServeSettings: Sendable {
    /// The port to listen on; 0 picks a free one.
    public var port: Int
    /// Folders the browser may show and the pages may read from or write into (absolute, symlinks resolved).
    public var roots: [String]
    /// The office's archive for 收件 (intake); nil hides the page.
    public var archive: String?
    /// The rule set every check is judged by.
    public var ruleSet: RuleSet
    /// The date the deadline is judged against (`--as-of`); nil is the day each check runs.
    public var asOf: String?
    /// The language of pages until the user switches.
    public var language: Language
    /// The largest upload the drop zone takes, in bytes.
    public var uploadLimit: Int

    public init(
        port: Int = 0, roots: [String], archive: String? = nil, ruleSet: RuleSet, asOf: String? = nil,
        language: Language = .zh, uploadLimit: Int = 2 << 30
    ) {
        self.port = port
        self.roots = roots
        self.archive = archive
        self.ruleSet = ruleSet
        self.asOf = asOf
        self.language = language
        self.uploadLimit = uploadLimit
    }

    /// The default roots: the user's home and the places drives are mounted, those that exist.
    public static func defaultRoots(environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return [home, "/media", "/run/media", "/mnt"]
    }
}
