import COpenCVShim
import Foundation

/// A Haar cascade loaded by OpenCV (through `COpenCVShim`). Cascades are loaded once per process and kept: they are
/// read-only data that every check of the run shares, and detection is serialised inside the shim.
public final class HaarCascade: @unchecked Sendable {
    /// Where it was loaded from.
    public let path: String
    private let handle: OpaquePointer

    private init(path: String, handle: OpaquePointer) {
        self.path = path
        self.handle = handle
    }

    deinit { COpenCVShim_release(handle) }

    /// The file's name, as reports say it.
    public var fileName: String { (path as NSString).lastPathComponent }

    /// The width of the window the cascade was trained on, in pixels: nothing narrower is found.
    public var windowWidth: Int { Int(COpenCVShim_window_width(handle)) }

    /// OpenCV's version ("4.6.0").
    public static var openCVVersion: String { String(cString: COpenCVShim_version()) }

    /// Why a cascade could not be had.
    public enum LoadProblem: Error, Sendable, Equatable {
        /// No folder searched holds the file.
        case missing(name: String, searched: [String])
        /// The file is there but OpenCV cannot load it.
        case unreadable(path: String, reason: String)
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var loaded: [String: Result<HaarCascade, LoadProblem>] = [:]

    /// The cascade `name` from the first of `folders` that holds it (`$DOSSIER_CASCADES` is searched first), loaded
    /// once per process.
    public static func named(_ name: String, in folders: [String]) -> Result<HaarCascade, LoadProblem> {
        var searched = folders
        if let extra = ProcessInfo.processInfo.environment["DOSSIER_CASCADES"], !extra.isEmpty {
            searched.insert(extra, at: 0)
        }
        let key = ([name] + searched).joined(separator: "\u{0}")
        lock.lock()
        defer { lock.unlock() }
        if let known = loaded[key] { return known }
        let result = load(name, searched: searched)
        loaded[key] = result
        return result
    }

    private static func load(_ name: String, searched: [String]) -> Result<HaarCascade, LoadProblem> {
        guard !name.contains("/"),
            let path = searched.map({ ($0 as NSString).appendingPathComponent(name) }).first(where: {
                FileManager.default.isReadableFile(atPath: $0)
            })
        else { return .failure(.missing(name: name, searched: searched)) }
        var problem = [CChar](repeating: 0, count: 256)
        guard let handle = COpenCVShim_load(path, &problem, problem.count) else {
            let reason = String(decoding: problem.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            return .failure(.unreadable(path: path, reason: reason))
        }
        return .success(HaarCascade(path: path, handle: handle))
    }

    /// The objects found in `region` of `image` (whole image by default), largest first, in the image's pixels;
    /// nil when OpenCV failed. With `workShortSide`, the search runs on a copy shrunk to that shorter side.
    public func detect(
        in image: GreyImage, region: PixelRect? = nil, scaleFactor: Double, minimumNeighbours: Int, minimumSize: Int,
        workShortSide: Int = 0
    ) -> [PixelRect]? {
        let area = (region ?? image.bounds).clamped(to: image.bounds)
        guard area.width > 0, area.height > 0 else { return [] }
        let capacity = 64
        var found = [COpenCVShim_Rect](repeating: COpenCVShim_Rect(), count: capacity)
        let count = image.pixels.withUnsafeBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return COpenCVShim_detect(
                handle, base + area.y * image.width + area.x, Int32(area.width), Int32(area.height),
                Int32(image.width), scaleFactor, Int32(minimumNeighbours), Int32(minimumSize),
                Int32(clamping: workShortSide), &found, Int32(capacity))
        }
        guard count >= 0 else { return nil }
        return found.prefix(Int(count)).map {
            PixelRect(x: Int($0.x) + area.x, y: Int($0.y) + area.y, width: Int($0.width), height: Int($0.height))
        }
    }
}
