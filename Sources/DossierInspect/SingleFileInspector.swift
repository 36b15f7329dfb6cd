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
            let words =
                switch self {
                case .missing(let path): ReaderWords.noSuchFile(path)
                case .notARegularFile(let path, .symbolicLink):
                    ReaderWords.notARegularFile(path, ReaderWords.symbolicLink)
                case .notARegularFile(let path, .folder): ReaderWords.notARegularFile(path, ReaderWords.folder)
                case .notARegularFile(let path, .specialFile):
                    ReaderWords.notARegularFile(path, ReaderWords.specialFile)
                case .unreadable(let path): ReaderWords.cannotRead(path)
                }
            return words.text(language)
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
                    ? ReaderWords.tooManyPixels
                    : inspection.problem.map { LocalizedText(JPEGProblem($0)) }
            } catch {
                problem = ReaderWords.unreadable(error)
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
        case .zip where ["docx", "xlsx"].contains(FileNameParts(path).extension):
            entry.kind = FileNameParts(path).extension == "docx" ? .form : .summary
        case .ole2:
            problem = ReaderWords.legacyOffice
        case .matroska, .avi, .flv:
            entry.kind = .video
            problem = ReaderWords.notMP4OrMOV(content.rawValue)
        default:
            break
        }
        return Result(entry: entry, content: content, problem: problem, bytesRead: bytesRead)
    }
}
