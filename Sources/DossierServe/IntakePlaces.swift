import DossierRules
import Foundation

/// What the 收件 page offers to take in, so that the office picks a drive instead of typing its path: the drives
/// mounted under the roots (`/media/…`, `/run/media/…`, `/mnt/…`), and the roots and the folders right inside them
/// that hold bundles (unit folders or zips), each with how many it holds. Listed as the folder browser lists,
/// never following a symlink.
struct IntakePlaces: Sendable {
    enum Kind: Sendable {
        case drive
        case folder
    }

    struct Place: Sendable {
        var path: String
        var kind: Kind
        /// Unit folders and zips right inside it.
        var bundles: Int
    }

    /// At most this many places are offered; the rest are reached through the folder browser.
    static let limit = 40

    /// Where removable drives are mounted on Debian-family desktops.
    static let driveFolders = ["/media/", "/run/media/", "/mnt/"]

    /// The places under `roots` (without `skipping`, the drop zone's working folder, nor the archive, what is in it,
    /// or what holds it: intake refuses an archive inside what it takes in); `mountInfo` is the text of
    /// `/proc/self/mountinfo`.
    static func find(
        roots: AllowedRoots, skipping: String?, archive: String? = nil, layout: LayoutFile, mountInfo: String?
    ) -> [Place] {
        var places: [Place] = []
        var seen: Set<String> = []
        let archive = archive.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }
        func within(_ path: String, _ folder: String) -> Bool { path == folder || path.hasPrefix(folder + "/") }
        func add(_ path: String, _ kind: Kind, _ bundles: Int) {
            guard places.count < limit, skipping.map({ !within(path, $0) }) ?? true,
                archive.map({ !within(path, $0) && !within($0, path) }) ?? true, seen.insert(path).inserted
            else { return }
            places.append(Place(path: path, kind: kind, bundles: bundles))
        }
        for mountPoint in mountPoints(mountInfo ?? "")
        where driveFolders.contains(where: { mountPoint.hasPrefix($0) }) && !roots.isRoot(mountPoint) {
            guard let path = try? roots.resolve(mountPoint) else { continue }
            add(path, .drive, bundleCount(path, layout: layout))
        }
        for root in roots.roots where root != skipping {
            guard let listing = FolderListing.list(root, layout: layout) else { continue }
            let direct = listing.entries.filter { $0.kind == .unit || $0.kind == .zip }.count
            if direct > 0 { add(root, .folder, direct) }
            for entry in listing.entries where entry.kind == .folder {
                let count = bundleCount(entry.path, layout: layout)
                if count > 0 { add(entry.path, .folder, count) }
            }
        }
        return places
    }

    /// Unit folders and zips right inside `folder`.
    static func bundleCount(_ folder: String, layout: LayoutFile) -> Int {
        FolderListing.list(folder, layout: layout)?.entries.filter { $0.kind == .unit || $0.kind == .zip }.count ?? 0
    }

    /// The mount points of a `mountinfo` text (the fifth field, its `\ooo` escapes decoded), in order.
    static func mountPoints(_ mountInfo: String) -> [String] {
        mountInfo.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ", omittingEmptySubsequences: false)
            return fields.count > 4 ? unescape(fields[4]) : nil
        }
    }

    /// `text` with the kernel's octal escapes (`\040` for a space) decoded; nil when the result is not UTF-8.
    static func unescape(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var rest = Array(text.utf8)[...]
        while let first = rest.first {
            if first == UInt8(ascii: "\\"), rest.count >= 4,
                let value = UInt8(String(decoding: rest.dropFirst().prefix(3), as: UTF8.self), radix: 8)
            {
                bytes.append(value)
                rest = rest.dropFirst(4)
            } else {
                bytes.append(first)
                rest = rest.dropFirst()
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
