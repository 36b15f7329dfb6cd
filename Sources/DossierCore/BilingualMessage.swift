/// A failure the user reads (exit 2): worded in both languages, like everything else a person reads.
public protocol BilingualMessage: CustomStringConvertible {
    func text(_ language: Language) -> String
}

extension BilingualMessage {
    /// English, for logs and tests.
    public var description: String { text(.en) }
}
