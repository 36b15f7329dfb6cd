import DossierCore
import Foundation

/// Checks a rule set beyond its shape: values in range, IDs unique, SPEC IDs present, placeholders alike in
/// both languages. `dossier rules lint` runs the same checks.
public enum RuleSetValidation {
    /// The rule IDs the checks emit (those of SPEC §5, and FS-LIMIT): a rule set may add more, never drop or rename
    /// these. Declared once, in `RuleID.all`.
    public static var specRuleIDs: [RuleID] { RuleID.all }

    static func validate(catalogue: RuleCatalogueFile, file: String) throws(RuleSetError) {
        var seen: [RuleID: Int] = [:]
        for (position, rule) in catalogue.rules.enumerated() {
            let here = "rules[\(position)]"
            if let first = seen[rule.id] {
                throw RuleSetError(
                    file: file, keyPath: "\(here).id",
                    problem: "duplicate rule ID \(rule.id) (first at rules[\(first)])")
            }
            seen[rule.id] = position
            guard rule.id.rawValue.range(of: "^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$", options: .regularExpression) != nil else {
                throw RuleSetError(
                    file: file, keyPath: "\(here).id", problem: "“\(rule.id)” is not an ID like PHOTO-SIZE")
            }
            var wordings: [(String, LocalizedText)] = [
                ("title", rule.title), ("description", rule.description), ("message", rule.message),
                ("hint", rule.hint),
            ]
            for (name, variant) in (rule.variants ?? [:]).sorted(by: { $0.key < $1.key }) {
                wordings.append(("variants.\(name).message", variant.message))
                wordings.append(("variants.\(name).hint", variant.hint))
            }
            for (key, text) in wordings {
                if text.zh.trimmingCharacters(in: .whitespaces).isEmpty {
                    throw RuleSetError(file: file, keyPath: "\(here).\(key).zh", problem: "empty text")
                }
                if text.en.trimmingCharacters(in: .whitespaces).isEmpty {
                    throw RuleSetError(file: file, keyPath: "\(here).\(key).en", problem: "empty text")
                }
                let zh = MessageTemplate.placeholders(text.zh), en = MessageTemplate.placeholders(text.en)
                if zh != en {
                    throw RuleSetError(
                        file: file, keyPath: "\(here).\(key)",
                        problem: "zh and en use different placeholders: \(zh.sorted()) vs \(en.sorted())")
                }
            }
        }
        let families = Set(catalogue.rules.map(\.id.family))
        for (index, group) in catalogue.fileRules.groups.enumerated() {
            for (position, family) in group.families.enumerated() where !families.contains(family) {
                throw RuleSetError(
                    file: file, keyPath: "fileRules.groups[\(index)].families[\(position)]",
                    problem: "no rule of the family \(family)")
            }
        }
        for (index, id) in catalogue.fileRules.bundleLevel.enumerated() where seen[id] == nil {
            throw RuleSetError(file: file, keyPath: "fileRules.bundleLevel[\(index)]", problem: "unknown rule \(id)")
        }
        for id in specRuleIDs where seen[id] == nil {
            throw RuleSetError(file: file, keyPath: "rules", problem: "rule \(id), which the checks emit, is missing")
        }
    }

    static func validate(layout: LayoutFile, catalogue: RuleCatalogueFile, file: String) throws(RuleSetError) {
        let known = Set(catalogue.rules.map(\.id))
        let requirements =
            layout.documents.enumerated().map { ("documents[\($0)]", $1) }
            + [("candidate.form", layout.candidate.form), ("candidate.scan", layout.candidate.scan)]
        for (position, document) in layout.documents.enumerated() where document.kind == nil {
            throw RuleSetError(file: file, keyPath: "documents[\(position)].kind", problem: "missing required key")
        }
        for (key, requirement) in requirements {
            if requirement.nameContains.isEmpty || requirement.nameContains.contains(where: \.isEmpty) {
                throw RuleSetError(
                    file: file, keyPath: "\(key).nameContains", problem: "needs at least one non-empty text")
            }
            if requirement.extensions.isEmpty {
                throw RuleSetError(file: file, keyPath: "\(key).extensions", problem: "needs at least one extension")
            }
            if let rule = requirement.missingRule, !known.contains(rule) {
                throw RuleSetError(file: file, keyPath: "\(key).missingRule", problem: "unknown rule \(rule)")
            }
        }
    }

