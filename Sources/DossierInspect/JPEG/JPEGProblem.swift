import DossierCore

/// libjpeg's message about a photo (its own English words), with a Chinese summary of the usual ones.
public struct JPEGProblem: BilingualMessage, Sendable {
    public var message: String

    public init(_ message: String) { self.message = message }

    public func text(_ language: Language) -> String {
        LocalizedText(zh: ReaderWords.jpegSummary(message), en: message).text(language)
    }
}
