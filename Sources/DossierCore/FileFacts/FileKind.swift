/// What a file is in a bundle (SPEC §6 `kind`).
public enum FileKind: String, Codable, Sendable, CaseIterable {
    case photo, video, form, summary, activity, report, scan, junk, unknown
}
