import DossierCore
import Foundation

// Why a reader refused a file, in both languages. English is each reason's `description` (the reader's own words,
// kept in a finding's data for tools); Chinese says the same to a clerk. Free-text details (a box's or an entry's
// damage, libxml2's and libjpeg's messages) keep the names they contain (boxes, entries, parts) and are otherwise
// summed up, the full English staying in the finding's data.

extension ZipError: BilingualMessage {
    public func text(_ language: Language) -> String { LocalizedText(zh: chinese, en: description).text(language) }

    /// The same in Chinese, for a clerk.
    var chinese: String {
        switch self {
        case .notAZip: return "不是 zip 文件（找不到中央目录结尾记录）"
        case .truncated(let what): return "文件不完整，被截断了\(ReaderWords.entry(in: what).map { "（\($0)）" } ?? "")"
        case .corrupt(let what): return "结构数据有误\(ReaderWords.entry(in: what).map { "（\($0)）" } ?? "")"
        case .unsupportedMethod(let method): return "使用了不支持的压缩方法 \(method)"
        case .encrypted: return "其中有加密的文件，无法读取"
        case .tooLarge(let entry, let bytes): return "\(entry) 解压后有 \(bytes) 字节"
        case .ratio(let entry, let ratio, _): return "\(entry) 解压后是压缩大小的 \(ratio) 倍"
        case .crcMismatch(let entry): return "\(entry) 的 CRC-32 校验值不符"
        }
    }
}

extension XMLProblem: BilingualMessage {
    public func text(_ language: Language) -> String { LocalizedText(zh: chinese, en: description).text(language) }

    /// The same in Chinese, for a clerk.
    var chinese: String {
        switch self {
        case .malformed: return "XML 数据已损坏"
        case .forbidden(let what):
            return what.contains("DTD") ? "Office 文档中不允许有文档类型声明（DTD）" : "Office 文档中不允许有实体引用"
        case .tooLarge(let events): return "XML 节点超过 \(events) 个"
        }
    }
}

extension OfficeProblem: BilingualMessage {
    public func text(_ language: Language) -> String { LocalizedText(zh: chinese, en: description).text(language) }

    /// The same in Chinese, for a clerk.
    var chinese: String {
        switch self {
        case .zip(let error): return error.text(.zh)
        case .xml(let part, let problem): return "\(part)：\(problem.text(.zh))"
        case .missingPart(let part): return "缺少部件 \(part)"
        case .badReference(let part, _): return "\(part) 引用了文件中不存在的内容"
        }
    }
}

extension MP4Problem: BilingualMessage {
    public func text(_ language: Language) -> String { LocalizedText(zh: chinese, en: description).text(language) }

    /// The same in Chinese, for a clerk.
    var chinese: String {
        switch self {
        case .truncated(let file, let needed):
            return "文件在 \(Self.megabytes(file)) MB 处结束，但画面数据需要 \(Self.megabytes(needed)) MB：文件没有复制完整"
        case .boxOverrun(let type, let offset, let claimed, let available):
            return "第 \(offset) 字节处的 ‘\(type)’ 盒子声称有 \(claimed) 字节，但只剩 \(available) 字节"
        case .noMovie: return "没有 ‘moov’ 盒子：录制没有正常结束，或者这不是视频"
        case .overflow(let part): return "‘\(part)’ 中的大小或时长加起来超过 2^64"
        case .zeroTimescale(let box): return "‘\(box)’ 中的时间刻度是 0：无法知道视频时长"
        case .zeroDuration(let frames): return "\(frames) 帧的总时长是 0 秒"
        case .noFrames: return "画面轨道中没有一帧"
        case .impossibleFrameRate(let rate): return "按帧的时间算出每秒 \(rate.formatted2) 帧"
        case .impossibleMatrix(let scale): return "轨道矩阵把画面缩放了 \(scale.formatted2) 倍"
        case .damaged(let what):
            return ReaderWords.boxes(in: what).map { "\($0) 盒子的数据有误" } ?? "文件结构有误"
        case .tooComplex(let what):
            return "结构太复杂，无法检查" + (ReaderWords.boxes(in: what).map { "（\($0)）" } ?? "")
        }
    }
}

