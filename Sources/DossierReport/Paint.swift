import DossierCore
import Foundation

/// ANSI colours, or nothing.
struct Paint {
    var enabled: Bool

    private func wrap(_ code: String, _ text: String) -> String { enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }

    func bold(_ text: String) -> String { wrap("1", text) }

    func severity(_ severity: Severity, _ text: String) -> String {
        switch severity {
        case .error: wrap("31;1", text)
        case .warning: wrap("33;1", text)
        case .notice: wrap("2", text)
        }
    }

    func verdict(_ verdict: Verdict, _ text: String) -> String { wrap(verdict == .pass ? "32;1" : "31;1", text) }
}
