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
