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
        let zh = language == .zh
        switch self {
        case .write(let reason):
            return zh ? "无法写入 zip（\(reason.text(.zh))）。" : "cannot write the zip: \(reason.text(.en))"
        case .grewPast4GiB(let name):
            return zh ? "无法封装：\(name) 在读取时超过了 4 GiB。" : "cannot seal: \(name) grew past 4 GiB while read"
        case .compressionFailed:
            return zh ? "无法压缩（zlib 出错，可能是内存不足）。" : "compression failed (zlib; perhaps out of memory)"
        case .read(let path, let reason):
            return zh ? "无法读取 \(path)（\(reason.text(.zh))）。" : "cannot read \(path): \(reason.text(.en))"
        }
    }
}
