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