    static func validate(naming: NamingRules, file: String) throws(RuleSetError) {
        if naming.idPhotoNumber >= naming.firstLifePhotoNumber {
            throw RuleSetError(
                file: file, keyPath: "naming.firstLifePhotoNumber", problem: "must be greater than idPhotoNumber")
        }
        if naming.maximumNameBytes < 16 {
            throw RuleSetError(file: file, keyPath: "naming.maximumNameBytes", problem: "must be at least 16")
        }
    }

    static func validate(judgement: JudgementRules, fields: Set<String>, rules: Set<RuleID>, file: String)
        throws(RuleSetError)
    {
        if !fields.contains(judgement.birthField) {
            throw RuleSetError(
                file: file, keyPath: "judgement.birthField",
                problem: "unknown field \(judgement.birthField) (see forms.yaml)")
        }
        for (index, field) in judgement.evidenceFields.enumerated() where !fields.contains(field) {
            throw RuleSetError(
                file: file, keyPath: "judgement.evidenceFields[\(index)]",
                problem: "unknown field \(field) (see forms.yaml)")
        }
        var conditions: [(String, Condition)] = judgement.exclusions.enumerated().map {
            ("judgement.exclusions[\($0)].when", $1.when)
        }
        conditions += judgement.balance.enumerated().compactMap { index, balance in
            balance.require.share.map { ("judgement.balance[\(index)].require.share", $0) }
        }
        for (index, exclusion) in judgement.exclusions.enumerated() where !rules.contains(exclusion.rule) {
            throw RuleSetError(
                file: file, keyPath: "judgement.exclusions[\(index)].rule", problem: "unknown rule \(exclusion.rule)")
        }
        for (index, balance) in judgement.balance.enumerated() {
            let here = "judgement.balance[\(index)]"
            if !rules.contains(balance.rule) {
                throw RuleSetError(file: file, keyPath: "\(here).rule", problem: "unknown rule \(balance.rule)")
            }
            let require = balance.require
            if (require.distinct == nil) == (require.share == nil) {
                throw RuleSetError(
                    file: file, keyPath: "\(here).require", problem: "needs exactly one of distinct or share")
            }
            if (require.atLeast == nil) == (require.atMost == nil) {
                throw RuleSetError(
                    file: file, keyPath: "\(here).require", problem: "needs exactly one of atLeast or atMost")
            }
            if let field = require.distinct, !fields.contains(field) {
                throw RuleSetError(file: file, keyPath: "\(here).require.distinct", problem: "unknown field \(field)")
            }
        }
        for (path, condition) in conditions {
            try validate(condition, path: path, fields: fields, scales: judgement.scales, file: file)
        }
        if let honorees = judgement.priorHonorees {
            try validate(honorees, rules: rules, file: file)
        }
    }

    private static func validate(_ honorees: JudgementRules.PriorHonorees, rules: Set<RuleID>, file: String)
        throws(RuleSetError)
    {
        if !rules.contains(honorees.rule) {
            throw RuleSetError(
                file: file, keyPath: "judgement.priorHonorees.rule", problem: "unknown rule \(honorees.rule)")
        }
        for (index, list) in honorees.lists.enumerated() {
            for (position, person) in list.people.enumerated() {
                let here = "judgement.priorHonorees.lists[\(index)].people[\(position)]"
                if PriorHonoreeMatch.key(person.name).isEmpty {
                    throw RuleSetError(file: file, keyPath: "\(here).name", problem: "is empty")
                }
                if let born = person.born, PriorHonoreeMatch.born(born) == nil {
                    throw RuleSetError(
                        file: file, keyPath: "\(here).born",
                        problem: "“\(born)” is not a year (1970) or a month (1970-05)")
                }
            }
        }
    }

