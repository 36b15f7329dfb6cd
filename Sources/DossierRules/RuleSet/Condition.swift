import DossierCore
import Foundation

/// A condition on one candidate, written as data (`judgement.yaml`). Exactly one operator per map; no expressions.
public indirect enum Condition: Codable, Sendable, Equatable {
    case all([Condition])
    case any([Condition])
    case not(Condition)
    case field(FieldTest)
    case age(AgeTest)

    /// `{field: KEY, equals | oneOf | containsAny | atLeast (with scale) | atMost (with scale)}`.
    public struct FieldTest: Codable, Sendable, Equatable {
        public var field: String
        public var equals: String?
        public var oneOf: [String]?
        public var containsAny: [String]?
        public var atLeast: String?
        public var atMost: String?
        public var scale: String?
    }

    /// `{age: {under: 45}}` or `{age: {atLeast: 60}}`, in whole years at `--as-of`.
    public struct AgeTest: Codable, Sendable, Equatable {
        public var under: Int?
        public var atLeast: Int?
    }

    private enum Keys: String, CodingKey { case all, any, not, age, field }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        if container.contains(.all) {
            self = .all(try container.decode([Condition].self, forKey: .all))
        } else if container.contains(.any) {
            self = .any(try container.decode([Condition].self, forKey: .any))
        } else if container.contains(.not) {
            self = .not(try container.decode(Condition.self, forKey: .not))
        } else if container.contains(.age) {
            self = .age(try container.decode(AgeTest.self, forKey: .age))
        } else if container.contains(.field) {
            self = .field(try FieldTest(from: decoder))
        } else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "a condition needs one of: all, any, not, field, age"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        switch self {
        case .all(let conditions): try container.encode(conditions, forKey: .all)
        case .any(let conditions): try container.encode(conditions, forKey: .any)
        case .not(let condition): try container.encode(condition, forKey: .not)
        case .age(let test): try container.encode(test, forKey: .age)
        case .field(let test): try test.encode(to: encoder)
        }
    }

    /// Whether the candidate's `fields` meet the condition; nil when a field it needs is unknown. Ages are read from
    /// the field `birthField`.
    public func holds(_ fields: [String: String], scales: [String: [[String]]], birthField: String, asOf: String)
        -> Bool?
    {
        switch self {
        case .all(let conditions):
            let results = conditions.map { $0.holds(fields, scales: scales, birthField: birthField, asOf: asOf) }
            if results.contains(false) { return false }
            return results.contains(nil) ? nil : true
        case .any(let conditions):
            let results = conditions.map { $0.holds(fields, scales: scales, birthField: birthField, asOf: asOf) }
            if results.contains(true) { return true }
            return results.contains(nil) ? nil : false
        case .not(let condition):
            return condition.holds(fields, scales: scales, birthField: birthField, asOf: asOf).map { !$0 }
        case .age(let test):
            guard let age = Self.age(birth: fields[birthField], asOf: asOf) else { return nil }
            if let under = test.under { return age < under }
            if let atLeast = test.atLeast { return age >= atLeast }
            return nil
        case .field(let test):
            // An absent or empty text contains none of the keywords; a rank or an age that is not given is unknown.
            let value = fields[test.field] ?? ""
            if value.isEmpty { return test.scale == nil ? false : nil }
            if let equals = test.equals { return value == equals }
            if let options = test.oneOf { return options.contains(value) }
            if let keywords = test.containsAny { return keywords.contains { value.contains($0) } }
            guard let name = test.scale, let scale = scales[name], let level = Self.level(of: value, in: scale) else {
                return nil
            }
            if let bound = test.atLeast, let limit = Self.level(of: bound, in: scale) { return level >= limit }
            if let bound = test.atMost, let limit = Self.level(of: bound, in: scale) { return level <= limit }
            return nil
        }
    }

    /// The first keyword of a `containsAny` test found in the fields (for messages).
    public func matchedKeyword(_ fields: [String: String]) -> String? {
        switch self {
        case .all(let conditions), .any(let conditions):
            return conditions.lazy.compactMap { $0.matchedKeyword(fields) }.first
        case .not, .age: return nil
        case .field(let test):
            guard let value = fields[test.field] else { return nil }
            return test.containsAny?.first { value.contains($0) }
        }
    }

    /// The position of `value` on an ordered scale (levels listed lowest first, each with its spellings).
    static func level(of value: String, in scale: [[String]]) -> Int? {
        let key = value.filter { !$0.isWhitespace }
        return scale.firstIndex { $0.contains(key) }
            ?? scale.firstIndex { level in level.contains { key.contains($0) } }
    }

    /// Whole years from a `YYYY-MM` birth to a `YYYY-MM-DD` date.
    static func age(birth: String?, asOf: String) -> Int? {
        guard let birth = birth.flatMap(FieldExtractor.yearMonth) else { return nil }
        let b = birth.split(separator: "-").compactMap { Int($0) },
            d = asOf.split(separator: "-").compactMap { Int($0) }
        guard b.count == 2, d.count >= 2 else { return nil }
        return d[0] - b[0] - (d[1] < b[1] ? 1 : 0)
    }

    /// Every field key and scale name the condition uses, with its key path, for validation.
    func references(path: String) -> [(path: String, field: String?, scale: String?, bounds: [String])] {
        switch self {
        case .all(let conditions): conditions.enumerated().flatMap { $1.references(path: "\(path).all[\($0)]") }
        case .any(let conditions): conditions.enumerated().flatMap { $1.references(path: "\(path).any[\($0)]") }
        case .not(let condition): condition.references(path: "\(path).not")
        case .age: []
        case .field(let test): [(path, test.field, test.scale, [test.atLeast, test.atMost].compactMap { $0 })]
        }
    }

    /// How many operators a field test names (exactly one is valid).
    var operatorCount: Int? {
        guard case .field(let test) = self else { return nil }
        return [
            test.equals != nil, test.oneOf != nil, test.containsAny != nil, test.atLeast != nil, test.atMost != nil,
        ]
        .filter { $0 }.count
    }
}
