/// What a file is in a bundle (SPEC §6 `kind`). `template`: a blank template `dossier init` writes at the top of a
/// new folder and that is no document of the unit (the form to copy into each candidate's folder, the guide).
public enum FileKind: String, Codable, Sendable, CaseIterable {
    case photo, video, form, summary, activity, report, scan, junk, unknown, template
}
