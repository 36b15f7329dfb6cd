import DossierCore

/// `EXCL-*`: the notice's exclusions, as conditions of the rule set over each candidate's fields.
public struct ExclusionChecks: CheckFamily {
    public static let ruleIDs: [RuleID] = [.exclMilitary, .exclOfficialRank, .exclNationalHonor]

    public init() {}

    public func run(_ bundle: ScannedBundle, ruleSet: RuleSet, sink: FindingSink) {
        guard let asOf = sink.options?.asOf else { return }
        let judgement = ruleSet.judgement
        for candidate in bundle.candidateRecords(ruleSet) {
            for exclusion in judgement.exclusions {
                guard exclusion.when.holds(candidate.fields, scales: judgement.scales, asOf: asOf) == true else {
                    continue
                }
                var display = candidate.fields
                display["matched"] = exclusion.when.matchedKeyword(candidate.fields) ?? ""
                sink.emit(
                    exclusion.rule, path: candidate.formPath ?? candidate.folder ?? "", candidate: candidate.name,
                    data: candidate.fields.filter { ["identity", "adminRank", "honors"].contains($0.key) }.mapValues {
                        .string($0)
                    },
                    display: display)
            }
        }
    }
}
