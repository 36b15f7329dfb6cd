import DossierCore

/// The zip writer's words, one text per message: why a zip could not be written.
enum PackingWords {
    static func cannotWriteZip(_ reason: SystemReason) -> LocalizedText {
        LocalizedText(zh: "无法写入 zip（\(reason.text(.zh))）。", en: "cannot write the zip: \(reason.text(.en))")
    }

    /// A file that grew past the zip's 4 GiB limit for entries without ZIP64 while it was read.
    static func grewPast4GiB(_ name: String) -> LocalizedText {
        LocalizedText(zh: "无法封装：\(name) 在读取时超过了 4 GiB。", en: "cannot seal: \(name) grew past 4 GiB while read")
    }

    /// zlib refused to compress (out of memory): no fault of the bundle.
    static let compressionFailed = LocalizedText(
        zh: "无法压缩（zlib 出错，可能是内存不足）。", en: "compression failed (zlib; perhaps out of memory)")

    static func cannotRead(_ path: String, _ reason: SystemReason) -> LocalizedText {
        LocalizedText(zh: "无法读取 \(path)（\(reason.text(.zh))）。", en: "cannot read \(path): \(reason.text(.en))")
    }
}
