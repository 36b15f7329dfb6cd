import DossierCore

/// Why sealing or verifying could not be done (exit 2), as opposed to findings about the zip.
public enum SealError: Error, Equatable, BilingualMessage {
    /// Writing at `path` (when known) failed for the system's reason.
    case write(String?, SystemReason)
    /// Reading the file at the path failed for the system's reason.
    case read(String, SystemReason)
    case refused(LocalizedText)

    public func text(_ language: Language) -> String {
        switch self {
        case .write(let path, let reason): SealWords.cannotWrite(path.map { " \($0)" } ?? "", reason).text(language)
        case .read(let path, let reason): SealWords.cannotRead(path, reason).text(language)
        case .refused(let failure): failure.text(language)
        }
    }
}
