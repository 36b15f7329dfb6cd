import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why the system refused to open, read or write a file (an `errno`), worded in both languages. The system's own
/// English text (`strerror`) is kept only as `systemText`, a detail for logs and JSON data.
public struct SystemReason: Error, Equatable, Sendable, BilingualMessage {
    public var code: Int32

    public init(_ code: Int32) { self.code = code }

    /// The reason of the failure that just happened (`errno` now).
    public static var current: SystemReason { SystemReason(errno) }

    /// The POSIX reason inside a Foundation error (its own code or an underlying one), if it has one.
    public init?(_ error: any Error) {
        var next: NSError? = error as NSError
        while let nsError = next {
            if nsError.domain == NSPOSIXErrorDomain {
                self.init(Int32(nsError.code))
                return
            }
            next = (nsError.userInfo[NSUnderlyingErrorKey] as? any Error).map { $0 as NSError }
        }
        return nil
    }

    /// What the system says, in English (`strerror`).
    public var systemText: String { String(cString: strerror(code)) }

    public func text(_ language: Language) -> String {
        guard let words = Self.words[code] else {
            return CoreWords.systemError(code, systemText).text(language)
        }
        return words.text(language)
    }

    private static let words: [Int32: LocalizedText] = [
        ENOENT: LocalizedText(zh: "没有这个文件或文件夹", en: "no such file or folder"),
        EACCES: LocalizedText(zh: "没有权限", en: "permission denied"),
        EPERM: LocalizedText(zh: "不允许这样操作", en: "operation not permitted"),
        EROFS: LocalizedText(zh: "所在的磁盘是只读的", en: "the disk is read-only"),
        ENOSPC: LocalizedText(zh: "磁盘已满", en: "the disk is full"),
        EDQUOT: LocalizedText(zh: "超出了磁盘配额", en: "the disk quota is exceeded"),
        EFBIG: LocalizedText(zh: "文件太大", en: "the file is too large"),
        EEXIST: LocalizedText(zh: "已经存在", en: "it already exists"),
        ENOTDIR: LocalizedText(zh: "路径中有一部分不是文件夹", en: "a part of the path is not a folder"),
        EISDIR: LocalizedText(zh: "这是文件夹，不是文件", en: "it is a folder, not a file"),
        ENOTEMPTY: LocalizedText(zh: "文件夹不是空的", en: "the folder is not empty"),
        EIO: LocalizedText(
            zh: "读写出错，磁盘或它的连接可能有问题", en: "input/output error: the disk or its connection may be failing"),
        ENAMETOOLONG: LocalizedText(zh: "名称太长", en: "the name is too long"),
        ELOOP: LocalizedText(zh: "符号链接太多层", en: "too many levels of symbolic links"),
        EMFILE: LocalizedText(zh: "同时打开的文件太多", en: "too many open files"),
        ENFILE: LocalizedText(zh: "系统中打开的文件太多", en: "too many open files in the system"),
        ENOMEM: LocalizedText(zh: "内存不足", en: "not enough memory"),
        EXDEV: LocalizedText(zh: "不能跨磁盘移动", en: "it cannot be moved across disks"),
        EBUSY: LocalizedText(zh: "正被占用", en: "it is busy"),
        ETXTBSY: LocalizedText(zh: "正被占用", en: "it is busy"),
        ENXIO: LocalizedText(zh: "设备不存在或没有连接", en: "the device is absent or not connected"),
        ENODEV: LocalizedText(zh: "设备不存在", en: "no such device"),
        EINVAL: LocalizedText(zh: "参数无效", en: "invalid argument"),
        EAGAIN: LocalizedText(zh: "暂时无法完成，请重试", en: "temporarily unavailable; try again"),
        EINTR: LocalizedText(zh: "操作被中断", en: "the operation was interrupted"),
        ESTALE: LocalizedText(zh: "网络文件已失效", en: "the network file is stale"),
        ENOTCONN: LocalizedText(zh: "连接已断开", en: "not connected"),
        ETIMEDOUT: LocalizedText(zh: "超时", en: "timed out"),
    ]
}

extension LocalizedText {
    /// Both wordings of a message.
    public init(_ message: any BilingualMessage) {
        self.init(zh: message.text(.zh), en: message.text(.en))
    }
}
