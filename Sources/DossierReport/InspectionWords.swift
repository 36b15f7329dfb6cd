import DossierCore

/// The words of `InspectionReporter`'s text, in one table.
struct InspectionWords {
    enum Word {
        case bytes, content, pixels, displayed, orientation, colour, components, coding, progressive, baseline
        case decodes, yes, no, trailing, container, codec, duration, frameRate, codedSize, rotation, videoTrack
        case bytesRead, fieldsFound, table, sheet, rows, problem, present, absent
    }

    static let table: [Word: LocalizedText] = [
        .bytes: LocalizedText(zh: "大小", en: "bytes"),
        .content: LocalizedText(zh: "内容", en: "content"),
        .pixels: LocalizedText(zh: "像素", en: "pixels"),
        .displayed: LocalizedText(zh: "显示为", en: "displayed"),
        .orientation: LocalizedText(zh: "EXIF 方向", en: "EXIF orientation"),
        .colour: LocalizedText(zh: "颜色", en: "colour"),
        .components: LocalizedText(zh: "个分量", en: "components"),
        .coding: LocalizedText(zh: "编码", en: "coding"),
        .progressive: LocalizedText(zh: "渐进式", en: "progressive"),
        .baseline: LocalizedText(zh: "基线", en: "baseline"),
        .decodes: LocalizedText(zh: "完整解码", en: "decodes"),
        .yes: LocalizedText(zh: "是", en: "yes"),
        .no: LocalizedText(zh: "否", en: "no"),
        .present: LocalizedText(zh: "有", en: "yes"),
        .absent: LocalizedText(zh: "无", en: "no"),
        .trailing: LocalizedText(zh: "结束标记后的字节", en: "bytes after end of image"),
        .container: LocalizedText(zh: "容器", en: "container"),
        .codec: LocalizedText(zh: "编码", en: "codec"),
        .duration: LocalizedText(zh: "时长", en: "duration"),
        .frameRate: LocalizedText(zh: "帧率", en: "frame rate"),
        .codedSize: LocalizedText(zh: "编码尺寸", en: "coded size"),
        .rotation: LocalizedText(zh: "旋转", en: "rotation"),
        .videoTrack: LocalizedText(zh: "画面轨道", en: "video track"),
        .bytesRead: LocalizedText(zh: "读取字节", en: "bytes read"),
        .fieldsFound: LocalizedText(zh: "找到的字段（来自哪个标签）：", en: "fields found (and the label each came from):"),
        .table: LocalizedText(zh: "表格", en: "table"),
        .sheet: LocalizedText(zh: "工作表", en: "sheet"),
        .rows: LocalizedText(zh: "行", en: "rows"),
        .problem: LocalizedText(zh: "问题：", en: "problem: "),
    ]

    var language: Language

    init(_ language: Language) { self.language = language }

    func callAsFunction(_ word: Word) -> String { Self.table[word]?.text(language) ?? "" }

    /// After a reader's problem in Chinese, its own English words in brackets when they say more; nothing in English.
    func readerDetail(_ problem: LocalizedText) -> String {
        problem.zh == problem.en ? "" : LocalizedText(zh: "（\(problem.en)）", en: "").text(language)
    }
}
