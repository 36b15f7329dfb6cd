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

/// A failure the user reads (exit 2): worded in both languages, like everything else a person reads.
public protocol BilingualMessage: CustomStringConvertible {
    func text(_ language: Language) -> String
}

extension BilingualMessage {
    /// English, for logs and tests.
    public var description: String { text(.en) }
}

/// A text in every language the tool speaks: rule-set wording (both are required: a missing translation is a
/// load error), and one-line failures given in both languages where they arise.
public struct LocalizedText: Codable, Sendable, Equatable, Error, BilingualMessage {
    public var zh: String
    public var en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Refuses any key besides `zh` and `en`. An unquoted comma in a YAML flow map (`{zh: 2MB（2,097,152 字节）}`)
    /// silently cuts the text there and turns the rest into keys without values; this makes it an error instead.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        if let unknown = container.allKeys.first(where: { $0.stringValue != "zh" && $0.stringValue != "en" }) {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: decoder.codingPath + [unknown],
                    debugDescription: "unknown key in a {zh, en} text (quote a text that contains a comma)"))
        }
        zh = try container.decode(String.self, forKey: AnyKey(stringValue: "zh"))
        en = try container.decode(String.self, forKey: AnyKey(stringValue: "en"))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyKey.self)
        try container.encode(zh, forKey: AnyKey(stringValue: "zh"))
        try container.encode(en, forKey: AnyKey(stringValue: "en"))
    }

    /// The text in `language`.
    public func text(_ language: Language) -> String { language == .zh ? zh : en }
}
