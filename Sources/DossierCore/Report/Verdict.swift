/// A verdict: a bundle, or a whole run, passes or fails.
public enum Verdict: String, Codable, Sendable {
    case pass
    case fail
}
