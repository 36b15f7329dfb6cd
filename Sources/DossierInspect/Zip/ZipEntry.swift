import CZlibShim
import DossierFiles
import Foundation

/// One entry of a zip's central directory. Its sizes and offset are `FileNumber`s: they come from the file, so
/// any sum or product of them is checked.
public struct ZipEntry: Sendable, Equatable {
    /// The name as decoded: UTF-8 when flagged or valid, else GB18030 (Chinese Windows zip tools).
    public var name: String
    public var rawName: [UInt8]
    /// True when the name was decoded from GBK/GB18030.
    public var nameWasGBK: Bool
    public var method: UInt16
    public var flags: UInt16
    public var crc32: UInt32
    public var compressedSize: FileNumber
    public var uncompressedSize: FileNumber
    public var localHeaderOffset: FileNumber
    /// Unix mode bits when the entry was made on Unix (0 otherwise).
    public var unixMode: UInt32
    /// Its place in the central directory (from 0): entries that share a name stay apart by it.
    public var index: Int

    public var isDirectory: Bool { name.hasSuffix("/") }
    public var isSymlink: Bool { unixMode & 0o170000 == 0o120000 }
}
