import DossierCore

/// Collects findings, wording each from the rule set in the report's language.
public final class FindingSink {
    public let ruleSet: RuleSet
    public let language: Language
    /// The run's options, for checks that judge against them (the date, the unit's type and quota).
    public let options: CheckOptions?
    public private(set) var findings: [Finding] = []

    public init(ruleSet: RuleSet, language: Language, options: CheckOptions? = nil) {
        self.ruleSet = ruleSet
        self.language = language
        self.options = options
    }

    /// Makes room for `count` findings at once: a bundle of 100,000 unknown files has as many findings, and an
    /// array grown by doubling holds its old and new storage together at the worst moment.
    public func reserve(_ count: Int) { findings.reserveCapacity(count) }

    /// The findings recorded so far, handed over: the sink is left empty (a bundle's findings are not copied).
    public func takeFindings() -> [Finding] {
        defer { findings = [] }
        return findings
    }

    /// Records a finding of `rule` at `path`. `data` holds measured values (they reach the JSON report);
    /// `display` holds extra words for the message only. Placeholders are filled from both, and from
    /// `candidate`.
    public func emit(
        _ rule: RuleID, path: String, candidate: String? = nil, variant: String? = nil,
        data: [String: DataValue] = [:], display: [String: String] = [:]
    ) {
        guard let description = ruleSet.rule(rule) else {
            // A rule set without this rule must not turn a problem into a pass: say so, as an error.
            let text = RulesWords.ruleMissing(rule)
            findings.append(
                Finding(
                    rule: rule, severity: .error, path: path, candidate: candidate, message: text.text(language),
                    hint: "", data: data.isEmpty ? nil : data))
            return
        }
        let wording = description.wording(variant)
        var values = data.mapValues(\.description)
        values.merge(display) { _, new in new }
        if let candidate { values["candidate"] = candidate }
        findings.append(
            Finding(
                rule: rule, severity: wording.severity ?? description.severity, path: path, candidate: candidate,
                message: MessageTemplate.fill(wording.message.text(language), values),
                hint: MessageTemplate.fill(wording.hint.text(language), values),
                data: data.isEmpty ? nil : data))
    }

    /// Records a finding whose `{problem}` is a reader's reason: in the report's language in the message, and in
    /// the reader's own (English) words in the data, for tools.
    public func emit(
        _ rule: RuleID, path: String, candidate: String? = nil, variant: String? = nil,
        problem: any BilingualMessage, data: [String: DataValue] = [:]
    ) {
        var data = data
        data["problem"] = .string(problem.description)
        emit(
            rule, path: path, candidate: candidate, variant: variant, data: data,
            display: ["problem": problem.text(language)])
    }
}
