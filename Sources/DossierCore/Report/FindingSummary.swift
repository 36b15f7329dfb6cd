/// Counts of findings by severity and the verdict they give.
public struct FindingSummary: Codable, Sendable, Equatable {
    public var errors: Int
    public var warnings: Int
    public var notices: Int
    public var verdict: Verdict

    /// Counts `findings`; warnings fail too when `strict`.
    public init(findings: [Finding], strict: Bool) {
        // Counted in one pass, without copies: a bundle can have 100,000 findings.
        var counts: [Severity: Int] = [:]
        for finding in findings { counts[finding.severity, default: 0] += 1 }
        errors = counts[.error, default: 0]
        warnings = counts[.warning, default: 0]
        notices = counts[.notice, default: 0]
        verdict = errors > 0 || (strict && warnings > 0) ? .fail : .pass
    }
}
