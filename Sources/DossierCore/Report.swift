/// A verdict: a bundle, or a whole run, passes or fails.
public enum Verdict: String, Codable, Sendable {
    case pass
    case fail
}

/// Counts of findings by severity and the verdict they give.
public struct FindingSummary: Codable, Sendable, Equatable {
    public var errors: Int
    public var warnings: Int
    public var notices: Int
    public var verdict: Verdict

    /// Counts `findings`; warnings fail too when `strict`.
    public init(findings: [Finding], strict: Bool) {
        // Counted in one pass, without copies: a bundle can have 100,000 findings.
        var counts: [Severity: Int] = [:]
        for finding in findings { counts[finding.severity, default: 0] += 1 }
        errors = counts[.error, default: 0]
        warnings = counts[.warning, default: 0]
        notices = counts[.notice, default: 0]
        verdict = errors > 0 || (strict && warnings > 0) ? .fail : .pass
    }
}

/// What was checked: a folder, a zip of one, or a sealed zip.
public struct Subject: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        case folder, zip, sealed
    }
    public var path: String
    public var kind: Kind
    public init(path: String, kind: Kind) {
        self.path = path
        self.kind = kind
    }
}

/// The recommending unit a bundle belongs to.
public struct UnitInfo: Codable, Sendable, Equatable {
    public var name: String
    /// `province`, `society`, `defense`, `organizer`, or nil when unknown.
    public var type: String?
    public var quota: Int?
    public var approval: String?

    public init(name: String, type: String? = nil, quota: Int? = nil, approval: String? = nil) {
        self.name = name
        self.type = type
        self.quota = quota
        self.approval = approval
    }

    private enum CodingKeys: String, CodingKey { case name, type, quota, approval }

    // Every key is written, null included: readers rely on the keys being there (SPEC §6).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(type, forKey: .type)
        try container.encode(quota, forKey: .quota)
        try container.encode(approval, forKey: .approval)
    }
}

/// A candidate as the bundle presents them.
public struct CandidateInfo: Codable, Sendable, Equatable {
    public var name: String
    public var folder: String
    public var fields: [String: String]

    public init(name: String, folder: String, fields: [String: String] = [:]) {
        self.name = name
        self.folder = folder
        self.fields = fields
    }
}

/// The seal of a sealed bundle.
public struct SealInfo: Codable, Sendable, Equatable {
    public var fingerprint: String
    /// The fingerprint written on the paper report, as given to `verify --fingerprint`; absent when none was.
    public var paperFingerprint: String?
    /// Whether `paperFingerprint` names this seal; absent when no fingerprint was given.
    public var matchesPaper: Bool?

    public init(fingerprint: String, paperFingerprint: String? = nil, matchesPaper: Bool? = nil) {
        self.fingerprint = fingerprint
        self.paperFingerprint = paperFingerprint
        self.matchesPaper = matchesPaper
    }
}

/// Everything learnt about one bundle (SPEC §6 `bundles[]`).
public struct BundleReport: Codable, Sendable, Equatable {
    public var subject: Subject
    public var unit: UnitInfo
    public var candidates: [CandidateInfo]
    public var files: [FileEntry]
    public var findings: [Finding]
    public var summary: FindingSummary
    public var seal: SealInfo?
    /// Small upright JPEGs of the photos, by path, when asked for (the HTML contact sheet); never in the JSON.
    public var thumbnails: [String: [UInt8]] = [:]

    private enum CodingKeys: String, CodingKey {
        case subject, unit, candidates, files, findings, summary, seal
    }

    public init(
        subject: Subject, unit: UnitInfo, candidates: [CandidateInfo], files: [FileEntry],
        findings: consuming [Finding], strict: Bool, seal: SealInfo? = nil
    ) {
        self.subject = subject
        self.unit = unit
        self.candidates = candidates
        self.files = files
        // Sorted in place: a caller that hands its only copy over (`FindingSink.takeFindings`) pays no second array.
        findings.sort(by: Finding.reportOrder)
        self.findings = findings
        self.summary = FindingSummary(findings: self.findings, strict: strict)
        self.seal = seal
    }
}

/// The tool that wrote a report.
public struct ToolInfo: Codable, Sendable, Equatable {
    public var name: String
    public var version: String
    public init(name: String = "dossier", version: String = DossierVersion.current) {
        self.name = name
        self.version = version
    }
}

/// The rule set a report was judged by.
public struct RuleSetInfo: Codable, Sendable, Equatable {
    public var id: String
    public var title: String
    public var sha256: String
    public init(id: String, title: String, sha256: String) {
        self.id = id
        self.title = title
        self.sha256 = sha256
    }
}

/// The whole-run summary: bundles counted and findings added up.
public struct RunSummary: Codable, Sendable, Equatable {
    public var bundles: Int
    public var errors: Int
    public var warnings: Int
    public var notices: Int
    public var verdict: Verdict
}

/// The report of one run (SPEC §6, schemaVersion 1). Every reporter renders this value.
public struct Report: Codable, Sendable, Equatable {
    public var schemaVersion: Int
    public var tool: ToolInfo
    public var ruleSet: RuleSetInfo
    public var asOf: String
    public var bundles: [BundleReport]
    public var crossFindings: [Finding]
    public var summary: RunSummary

    public init(ruleSet: RuleSetInfo, asOf: String, bundles: [BundleReport], crossFindings: [Finding] = []) {
        schemaVersion = 1
        tool = ToolInfo()
        self.ruleSet = ruleSet
        self.asOf = asOf
        self.bundles = bundles
        self.crossFindings = crossFindings
        let cross = FindingSummary(findings: crossFindings, strict: false)
        summary = RunSummary(
            bundles: bundles.count,
            errors: bundles.reduce(cross.errors) { $0 + $1.summary.errors },
            warnings: bundles.reduce(cross.warnings) { $0 + $1.summary.warnings },
            notices: bundles.reduce(cross.notices) { $0 + $1.summary.notices },
            verdict: bundles.allSatisfy { $0.summary.verdict == .pass } && cross.errors == 0 ? .pass : .fail)
    }
}

/// The version written into reports and printed by `--version`.
public enum DossierVersion {
    public static let current = "0.1.0"
}
