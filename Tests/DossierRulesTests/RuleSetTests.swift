import DossierBundles
import DossierCore
import DossierRules
import DossierSeal
import DossierTestSupport
import Foundation
import Testing

/// The rule set loads, and a bad rules file is refused with a message naming the file and the key path.
@Suite struct RuleSetTests {
    @Test func bundledRuleSetLoadsWithEverySpecRule() throws {
        let ruleSet = try Repository.ruleSet()
        #expect(ruleSet.header.id == "zuimei-2021")
        for id in RuleSetValidation.specRuleIDs { #expect(ruleSet.rule(id) != nil, "\(id) missing") }
        #expect(ruleSet.sha256.count == 64)
        #expect(ruleSet.photos.minimumBytes == 2_097_152)
        #expect(ruleSet.rule("PHOTO-SIZE")?.severity == .error)
    }

    @Test func everyRuleTheChecksEmitIsInTheCatalogue() throws {
        let ruleSet = try Repository.ruleSet()
        for id in CheckFamilies.implementedRuleIDs { #expect(ruleSet.rule(id) != nil, "\(id)") }
    }

    /// The IDs the checks emit are `RuleID.all` (declared once, in RuleID.swift); the loader requires each of them
    /// in every rule set of the repository.
    @Test func everyEmittedRuleIsDeclaredOnceAndInEveryCatalogue() throws {
        let emitted = CheckFamilies.implementedRuleIDs.union(SealVerifier.ruleIDs).union(ZipInput.ruleIDs)
        #expect(emitted.subtracting(RuleID.all).sorted() == [], "emitted but not in RuleID.all")
        #expect(RuleSetValidation.specRuleIDs == RuleID.all)
        for name in ["zuimei-2021", "example-province-2025"] {
            let ruleSet = try RuleSet.load(folder: Repository.root.appendingPathComponent("rules/\(name)").path)
            for id in RuleID.all { #expect(ruleSet.rule(id) != nil, "\(name) lacks \(id)") }
        }
    }

    /// Copies the bundled rule set, lets `edit` change one file, and returns the load error.
    private func loadError(_ file: String, _ edit: (String) -> String) throws -> RuleSetError? {
        let folder = try TemporaryFolder()
        let copy = folder.url.appendingPathComponent("rules")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: Repository.rules), to: copy)
        let target = copy.appendingPathComponent(file)
        let text = try String(contentsOf: target, encoding: .utf8)
        let edited = edit(text)
        #expect(edited != text, "the edit changed nothing")
        try edited.write(to: target, atomically: true, encoding: .utf8)
        do {
            _ = try RuleSet.load(folder: copy.path)
            return nil
        } catch {
            #expect(throws: RuleSetError.self) { try RuleSetLint.lint(file: target.path) }
            return error
        }
    }

    @Test func unknownKeyIsNamedWithItsPath() throws {
        let error = try #require(
            try loadError("photos.yaml") { $0.replacingOccurrences(of: "minimumBytes:", with: "minimumByte:") })
        #expect(error.file.hasSuffix("photos.yaml"))
        // The misspelt key is reported (the real one is then missing, which is reported first by the decoder).
        #expect(error.keyPath.hasPrefix("photos.minimumByte"))
    }

