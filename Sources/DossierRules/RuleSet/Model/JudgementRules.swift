import DossierCore
import Foundation

/// `judgement.yaml`.
public struct JudgementRules: Codable, Sendable, Equatable {
    public struct Exclusion: Codable, Sendable, Equatable {
        public var rule: RuleID
        public var when: Condition
    }
    /// A requirement over the unit's candidates: how many distinct values a field has, or what share meets a condition.
    public struct Requirement: Codable, Sendable, Equatable {
        public var distinct: String?
        public var share: Condition?
        public var atLeast: Double?
        public var atMost: Double?
    }
    public struct Balance: Codable, Sendable, Equatable {
        public var rule: RuleID
        public var minimumCandidates: Int
        public var require: Requirement
    }

    /// Earlier honorees, year by year as their lists were published. A candidate of the same name is one of them
    /// when the birth year (and month, when given) agrees; a person listed without `born` cannot be told from a
    /// namesake, so the match is only a question for a person to answer.
    public struct PriorHonorees: Codable, Sendable, Equatable {
        public struct Person: Codable, Sendable, Equatable {
            public var name: String
            /// `YYYY` or `YYYY-MM`, as precise as the source is.
            public var born: String?
            public init(name: String, born: String? = nil) {
                self.name = name
                self.born = born
            }
        }
        public struct List: Codable, Sendable, Equatable {
            public var year: Int
            /// Where the list was published (for the person who keeps it up to date).
            public var source: String
            public var people: [Person]
            public init(year: Int, source: String, people: [Person]) {
                self.year = year
                self.source = source
                self.people = people
            }
        }
        public var rule: RuleID
        public var lists: [List]
        public init(rule: RuleID, lists: [List]) {
            self.rule = rule
            self.lists = lists
        }
    }

    /// The field holding a candidate's birth month: `{age: …}` conditions and the earlier honorees' `born` read it.
    public var birthField: String
    /// The candidate's fields every exclusion finding carries in its data, whichever field its condition tested.
    public var evidenceFields: [String]
    public var scales: [String: [[String]]]
    public var exclusions: [Exclusion]
    public var balance: [Balance]
    public var priorHonorees: PriorHonorees?

    /// Whether a candidate's `fields` meet `condition`, with these scales and birth field; nil when unknown.
    public func holds(_ condition: Condition, _ fields: [String: String], asOf: String) -> Bool? {
        condition.holds(fields, scales: scales, birthField: birthField, asOf: asOf)
    }
}
