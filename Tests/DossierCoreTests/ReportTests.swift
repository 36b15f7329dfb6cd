import DossierCore
import Testing

@Suite struct ReportTests {
    private func finding(_ severity: Severity, _ path: String = "a") -> Finding {
        Finding(rule: "PHOTO-SIZE", severity: severity, path: path, message: "m", hint: "h")
    }

    @Test func verdictFollowsErrorsAndStrictWarnings() {
        #expect(FindingSummary(findings: [finding(.notice)], strict: true).verdict == .pass)
        #expect(FindingSummary(findings: [finding(.warning)], strict: false).verdict == .pass)
        #expect(FindingSummary(findings: [finding(.warning)], strict: true).verdict == .fail)
        #expect(FindingSummary(findings: [finding(.error)], strict: false).verdict == .fail)
    }

    @Test func runSummaryAddsBundlesUp() {
        let subject = Subject(path: "x", kind: .folder)
        let failing = BundleReport(
            subject: subject, unit: UnitInfo(name: "x"), candidates: [], files: [],
            findings: [finding(.error), finding(.warning)], strict: false)
        let passing = BundleReport(
            subject: subject, unit: UnitInfo(name: "y"), candidates: [], files: [],
            findings: [finding(.notice)], strict: false)
        let report = Report(
            ruleSet: RuleSetInfo(id: "r", title: "t", sha256: ""), asOf: "2021-06-01", bundles: [failing, passing])
        #expect(report.summary.bundles == 2 && report.summary.errors == 1 && report.summary.warnings == 1)
        #expect(report.summary.notices == 1 && report.summary.verdict == .fail)
    }

    @Test func findingsAreSortedByPathThenRule() {
        let report = BundleReport(
            subject: Subject(path: "x", kind: .folder), unit: UnitInfo(name: "x"), candidates: [], files: [],
            findings: [finding(.error, "b"), finding(.error, ""), finding(.error, "a")], strict: false)
        #expect(report.findings.map(\.path) == ["", "a", "b"])
    }

    @Test func languageComesFromTheEnvironment() {
        #expect(Language.fromEnvironment(["LANG": "en_US.UTF-8"]) == .en)
        #expect(Language.fromEnvironment(["LANG": "zh_CN.UTF-8"]) == .zh)
        #expect(Language.fromEnvironment([:]) == .zh)
        #expect(Language.fromEnvironment(["LANG": "en_US.UTF-8", "LC_ALL": "zh_CN.UTF-8"]) == .zh)
    }

    @Test func displaySizeFollowsOrientation() {
        let facts = JPEGFacts(
            width: 4000, height: 3000, components: 3, colorSpace: "YCbCr", progressive: false,
            orientation: 6, trailingBytes: 0, decodes: true)
        #expect(facts.displayWidth == 3000 && facts.displayHeight == 4000)
    }

    @Test func numbersReadWell() {
        #expect(1.8438.formatted2 == "1.84" && 2.0.formatted2 == "2" && 0.1.formatted2 == "0.1")
    }

    @Test func numbersBeyondIntReadWithoutATrap() {
        // A frame rate computed from absurd numbers in a video: 2^33 frames in one tick of 2^32 a second.
        #expect(3.7e19.formatted2 == "37000000000000000000")
        #expect(Double.infinity.formatted2 == "inf" && (-1e300).formatted2.hasPrefix("-1000"))
    }
}
