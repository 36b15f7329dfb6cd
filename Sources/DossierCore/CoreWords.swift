/// Words every module puts into its texts: the list separator, and the system's reason for a failure it has no
/// words of its own for.
public enum CoreWords {
    /// Between the items of a list in running text (“a.jpg、b.jpg”, “a.jpg, b.jpg”).
    public static let listSeparator = LocalizedText(zh: "、", en: ", ")

    /// An error number the tool has no words for: its number and the system's English in Chinese text, the
    /// system's English alone in English text.
    public static func systemError(_ code: Int32, _ systemText: String) -> LocalizedText {
        LocalizedText(zh: "系统错误 \(code)：\(systemText)", en: systemText.lowercased())
    }
}

extension Language {
    /// `items` as a list in running text in this language.
    public func list(_ items: [String]) -> String { items.joined(separator: CoreWords.listSeparator.text(self)) }
}
