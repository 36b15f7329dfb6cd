import DossierCore
import DossierFiles

#if canImport(Glibc)
    import Glibc
#endif

/// Measures one file given on the command line (`dossier inspect`), whatever its name.
public enum SingleFileInspector {
    /// What inspecting one file gave.
    public struct Result: Sendable {
        public var entry: FileEntry
        public var content: ContentType
        /// libjpeg's or the video reader's complaint, or why the file could not be read, in both languages (the
        /// English is the reader's own words).
        public var problem: LocalizedText?
        /// How many bytes of the file were read (videos: box headers and `moov` only).
        public var bytesRead: UInt64
    }

    /// Why a file could not be inspected at all.
    public enum InspectError: Error, Equatable, BilingualMessage {
        case missing(String)
        case notARegularFile(String, What)
        case unreadable(String)

        public enum What: Sendable, Equatable {
            case symbolicLink, folder, specialFile
        }

        public func text(_ language: Language) -> String {
            let zh = language == .zh
            switch self {
            case .missing(let path): return zh ? "找不到文件“\(path)”。" : "\(path): no such file"
            case .notARegularFile(let path, let what):
                let name =
                    switch what {
                    case .symbolicLink: zh ? "符号链接（快捷方式，不会跟随）" : "a symbolic link"
                    case .folder: zh ? "文件夹" : "a folder"
                    case .specialFile: zh ? "特殊文件" : "a special file"
                    }
                return zh
                    ? "“\(path)”是\(name)，不是普通文件。"
                    : "\(path): \(name), not a regular file (never followed)"
            case .unreadable(let path): return zh ? "无法读取“\(path)”（没有读取权限）。" : "\(path): cannot be read"
            }
        }
    }

    /// Inspects the file at `path`, never following a symlink, reading at most `limit` bytes.
    public static func inspect(
        _ path: String, jpegLimits: JPEGLimits = JPEGLimits(), limit: Int = 268_435_456,
        videoLimits: MP4Limits = MP4Limits()
    ) throws(InspectError) -> Result {
        let location = RawPath(path)
        guard let info = location.linkStatus() else { throw .missing(path) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFLNK: throw .notARegularFile(path, .symbolicLink)
        case S_IFDIR: throw .notARegularFile(path, .folder)
        default: throw .notARegularFile(path, .specialFile)
        }
        guard let prefix = FileBytes.readPrefix(location, count: 32) else { throw .unreadable(path) }
        let content = ContentType.sniff(prefix)
        var entry = FileEntry(path: path, kind: .unknown, bytes: Int(info.st_size))
        var problem: LocalizedText?
        var bytesRead: UInt64 = UInt64(min(entry.bytes, 32))
        switch content {
        case .jpeg:
            entry.kind = .photo
            bytesRead = UInt64(entry.bytes)
            do {
                let inspection = JPEGInspector.inspect(
                    try FileBytes.readAll(location, limit: limit), limits: jpegLimits)
                entry.jpeg = inspection.facts
                problem =
                    inspection.tooLarge
                    ? LocalizedText(zh: "文件头声称的像素太多：没有解码", en: "header claims too many pixels: not decoded")
                    : inspection.problem.map { LocalizedText(JPEGProblem($0)) }
            } catch {
                problem = LocalizedText(zh: "无法读取", en: "\(error)")
            }
        case .mp4, .mov:
            entry.kind = .video
            if let file = FileRandomAccess(location) {
                do {
                    entry.video = try MP4Reader(limits: videoLimits).read(file)
                } catch {
                    problem = LocalizedText(error)
                }
                bytesRead = file.bytesRead
            }
        case .zip where ["docx", "xlsx"].contains(FileNameParts.lowercasedExtension(path)):
            entry.kind = FileNameParts.lowercasedExtension(path) == "docx" ? .form : .summary
        case .ole2:
            problem = LocalizedText(
                zh: "这是旧式二进制 Office 文档（.doc/.xls/.wps/.et）：请另存为 .docx 或 .xlsx",
                en: "an old binary Office document (.doc/.xls/.wps/.et): save it as .docx or .xlsx")
        case .matroska, .avi, .flv:
            entry.kind = .video
            problem = LocalizedText(
                zh: "\(content.rawValue) 不是 MP4 或 MOV", en: "\(content.rawValue) is not MP4 or MOV")
        default:
            break
        }
        return Result(entry: entry, content: content, problem: problem, bytesRead: bytesRead)
    }
}

/// The lower-cased extension of a path (DossierRules has the full name parts).
enum FileNameParts {
    static func lowercasedExtension(_ path: String) -> String {
        guard let dot = path.lastIndex(of: "."), dot != path.startIndex else { return "" }
        return path[path.index(after: dot)...].lowercased()
    }
}
