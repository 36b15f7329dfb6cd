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