    @Test func unknownNestedKeyIsNamed() throws {
        let error = try #require(
            try loadError("photos.yaml") {
                $0.replacingOccurrences(
                    of: "  paddingMinimumBytes: 16", with: "  paddingMinimumBytes: 16\n  padingLimit: 3")
            })
        #expect(error.keyPath == "photos.padingLimit")
        #expect(error.problem == "unknown key")
    }

    @Test func unknownKeyInAListItemIsNamed() throws {
        let error = try #require(
            try loadError("catalogue.yaml") {
                $0.replacingOccurrences(
                    of: "    severity: error\n", with: "    severity: error\n    colour: red\n",
                    range: $0.range(of: "    severity: error\n"))
            })
        #expect(error.keyPath == "rules[0].colour")
    }

    @Test func commaInAnUnquotedTextIsRefused() throws {
        // YAML reads `{zh: 2MB（2,097,152 字节）, en: …}` as a text cut at the comma plus keys without values.
        let error = try #require(
            try loadError("catalogue.yaml") {
                $0.replacingOccurrences(
                    of: "{zh: 符号链接（快捷方式）, en: Symbolic link}", with: "{zh: 符号链接（快捷方式, 链接）, en: Symbolic link}")
            })
        #expect(error.keyPath == "rules[0].title.链接）")
    }

    @Test func aRuleMissingFromTheRuleSetIsAnErrorNotASilence() throws {
        let sink = FindingSink(ruleSet: try Repository.ruleSet(), language: .zh)
        sink.emit("NOT-IN-THE-CATALOGUE", path: "张三/张三2.jpg")
        #expect(sink.findings.map(\.severity) == [.error])
        #expect(sink.findings.first?.message.contains("NOT-IN-THE-CATALOGUE") == true)
    }

    @Test func keyWithoutValueIsRefused() throws {
        let error = try #require(
            try loadError("photos.yaml") {
                $0.replacingOccurrences(of: "  paddingMinimumBytes: 16", with: "  paddingMinimumBytes: 16\n  不明:")
            })
        #expect(error.keyPath == "photos.不明")
    }

    @Test func badSeverityIsRefused() throws {
        let error = try #require(
            try loadError("catalogue.yaml") {
                $0.replacingOccurrences(
                    of: "severity: error", with: "severity: fatal", range: $0.range(of: "severity: error"))
            })
        #expect(error.keyPath == "rules[0].severity")
    }

    @Test func missingTranslationIsRefused() throws {
        let error = try #require(
            try loadError("catalogue.yaml") { text in
                text.replacingOccurrences(
                    of:
                        #"hint: {zh: 请删除链接，把真正的文件复制到这个位置。, en: Delete the link and copy the real file into its place.}"#,
                    with: "hint: {zh: 请删除链接，把真正的文件复制到这个位置。}")
            })
        #expect(error.keyPath == "rules[0].hint.en")
        #expect(error.problem == "missing required key")
    }

    @Test func duplicateIDIsRefused() throws {
        let error = try #require(
            try loadError("catalogue.yaml") {
                $0.replacingOccurrences(of: "id: FS-SPECIAL-FILE", with: "id: FS-SYMLINK")
            })
        #expect(error.keyPath == "rules[1].id")
        #expect(error.problem.contains("duplicate"))
    }

    @Test func placeholdersMustMatchAcrossLanguages() throws {
        let error = try #require(
            try loadError("catalogue.yaml") { $0.replacingOccurrences(of: "不是文件本身。", with: "{targte}不是文件本身。") })
        #expect(error.keyPath == "rules[0].message")
    }

    @Test func droppingASpecRuleIsRefused() throws {
        let error = try #require(
            try loadError("catalogue.yaml") {
                $0.replacingOccurrences(of: "id: CROSS-RESUBMISSION", with: "id: CROSS-RESENT")
            })
        #expect(error.problem.contains("CROSS-RESUBMISSION"))
    }

    @Test func outOfRangeValueIsRefused() throws {
        let error = try #require(
            try loadError("photos.yaml") {
                $0.replacingOccurrences(of: "scaleDenominator: 8", with: "scaleDenominator: 3")
            })
        #expect(error.keyPath == "photos.limits.scaleDenominator")
    }

    @Test func wrongTypeIsRefused() throws {
        let error = try #require(
            try loadError("photos.yaml") {
                $0.replacingOccurrences(of: "minimumBytes: 2097152", with: "minimumBytes: two")
            })
        #expect(error.keyPath == "photos.minimumBytes")
        #expect(error.problem.contains("whole number"))
    }

    @Test func lintRefusesAFileThatIsNoRulesFile() throws {
        #expect(throws: RuleSetError.self) {
            try RuleSetLint.lint(file: Repository.root.appendingPathComponent("Package.swift").path)
        }
        try RuleSetLint.lint(file: Repository.rules + "/catalogue.yaml")
    }

    @Test func messagesFillPlaceholders() {
        #expect(MessageTemplate.fill("只有 {megabytes} MB（{x}）", ["megabytes": "1.5"]) == "只有 1.5 MB（{x}）")
        #expect(MessageTemplate.placeholders("{a} and {b}") == ["a", "b"])
    }

    @Test func anUnknownOperatorIsNamedWithItsPath() throws {
        let error = try #require(
            try loadError("judgement.yaml") {
                $0.replacingOccurrences(of: "containsAny: [现役军人]", with: "containsAll: [现役军人]")
            })
        #expect(error.keyPath.hasPrefix("judgement.exclusions[0].when"))
    }

    @Test func anUnknownFieldInAConditionIsRefused() throws {
        let error = try #require(
            try loadError("judgement.yaml") {
                $0.replacingOccurrences(
                    of: "{field: identity, containsAny: [现役军人]}", with: "{field: identty, containsAny: [现役军人]}")
            })
        #expect(error.keyPath == "judgement.exclusions[0].when.field")
        #expect(error.problem.contains("identty"))
    }

    @Test func anUnknownComparedFieldIsRefused() throws {
        let error = try #require(
            try loadError("forms.yaml") {
                $0.replacingOccurrences(of: "- {field: employer, match: contains}", with: "- {field: employr}")
            })
        #expect(error.keyPath == "forms.compared[2].field")
        #expect(error.problem.contains("employr"))
    }

    @Test(arguments: [("nameField: name", "nameField: nme"), ("publicityField: publicity", "publicityField: publcity")])
    func theNameAndPublicityFieldsMustBeFieldsOfTheForm(_ line: String, _ changed: String) throws {
        let error = try #require(try loadError("forms.yaml") { $0.replacingOccurrences(of: line, with: changed) })
        let key = String(changed.prefix { $0 != ":" })
        #expect(error.keyPath == "forms.\(key)")
        #expect(error.problem.contains(String(changed.split(separator: " ").last ?? "")))
    }

    @Test func theSourcesOfFormInconsistentNeedBothLanguages() throws {
        let error = try #require(
            try loadError("forms.yaml") {
                $0.replacingOccurrences(of: "folder: {zh: 文件夹名, en: the folder name}", with: "folder: {zh: 文件夹名}")
            })
        #expect(error.keyPath.hasPrefix("forms.sources.folder"))
    }

    @Test func anUnknownWayToCompareIsRefused() throws {
        let error = try #require(
            try loadError("forms.yaml") { $0.replacingOccurrences(of: "match: contains", with: "match: similar") })
        #expect(error.keyPath.hasPrefix("forms.compared[2].match"))
    }

    @Test func anUnknownEvidenceFieldIsRefused() throws {
        let error = try #require(
            try loadError("judgement.yaml") {
                $0.replacingOccurrences(of: "evidenceFields: [identity,", with: "evidenceFields: [identty,")
            })
        #expect(error.keyPath == "judgement.evidenceFields[0]")
        #expect(error.problem.contains("identty"))
    }

    @Test func anUnknownBirthFieldIsRefused() throws {
        let error = try #require(
            try loadError("judgement.yaml") {
                $0.replacingOccurrences(of: "birthField: birth", with: "birthField: born")
            })
        #expect(error.keyPath == "judgement.birthField")
    }

    @Test func aWorksheetNameExcelRefusesIsRefused() throws {
        let error = try #require(
            try loadError("forms.yaml") {
                $0.replacingOccurrences(of: "summarySheet: 汇总表", with: "summarySheet: 汇总表[1]")
            })
        #expect(error.keyPath == "forms.templates.summarySheet")
    }

    @Test func anUnknownRuleFamilyForFilesIsRefused() throws {
        let error = try #require(
            try loadError("catalogue.yaml") {
                $0.replacingOccurrences(of: "families: [FS, NAME, PHOTO]", with: "families: [FS, NAME, PHOTOS]")
            })
        #expect(error.keyPath == "fileRules.groups[0].families[2]")
        #expect(error.problem.contains("PHOTOS"))
    }

    @Test func anUnknownBundleLevelRuleIsRefused() throws {
        let error = try #require(
            try loadError("catalogue.yaml") {
                $0.replacingOccurrences(of: "bundleLevel: [PHOTO-ID-MISSING,", with: "bundleLevel: [PHOTO-ID-MISING,")
            })
        #expect(error.keyPath == "fileRules.bundleLevel[0]")
    }

    @Test func anUnknownFileKindIsRefused() throws {
        let error = try #require(
            try loadError("catalogue.yaml") {
                $0.replacingOccurrences(of: "{kinds: [photo],", with: "{kinds: [photos],")
            })
        #expect(error.keyPath.hasPrefix("fileRules.groups[0].kinds"))
    }

    @Test func aRankOffTheScaleIsRefused() throws {
        let error = try #require(
            try loadError("judgement.yaml") { $0.replacingOccurrences(of: "atLeast: 司局级", with: "atLeast: 司令级") })
        #expect(error.problem.contains("司令级"))
    }

    @Test func anHonoreesBirthMustBeAYearOrAMonth() throws {
        let error = try #require(
            try loadError("judgement.yaml") {
                $0.replacingOccurrences(of: "{name: 李东}", with: "{name: 李东, born: 1967.5}")
            })
        #expect(error.keyPath == "judgement.priorHonorees.lists[2].people[4].born")
        #expect(error.problem.contains("1967.5"))
    }

    @Test func anHonoreeListNeedsAKnownRule() throws {
        let error = try #require(
            try loadError("judgement.yaml") {
                $0.replacingOccurrences(of: "rule: EXCL-PRIOR-HONOREE", with: "rule: EXCL-PRIOR-HONORE")
            })
        #expect(error.keyPath == "judgement.priorHonorees.rule")
    }
}
