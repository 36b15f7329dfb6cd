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

/// The language of human-facing text.
public enum Language: String, Codable, Sendable, CaseIterable {
    case zh
    case en

    /// `en` when the environment's `LANG`/`LC_ALL` asks for English, else `zh` (SPEC §4).
    public static func fromEnvironment(_ environment: [String: String]) -> Language {
        let value = environment["LC_ALL"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["LANG"] ?? ""
        return value.lowercased().hasPrefix("en") ? .en : .zh
    }
}
