import DossierCore

/// The words of reading bundles where they lie, one text per message.
enum BundlesWords {
    /// Why a folder that could not be listed was not checked.
    static let folderUnlisted = LocalizedText(
        zh: "无法列出文件夹的内容，可能没有读取权限", en: "its contents cannot be listed (no read permission?)")

    static let notOneFolder = LocalizedText(zh: "压缩包里不是恰好一个文件夹", en: "the zip does not hold exactly one folder")

    static let noValidBag = LocalizedText(
        zh: "没有有效的 BagIt 1.0 封装结构：须有 SHA-256 清单和标签清单",
        en: "no valid BagIt 1.0 bag with a SHA-256 manifest and tag manifest")
}
