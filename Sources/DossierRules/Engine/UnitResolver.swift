import DossierCore
import Foundation

/// Which unit a bundle comes from, its type and its quota (SPEC §3): `--unit-type`, else the rule set's registry
/// by name or alias, else the type the rule set reads from the name's ending, else unknown, with the registry
/// names really close to it as suggestions.
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

    /// What the rule set knows of a unit's name.
    public enum Identification: Equatable, Sendable {
        /// The registry's unit (by name or alias).
        case registered(UnitRules.Unit)
        /// Not in the registry, no registry name is close, and the name ends in `suffix`, which the rule set says
        /// is a unit of `type`.
        case inferred(type: String, suffix: String)
        /// Unknown; `suggestions` are the registry names really close to it (perhaps a misspelling of one).
        case unknown(suggestions: [String])

        /// The type, when the rule set knows or infers it.
        public var type: String? {
            switch self {
            case .registered(let unit): unit.type
            case .inferred(let type, _): type
            case .unknown: nil
            }
        }
    }

    /// What the registry, then the name's ending, say of the unit called `name`. A name close to a registry name
    /// is not inferred from: it is more likely a misspelling of that unit (湖北省科学协会 is 湖北省科协, not a
    /// society), and a wrong type would judge it against a wrong quota.
    public func identify(_ name: String) -> Identification {
        if let unit = unit(named: name) { return .registered(unit) }
        let suggestions = suggestions(for: name)
        if suggestions.isEmpty, let rule = inferenceSuffix(of: name) {
            return .inferred(type: rule.type, suffix: rule.suffix)
        }
        return .unknown(suggestions: suggestions)
    }

    /// The unit's report entry: its type and quota from `options` first, then the registry, then the name.
    public func resolve(name: String, options: CheckOptions) -> UnitInfo {
        let type = options.unitType ?? identify(name).type
        let quota = options.quota ?? rules.types.first { $0.key == type }?.quota
        return UnitInfo(name: name, type: type, quota: quota, approval: options.approval)
    }

    /// The registry names really close to `name`, closest first, at most `count`: after leaving out the common
    /// beginnings and the type's ending (中国…学会), one name's remaining characters appear in order in the other's
    /// and make up at least half of it (化学 in 化学学会), or they differ by one character in four or more. Two
    /// societies sharing only their ending (中国心理学会, 中国地理学会) are not close.
    public func suggestions(for name: String, count: Int = 3) -> [String] {
        let wanted = Array(Self.key(name))
        let core = distinctive(name)
        let scored = rules.registry.compactMap { unit -> (String, Int)? in
            let names = [unit.name] + unit.aliases
            guard names.contains(where: { Self.isClose(core, distinctive($0)) }) else { return nil }
            return (unit.name, names.map { Self.distance(wanted, Array(Self.key($0))) }.min() ?? Int.max)
        }
        return scored.sorted { $0.1 == $1.1 ? $0.0 < $1.0 : $0.1 < $1.1 }.prefix(count).map(\.0)
    }

    /// The rule set's longest name ending that `name` has.
    private func inferenceSuffix(of name: String) -> UnitRules.Inference.Suffix? {
        let key = Self.key(name)
        return (rules.inference?.suffixes ?? []).filter { key.hasSuffix(Self.key($0.suffix)) }
            .max { $0.suffix.count < $1.suffix.count }
    }

    /// `name` without a common beginning and without the ending that tells its type.
    private func distinctive(_ name: String) -> [Character] {
        var key = Substring(Self.key(name))
        if let prefix = (rules.inference?.prefixes ?? []).map(Self.key).first(where: { key.hasPrefix($0) }) {
            key = key.dropFirst(prefix.count)
        }
        if let suffix = inferenceSuffix(of: String(key)), key.count > suffix.suffix.count {
            key = key.dropLast(Self.key(suffix.suffix).count)
        }
        return Array(key)
    }

    static func isClose(_ a: [Character], _ b: [Character]) -> Bool {
        guard !a.isEmpty, !b.isEmpty else { return false }
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        if short.count * 2 >= long.count, isSubsequence(short, of: long) { return true }
        return short.count >= 4 && distance(a, b) <= 1
    }

    static func isSubsequence(_ short: [Character], of long: [Character]) -> Bool {
        var rest = long[...]
        for character in short {
            guard let found = rest.firstIndex(of: character) else { return false }
            rest = rest[(found + 1)...]
        }
        return true
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
