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
