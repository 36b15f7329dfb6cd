import DossierCore
import Foundation

/// Messages with `{name}` placeholders filled from a finding's data.
///
/// Written by hand: the templates are one-line plain text, and a template engine would HTML-escape them.
public enum MessageTemplate {
    /// The placeholder names a text uses.
    public static func placeholders(_ text: String) -> Set<String> {
        var names: Set<String> = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    /// `text` with every `{name}` replaced by `values[name]`; unknown names are left as they are.
    public static func fill(_ text: String, _ values: [String: String]) -> String {
        // A text without placeholders is returned as it is: its storage is then shared by every finding that uses
        // it (100,000 unknown files share one hint).
        guard text.contains("{") else { return text }
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            result += values[name] ?? "{\(name)}"
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
