import DossierCore
import DossierInspect

/// `units.yaml`: unit types, their quotas, the registry of units, the deadline.
public struct UnitRules: Codable, Sendable, Equatable {
    public struct UnitType: Codable, Sendable, Equatable {
        public var key: String
        public var quota: Int
        public var title: LocalizedText
    }
    public struct Unit: Codable, Sendable, Equatable {
        public var type: String
        public var name: String
        public var aliases: [String]
    }
    /// How the type of a unit the registry does not know is told from its name.
    public struct Inference: Codable, Sendable, Equatable {
        public struct Suffix: Codable, Sendable, Equatable {
            public var suffix: String
            public var type: String
        }
        /// Words many names begin with (中国, 全国): left out when judging whether two names are close.
        public var prefixes: [String]
        /// A name ending in `suffix` is of `type`; the longest matching suffix wins.
        public var suffixes: [Suffix]
    }

    /// `YYYY-MM-DD`: materials are due by this day (DEADLINE-PASSED after it).
    public var deadline: String
    public var types: [UnitType]
    public var registry: [Unit]
    /// Absent: a unit the registry does not know has no type (and no quota) unless `--unit-type` gives one.
    public var inference: Inference?
    /// What the campaign office keeps and shows of the bundles it receives; absent: every field, no breakdowns.
    public var office: OfficeRules?
}
