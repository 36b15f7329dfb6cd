import DossierCore
import DossierInspect

/// The rules checked on each file, by the file's kind (`catalogue.yaml`'s `fileRules`): JUnit reports one test case
/// per file and rule, passing when the rule found nothing there.
public struct FileRules: Codable, Sendable, Equatable {
    public struct Group: Codable, Sendable, Equatable {
        public var kinds: [FileKind]
        /// Rule families: an ID up to its first hyphen (`FS` for FS-SYMLINK).
        public var families: [String]

        public init(kinds: [FileKind], families: [String]) {
            self.kinds = kinds
            self.families = families
        }
    }
    public var groups: [Group]
    /// Rules of those families that judge a candidate or the bundle as a whole, not each file.
    public var bundleLevel: [RuleID]

    /// The IDs of `rules` checked on every file of `kind`, in the catalogue's order.
    public func ids(for kind: FileKind, in rules: [RuleDescription]) -> [RuleID] {
        let families = Set(groups.filter { $0.kinds.contains(kind) }.flatMap(\.families))
        let bundleLevel = Set(bundleLevel)
        return rules.map(\.id).filter { families.contains($0.family) && !bundleLevel.contains($0) }
    }
}