/// The readers' own words, one text per message (why `dossier inspect` could not read a file, what it found
/// wrong), and the names found inside a reader's English detail.
enum ReaderWords {
    static func noSuchFile(_ path: String) -> LocalizedText {
        LocalizedText(zh: "找不到文件“\(path)”。", en: "\(path): no such file")
    }

    /// A path that is `what` (a symbolic link, a folder, a special file), never followed.
    static func notARegularFile(_ path: String, _ what: LocalizedText) -> LocalizedText {
        LocalizedText(
            zh: "“\(path)”是\(what.zh)，不是普通文件。", en: "\(path): \(what.en), not a regular file (never followed)")
    }

    static let symbolicLink = LocalizedText(zh: "符号链接（快捷方式，不会跟随）", en: "a symbolic link")
    static let folder = LocalizedText(zh: "文件夹", en: "a folder")
    static let specialFile = LocalizedText(zh: "特殊文件", en: "a special file")

    static func cannotRead(_ path: String) -> LocalizedText {
        LocalizedText(zh: "无法读取“\(path)”（没有读取权限）。", en: "\(path): cannot be read")
    }

    /// A file that failed while read; `error` is the system's English.
    static func unreadable(_ error: any Error) -> LocalizedText { LocalizedText(zh: "无法读取", en: "\(error)") }

    static let tooManyPixels = LocalizedText(zh: "文件头声称的像素太多：没有解码", en: "header claims too many pixels: not decoded")

    static let legacyOffice = LocalizedText(
        zh: "这是旧式二进制 Office 文档（.doc/.xls/.wps/.et）：请另存为 .docx 或 .xlsx",
        en: "an old binary Office document (.doc/.xls/.wps/.et): save it as .docx or .xlsx")

    /// A video container (`content`: MKV, AVI, FLV) that is neither of the two allowed.
    static func notMP4OrMOV(_ content: String) -> LocalizedText {
        LocalizedText(zh: "\(content) 不是 MP4 或 MOV", en: "\(content) is not MP4 or MOV")
    }

    /// libjpeg's usual messages (its own English, matched by prefix or part) summed up in Chinese.
    private static let jpegSummaries: [(String, String)] = [
        ("Premature end of JPEG file", "文件提前结束，没有复制完整"),
        ("Not a JPEG file", "不是 JPEG 文件"),
        ("no JPEG header", "找不到 JPEG 文件头"),
        ("does not decode", "无法解码"),
        ("Corrupt JPEG data: premature end of data segment", "JPEG 数据损坏：数据段提前结束"),
        ("Corrupt JPEG data: bad Huffman code", "JPEG 数据损坏：霍夫曼编码有误"),
        ("Corrupt JPEG data", "JPEG 数据损坏"),
        ("Huffman table", "缺少或有误的霍夫曼表"),
        ("Quantization table", "缺少或有误的量化表"),
        ("Bogus", "JPEG 结构数据有误"),
        ("Invalid JPEG file structure", "JPEG 文件结构无效"),
        ("Unsupported", "含有不支持的 JPEG 内容"),
        ("Maximum supported image dimension", "图像尺寸超过了解码器的上限"),
        ("Empty JPEG image", "JPEG 图像是空的"),
        ("Scan script", "渐进式扫描设置有误"),
    ]

    /// The Chinese summary of libjpeg's `message`.
    static func jpegSummary(_ message: String) -> String {
        jpegSummaries.first { message.hasPrefix($0.0) || message.contains($0.0) }?.1 ?? "解码出错"
    }

    /// The box names quoted in `text` (‘stsz’), joined; nil when there are none.
    static func boxes(in text: String) -> String? {
        let names = text.matches(of: #/‘([^’]+)’/#).map { "‘\($0.1)’" }
        return names.isEmpty ? nil : names.joined(separator: "、")
    }

    /// The entry a zip detail starts with (`张三/张三2.jpg: its data …`), when it names one.
    static func entry(in text: String) -> String? {
        guard let colon = text.range(of: ": ") else { return nil }
        let name = String(text[..<colon.lowerBound])
        return name.contains(".") || name.contains("/") ? name : nil
    }
}
