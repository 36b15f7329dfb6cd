/// A fact about a bundle that a rule judged: what is wrong, where, and how to fix it (SPEC §5).
///
/// A finding is not a tool error: it describes the input. `message` and `hint` are already localised.
public struct Finding: Codable, Sendable, Equatable {
    public var rule: RuleID
    public var severity: Severity
    /// Relative to the bundle root, `/`-separated, NFC; empty for bundle-level findings.
    public var path: String
    public var candidate: String?
    public var message: String
    public var hint: String
    public var data: [String: DataValue]?

    public init(
        rule: RuleID, severity: Severity, path: String, candidate: String? = nil, message: String, hint: String,
        data: [String: DataValue]? = nil
    ) {
        self.rule = rule
        self.severity = severity
        self.path = path
        self.candidate = candidate
        self.message = message
        self.hint = hint
        self.data = data
    }

    /// The deterministic order of findings in every report: by path, then rule.
    public static func reportOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if lhs.path != rhs.path { return lhs.path.utf8.lexicographicallyPrecedes(rhs.path.utf8) }
        if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
        return lhs.message < rhs.message
    }
}
