import DossierCore

/// Why sealing or verifying could not be done (exit 2), as opposed to findings about the zip.
public enum SealError: Error, Equatable, BilingualMessage {
    /// Writing at `path` (when known) failed for the system's reason.
    case write(String?, SystemReason)
    /// Reading the file at the path failed for the system's reason.
    case read(String, SystemReason)
    case refused(LocalizedText)

    public func text(_ language: Language) -> String {
        let zh = language == .zh
        switch self {
        case .write(let path, let reason):
            let place = path.map { " \($0)" } ?? ""
            return zh
                ? "无法写入封装包\(place)（\(reason.text(.zh))）。"
                : "cannot write the sealed zip\(place): \(reason.text(.en))"
        case .read(let path, let reason):
            return zh ? "无法读取 \(path)（\(reason.text(.zh))）。" : "cannot read \(path): \(reason.text(.en))"
        case .refused(let failure): return failure.text(language)
        }
    }
}
