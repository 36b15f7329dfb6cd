/// How serious a finding is. The rule set assigns one to each rule; `--strict` makes warnings fail too.
public enum Severity: String, Codable, Sendable, CaseIterable, Comparable {
    case error
    case warning
    case notice

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .notice: 2
        }
    }

    /// Errors sort first.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
