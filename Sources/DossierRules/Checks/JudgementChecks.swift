import DossierCore

/// The notice's judgement on the bundle as a whole: the unit's type and quota, and the deadline.
public struct JudgementChecks: CheckFamily {
    public static let ruleIDs: [RuleID] = [
        .quotaExceeded, .quotaUnitUnknown, .deadlinePassed, .balanceCategory, .balanceAge,
    ]

    public init() {}

    public func run(_ bundle: ScannedBundle, ruleSet: RuleSet, sink: FindingSink) {
        guard let options = sink.options else { return }
        let resolver = UnitResolver(rules: ruleSet.units)
        let name = bundle.unitName(ruleSet)
        let unit = resolver.resolve(name: name, options: options)
        if options.unitType == nil {
            switch resolver.identify(name) {
            case .registered: break
            case .inferred(let type, let suffix):
                let title = ruleSet.units.types.first { $0.key == type }?.title.text(sink.language) ?? type
                sink.emit(
                    .quotaUnitUnknown, path: "", variant: "inferred",
                    data: ["unit": .string(name), "inferredType": .string(type), "suffix": .string(suffix)],
                    display: ["typeTitle": title, "quota": unit.quota.map(String.init) ?? "—"])
            case .unknown(let suggestions):
                sink.emit(
                    .quotaUnitUnknown, path: "", data: ["unit": .string(name), "suggestions": .list(suggestions)],
                    display: ["suggestions": suggestions.isEmpty ? "—" : sink.language.list(suggestions)])
            }
        }
        let count = bundle.candidateCount(ruleSet)
        if let quota = unit.quota, count > quota {
            var data: [String: DataValue] = ["count": .int(count), "quota": .int(quota)]
            if let approval = unit.approval { data["approval"] = .string(approval) }
            sink.emit(.quotaExceeded, path: "", data: data)
        }
        checkBalance(bundle, ruleSet: ruleSet, asOf: options.asOf, sink: sink)
        if options.asOf > ruleSet.units.deadline {
            sink.emit(
                .deadlinePassed, path: "",
                data: ["deadline": .string(ruleSet.units.deadline), "asOf": .string(options.asOf)])
        }
    }

    /// Balance requirements over the candidates whose fields say enough, from `minimumCandidates` on.
    private func checkBalance(_ bundle: ScannedBundle, ruleSet: RuleSet, asOf: String, sink: FindingSink) {
        let candidates = bundle.candidateRecords(ruleSet)
        let judgement = ruleSet.judgement
        for balance in judgement.balance {
            let require = balance.require
            if let field = require.distinct {
                let values = candidates.compactMap { $0.fields[field] }.filter { !$0.isEmpty }
                guard values.count >= balance.minimumCandidates else { continue }
                let distinct = Set(values).count
                if let least = require.atLeast, Double(distinct) < least {
                    sink.emit(
                        balance.rule, path: "",
                        data: ["field": .string(field), "distinct": .int(distinct), "count": .int(values.count)],
                        display: ["value": values.first ?? ""])
                }
                continue
            }
            guard let condition = require.share else { continue }
            let results = candidates.compactMap { judgement.holds(condition, $0.fields, asOf: asOf) }
            guard results.count >= balance.minimumCandidates else { continue }
            let share = Double(results.filter { $0 }.count) / Double(results.count)
            let below = require.atLeast.map { share < $0 } ?? false
            let above = require.atMost.map { share > $0 } ?? false
            guard below || above else { continue }
            let bound = require.atLeast ?? require.atMost ?? 0
            sink.emit(
                balance.rule, path: "",
                data: ["share": .double(share), "bound": .double(bound), "count": .int(results.count)],
                display: ["percent": (share * 100).formatted2, "minimum": (bound * 100).formatted2])
        }
    }
}
