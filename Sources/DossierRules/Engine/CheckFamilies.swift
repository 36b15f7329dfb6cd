import DossierCore

/// The check families, in the order they run. Add a family here and nowhere else.
public enum CheckFamilies {
    public static let all: [any CheckFamily] = [
        FileSystemChecks(), LayoutChecks(), NamingChecks(), PhotoChecks(), PictureChecks(), VideoChecks(),
        VideoFrameChecks(),
        FormChecks(),
        ExclusionChecks(),
        JudgementChecks(),
    ]

    /// Every rule some family can emit.
    public static var implementedRuleIDs: Set<RuleID> {
        Set(all.flatMap { type(of: $0).ruleIDs })
    }
}
