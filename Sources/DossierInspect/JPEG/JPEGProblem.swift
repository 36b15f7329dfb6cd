import DossierCore

/// libjpeg's message about a photo (its own English words), with a Chinese summary of the usual ones.
public struct JPEGProblem: BilingualMessage, Sendable {
    public var message: String

    public init(_ message: String) { self.message = message }

    public func text(_ language: Language) -> String {
        guard language == .zh else { return message }
        let summaries: [(String, String)] = [
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
        return summaries.first { message.hasPrefix($0.0) || message.contains($0.0) }?.1 ?? "解码出错"
    }
}
