import DossierCore

/// The notice's judgement on the bundle as a whole: the unit's type and quota, and the deadline.
public struct JudgementChecks: CheckFamily {
    public static let ruleIDs: [RuleID] = [.quotaExceeded, .quotaUnitUnknown, .deadlinePassed]

    public init() {}

    public func run(_ bundle: ScannedBundle, ruleSet: RuleSet, sink: FindingSink) {
        guard let options = sink.options else { return }
        let resolver = UnitResolver(rules: ruleSet.units)
        let name = bundle.unitName(ruleSet)
        let unit = resolver.resolve(name: name, options: options)
        if unit.type == nil {
            let suggestions = resolver.suggestions(for: name)
            sink.emit(
                .quotaUnitUnknown, path: "", data: ["unit": .string(name), "suggestions": .list(suggestions)],
                display: ["suggestions": suggestions.isEmpty ? "—" : suggestions.joined(separator: sink.language == .zh ? "、" : ", ")])
        }
        let count = bundle.candidateCount(ruleSet)
        if let quota = unit.quota, count > quota {
            var data: [String: DataValue] = ["count": .int(count), "quota": .int(quota)]
            if let approval = unit.approval { data["approval"] = .string(approval) }
            sink.emit(.quotaExceeded, path: "", data: data)
        }
        if options.asOf > ruleSet.units.deadline {
            sink.emit(
                .deadlinePassed, path: "",
                data: ["deadline": .string(ruleSet.units.deadline), "asOf": .string(options.asOf)])
        }
    }
}
