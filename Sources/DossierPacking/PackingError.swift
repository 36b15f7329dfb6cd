import DossierCore

/// Why a zip could not be written (the seal's zip, a folder kept by intake), as opposed to findings about a bundle.
public enum PackingError: Error, Equatable, BilingualMessage {
    /// Writing the zip failed for the system's reason (a full disk, a drive pulled out).
    case write(SystemReason)
    /// The file (named) grew past 4 GiB while it was read, after its size was taken as smaller.
    case grewPast4GiB(String)
    /// zlib refused to compress (out of memory): no fault of the bundle.
    case compressionFailed
    /// Reading the file at the path failed for the system's reason.
    case read(String, SystemReason)

    public func text(_ language: Language) -> String {
        let words =
            switch self {
            case .write(let reason): PackingWords.cannotWriteZip(reason)
            case .grewPast4GiB(let name): PackingWords.grewPast4GiB(name)
            case .compressionFailed: PackingWords.compressionFailed
            case .read(let path, let reason): PackingWords.cannotRead(path, reason)
            }
        return words.text(language)
    }
}
