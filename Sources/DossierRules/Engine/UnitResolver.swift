import DossierCore
import Foundation

/// Which unit a bundle comes from, its type and its quota (SPEC §3): `--unit-type`, else the rule set's registry
/// by name or alias, else unknown, with the closest registry names as suggestions.
public struct UnitResolver: Sendable {
    public var rules: UnitRules

    public init(rules: UnitRules) { self.rules = rules }

    /// A name as compared: NFC, no spaces.
    public static func key(_ name: String) -> String {
        name.precomposedStringWithCanonicalMapping.filter { !$0.isWhitespace && $0 != "\u{3000}" }
    }

    /// The registry's unit called `name` (or one of its aliases).
    public func unit(named name: String) -> UnitRules.Unit? {
        let wanted = Self.key(name)
        return rules.registry.first { unit in ([unit.name] + unit.aliases).contains { Self.key($0) == wanted } }
    }

    /// The unit's report entry: its type and quota from `options` first, then the registry.
    public func resolve(name: String, options: CheckOptions) -> UnitInfo {
        let type = options.unitType ?? unit(named: name)?.type
        let quota = options.quota ?? rules.types.first { $0.key == type }?.quota
        return UnitInfo(name: name, type: type, quota: quota, approval: options.approval)
    }

    /// The registry names closest to `name` (edit distance over characters), at most `count`.
    public func suggestions(for name: String, count: Int = 3) -> [String] {
        let wanted = Array(Self.key(name))
        let scored = rules.registry.map { unit -> (String, Int) in
            let distance =
                ([unit.name] + unit.aliases).map { Self.distance(wanted, Array(Self.key($0))) }.min() ?? Int.max
            return (unit.name, distance)
        }
        return scored.filter { $0.1 <= max(2, wanted.count / 2) }.sorted { $0.1 == $1.1 ? $0.0 < $1.0 : $0.1 < $1.1 }
            .prefix(count).map(\.0)
    }

    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