    private static func validate(
        _ condition: Condition, path: String, fields: Set<String>, scales: [String: [[String]]], file: String
    ) throws(RuleSetError) {
        switch condition {
        case .all(let inner), .any(let inner):
            let name = { if case .all = condition { return "all" } else { return "any" } }()
            for (index, item) in inner.enumerated() {
                try validate(item, path: "\(path).\(name)[\(index)]", fields: fields, scales: scales, file: file)
            }
        case .not(let inner):
            try validate(inner, path: "\(path).not", fields: fields, scales: scales, file: file)
        case .age(let test):
            if (test.under == nil) == (test.atLeast == nil) {
                throw RuleSetError(file: file, keyPath: "\(path).age", problem: "needs exactly one of under or atLeast")
            }
        case .field(let test):
            if !fields.contains(test.field) {
                throw RuleSetError(
                    file: file, keyPath: "\(path).field", problem: "unknown field \(test.field) (see forms.yaml)")
            }
            if condition.operatorCount != 1 {
                throw RuleSetError(
                    file: file, keyPath: path,
                    problem: "needs exactly one of equals, oneOf, containsAny, atLeast, atMost")
            }
            if test.atLeast != nil || test.atMost != nil {
                guard let name = test.scale, let scale = scales[name] else {
                    throw RuleSetError(
                        file: file, keyPath: "\(path).scale",
                        problem: "atLeast and atMost need a scale of judgement.scales")
                }
                for bound in [test.atLeast, test.atMost].compactMap({ $0 })
                where Condition.level(of: bound, in: scale) == nil {
                    throw RuleSetError(file: file, keyPath: path, problem: "\(bound) is not on the scale \(name)")
                }
            }
        }
    }

    /// `units.office` names only fields the forms define.
    static func validate(office: OfficeRules?, fields: Set<String>, file: String) throws(RuleSetError) {
        guard let office else { return }
        let named: [(String, [String])] = [
            ("candidateFields", office.candidateFields), ("samePerson", office.samePerson),
            ("birthField", office.birthField.map { [$0] } ?? []), ("breakdowns", office.breakdowns ?? []),
        ]
        for (key, list) in named {
            for (index, field) in list.enumerated() where !fields.contains(field) {
                throw RuleSetError(
                    file: file, keyPath: "units.office.\(key)[\(index)]", problem: "unknown form field \(field)")
            }
        }
    }

    static func validate(units: UnitRules, file: String) throws(RuleSetError) {
        guard units.deadline.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil else {
            throw RuleSetError(file: file, keyPath: "units.deadline", problem: "must be a date written YYYY-MM-DD")
        }
        var keys: Set<String> = []
        for (index, type) in units.types.enumerated() {
            if !keys.insert(type.key).inserted {
                throw RuleSetError(
                    file: file, keyPath: "units.types[\(index)].key", problem: "duplicate type \(type.key)")
            }
            if type.quota < 0 {
                throw RuleSetError(file: file, keyPath: "units.types[\(index)].quota", problem: "must not be negative")
            }
        }
        var names: Set<String> = []
        for (index, unit) in units.registry.enumerated() {
            if !keys.contains(unit.type) {
                throw RuleSetError(
                    file: file, keyPath: "units.registry[\(index)].type", problem: "unknown unit type \(unit.type)")
            }
            for name in [unit.name] + unit.aliases where !names.insert(UnitResolver.key(name)).inserted {
                throw RuleSetError(
                    file: file, keyPath: "units.registry[\(index)]", problem: "the name \(name) is used twice")
            }
        }
        for (index, rule) in (units.inference?.suffixes ?? []).enumerated() {
            if !keys.contains(rule.type) {
                throw RuleSetError(
                    file: file, keyPath: "units.inference.suffixes[\(index)].type",
                    problem: "unknown unit type \(rule.type)")
            }
            if rule.suffix.isEmpty {
                throw RuleSetError(
                    file: file, keyPath: "units.inference.suffixes[\(index)].suffix", problem: "must not be empty")
            }
        }
    }

