import DossierCore
import Foundation

/// `EXCL-*`: the notice's exclusions, as conditions of the rule set over each candidate's fields, and the rule set's
/// list of earlier honorees.
public struct ExclusionChecks: CheckFamily {
    public static let ruleIDs: [RuleID] = [.exclMilitary, .exclOfficialRank, .exclNationalHonor, .exclPriorHonoree]

    public init() {}

    public func run(_ bundle: ScannedBundle, ruleSet: RuleSet, sink: FindingSink) {
        guard let asOf = sink.options?.asOf else { return }
        let judgement = ruleSet.judgement
        for candidate in bundle.candidateRecords(ruleSet) {
            let path = candidate.formPath ?? candidate.folder ?? ""
            for exclusion in judgement.exclusions {
                guard judgement.holds(exclusion.when, candidate.fields, asOf: asOf) == true else { continue }
                var display = candidate.fields
                display["matched"] = exclusion.when.matchedKeyword(candidate.fields) ?? ""
                sink.emit(
                    exclusion.rule, path: path, candidate: candidate.name,
                    data: candidate.fields.filter { judgement.evidenceFields.contains($0.key) }.mapValues {
                        .string($0)
                    },
                    display: display)
            }
            guard let honorees = judgement.priorHonorees else { continue }
            for match in PriorHonoreeMatch.matches(candidate, in: honorees, birthField: judgement.birthField) {
                var data: [String: DataValue] = ["year": .int(match.year)]
                if let born = match.born { data["born"] = .string(born) }
                if let birth = match.candidateBirth { data["birth"] = .string(birth) }
                sink.emit(
                    honorees.rule, path: path, candidate: candidate.name,
                    variant: match.variant, data: data, display: ["source": match.source])
            }
        }
    }
}
