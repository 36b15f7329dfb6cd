import DossierCore
import Foundation
import Testing

/// The rule IDs the code emits are declared once, as `RuleID` constants; `RuleID.all` lists each of them, and the
/// rule-set loader requires every one (RuleSetTests checks the catalogues).
@Suite struct RuleIDTests {
    /// The constants as written in RuleID.swift: `public static let name: RuleID = "ID"`.
    static func declaredConstants() throws -> [String] {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/DossierCore/RuleID.swift")
        let text = try String(contentsOf: source, encoding: .utf8)
        let pattern = try NSRegularExpression(pattern: #"static let \w+: RuleID = "([A-Z0-9-]+)""#)
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    @Test func everyDeclaredConstantIsListedOnce() throws {
        let declared = try Self.declaredConstants()
        #expect(declared.count > 50, "the constants of RuleID.swift were not found")
        let listed = RuleID.all.map(\.rawValue)
        #expect(Set(listed).count == listed.count, "RuleID.all names an ID twice")
        #expect(Set(declared).count == declared.count, "RuleID.swift declares an ID twice")
        #expect(Set(declared).subtracting(listed).sorted() == [], "declared in RuleID.swift but not in RuleID.all")
        #expect(Set(listed).subtracting(declared).sorted() == [], "in RuleID.all but not declared")
    }
}