    static func validate(forms: FormRules, file: String) throws(RuleSetError) {
        let keys = Set(forms.fields.map(\.key))
        for (index, field) in forms.fields.enumerated()
        where field.labels.isEmpty || field.labels.contains(where: \.isEmpty) {
            throw RuleSetError(
                file: file, keyPath: "forms.fields[\(index)].labels", problem: "needs at least one non-empty label")
        }
        for (index, field) in forms.fields.enumerated()
        where field.normalise?.validates == true && field.expected == nil {
            throw RuleSetError(
                file: file, keyPath: "forms.fields[\(index)].expected",
                problem: "needed with normalise: \(field.normalise?.rawValue ?? "")")
        }
        if keys.count != forms.fields.count {
            throw RuleSetError(file: file, keyPath: "forms.fields", problem: "a field key is used twice")
        }
        for (key, value) in [("nameField", forms.nameField), ("publicityField", forms.publicityField)]
        where !keys.contains(value) {
            throw RuleSetError(file: file, keyPath: "forms.\(key)", problem: "unknown field \(value)")
        }
        for (index, key) in forms.required.enumerated() where !keys.contains(key) {
            throw RuleSetError(file: file, keyPath: "forms.required[\(index)]", problem: "unknown field \(key)")
        }
        for (index, comparison) in forms.compared.enumerated() where !keys.contains(comparison.field) {
            throw RuleSetError(
                file: file, keyPath: "forms.compared[\(index)].field", problem: "unknown field \(comparison.field)")
        }
        if forms.unitLabels.isEmpty || forms.unitLabels.contains(where: \.isEmpty) {
            throw RuleSetError(file: file, keyPath: "forms.unitLabels", problem: "needs at least one non-empty label")
        }
        let templates = forms.templates
        for (key, name) in [("summarySheet", templates.summarySheet), ("activitySheet", templates.activitySheet)]
        where !Self.isSheetName(name) {
            throw RuleSetError(
                file: file, keyPath: "forms.templates.\(key)",
                problem: "“\(name)” is no worksheet name (1 to 31 characters, none of : \\ / ? * [ ])")
        }
        if forms.summaryHeaderMinimumLabels < 1 {
            throw RuleSetError(file: file, keyPath: "forms.summaryHeaderMinimumLabels", problem: "must be at least 1")
        }
    }

    /// What Excel accepts as a worksheet's name.
    static func isSheetName(_ name: String) -> Bool {
        (1...31).contains(name.count) && !name.contains { ":\\/?*[]".contains($0) }
    }

    static func validate(videos: VideoRules, file: String) throws(RuleSetError) {
        func require(_ condition: Bool, _ key: String, _ problem: String) throws(RuleSetError) {
            if !condition { throw RuleSetError(file: file, keyPath: "videos.\(key)", problem: problem) }
        }
        try require(videos.maximumSeconds > 0, "maximumSeconds", "must be above 0")
        try require(!videos.sizes.isEmpty, "sizes", "needs at least one size")
        try require(
            videos.sizes.allSatisfy { $0.width > 0 && $0.height > 0 }, "sizes", "widths and heights must be above 0")
        try require(videos.limits.maximumMovieBytes > 0, "limits.maximumMovieBytes", "must be above 0")
        try require(videos.limits.maximumBoxes > 0, "limits.maximumBoxes", "must be above 0")
        try require((1...64).contains(videos.limits.maximumDepth), "limits.maximumDepth", "must be from 1 to 64")
        try require(videos.limits.maximumSamples > 0, "limits.maximumSamples", "must be above 0")
    }

    static func validate(photos: PhotoRules, file: String) throws(RuleSetError) {
        func require(_ condition: Bool, _ key: String, _ problem: String) throws(RuleSetError) {
            if !condition { throw RuleSetError(file: file, keyPath: "photos.\(key)", problem: problem) }
        }
        try require(photos.minimumBytes >= 0, "minimumBytes", "must not be negative")
        try require(photos.lifePhotos.minimum >= 0, "lifePhotos.minimum", "must not be negative")
        try require(
            photos.lifePhotos.minimum <= photos.lifePhotos.maximum, "lifePhotos.maximum", "must not be under minimum")
        try require(
            photos.idPhoto.minimumAspect > 0 && photos.idPhoto.minimumAspect <= photos.idPhoto.maximumAspect,
            "idPhoto.maximumAspect", "must be at least minimumAspect, which must be above 0")
        try require(
            (0...1).contains(photos.colour.minimumColouredFraction), "colour.minimumColouredFraction",
            "must be between 0 and 1")
        try require(
            [1, 2, 4, 8].contains(photos.limits.scaleDenominator), "limits.scaleDenominator", "must be 1, 2, 4 or 8")
        try require(photos.limits.maximumPixels > 0, "limits.maximumPixels", "must be above 0")
        try require(photos.limits.maximumBytes > 0, "limits.maximumBytes", "must be above 0")
        try require(photos.limits.maximumScans > 0, "limits.maximumScans", "must be above 0")
    }
}
