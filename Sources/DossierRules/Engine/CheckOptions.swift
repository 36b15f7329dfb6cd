import DossierCore

/// What a check run is asked for.
public struct CheckOptions: Sendable {
    public var language: Language
    public var strict: Bool
    /// The date the deadline is judged against, `YYYY-MM-DD`.
    public var asOf: String
    public var unitType: String?
    public var quota: Int?
    public var approval: String?
    /// Keep a small upright JPEG of every photo (for the HTML contact sheet).
    public var thumbnails: Bool = false
    /// Told as photos and videos are measured (a progress bar).
    public var progress: (@Sendable (WorkProgress) -> Void)?
    /// Looked at between files: once cancelled, the check stops with `CheckError.cancelled`.
    public var cancellation: Cancellation?

    /// Decode every frame of every video and report the first decoding error (`VIDEO-CORRUPT`): the office's
    /// final check; slow (about the clip's length in decoding time).
    public var deep: Bool = false

    /// The folder of the cache of photos' measured facts (`ContentCache`); nil measures every photo every time.
    public var cacheFolder: String?

    /// Whether the run was asked to stop.
    public var isCancelled: Bool { cancellation?.isCancelled ?? false }

    public init(
        language: Language = .zh, strict: Bool = false, asOf: String, unitType: String? = nil, quota: Int? = nil,
        approval: String? = nil
    ) {
        self.language = language
        self.strict = strict
        self.asOf = asOf
        self.unitType = unitType
        self.quota = quota
        self.approval = approval
    }
}
