import DossierCore

/// The sealer's own words, one text per message: why a seal or `dossier init` could not be done.
enum SealWords {
    /// Writing the sealed zip at `place` (“ /path”, or empty when unknown) failed for the system's `reason`.
    static func cannotWrite(_ place: String, _ reason: SystemReason) -> LocalizedText {
        LocalizedText(
            zh: "无法写入封装包\(place)（\(reason.text(.zh))）。", en: "cannot write the sealed zip\(place): \(reason.text(.en))")
    }

    static func cannotRead(_ path: String, _ reason: SystemReason) -> LocalizedText {
        LocalizedText(zh: "无法读取 \(path)（\(reason.text(.zh))）。", en: "cannot read \(path): \(reason.text(.en))")
    }

    static let outputInsideInput = LocalizedText(
        zh: "封装包不能写在被封装的文件夹里面（输入只读）：请用 -o 指到文件夹之外。",
        en: "the sealed zip must not be written inside the folder being sealed (input is read-only)")

    static func templatesFolderExists(_ path: String) -> LocalizedText {
        LocalizedText(
            zh: "“\(path)”已经存在：请换一个新的文件夹名（没有改动任何内容）。",
            en: "\(path) already exists: choose a new folder (nothing was changed)")
    }

    static func cannotWriteTemplates(_ path: String, _ reason: SystemReason) -> LocalizedText {
        LocalizedText(
            zh: "无法写入模板 \(path)（\(reason.text(.zh))）。", en: "cannot write the templates \(path): \(reason.text(.en))")
    }
}
