import DossierFiles
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Why a zip cannot be read.
public enum ZipError: Error, Equatable, CustomStringConvertible {
    case notAZip
    case truncated(String)
    case corrupt(String)
    case unsupportedMethod(UInt16)
    case encrypted
    case tooLarge(entry: String, bytes: UInt64)
    case ratio(entry: String, ratio: UInt64, bytes: UInt64)
    case crcMismatch(entry: String)

    public var description: String {
        switch self {
        case .notAZip: "not a zip file (no end-of-central-directory record)"
        case .truncated(let what): "cut short: \(what)"
        case .corrupt(let what): "damaged: \(what)"
        case .unsupportedMethod(let method): "compression method \(method) is not supported"
        case .encrypted: "encrypted entries cannot be read"
        case .tooLarge(let entry, let bytes): "\(entry) expands to \(bytes) bytes"
        case .ratio(let entry, let ratio, _): "\(entry) expands \(ratio) times its stored size"
        case .crcMismatch(let entry): "\(entry): CRC-32 does not match"
        }
    }
}
