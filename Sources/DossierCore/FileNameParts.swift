/// A file name split into stem and extension (the extension lower-cased, without the dot).
public struct FileNameParts: Sendable, Equatable {
    public var stem: String
    public var rawExtension: String
    public var `extension`: String { rawExtension.lowercased() }

    public init(_ name: String) {
        if let dot = name.lastIndex(of: "."), dot != name.startIndex {
            stem = String(name[..<dot])
            rawExtension = String(name[name.index(after: dot)...])
        } else {
            stem = name
            rawExtension = ""
        }
    }
}
