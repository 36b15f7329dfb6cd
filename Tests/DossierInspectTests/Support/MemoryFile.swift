import DossierCore
import DossierFiles
import DossierTestSupport
import Foundation
import Testing

@testable import DossierInspect

/// Bytes in memory, read like a file.
final class MemoryFile: RandomAccess {
    let bytes: [UInt8]
    private(set) var bytesRead: UInt64 = 0
    init(_ bytes: [UInt8]) { self.bytes = bytes }
    var size: UInt64 { UInt64(bytes.count) }
    func read(at offset: UInt64, count: Int) -> [UInt8]? {
        guard count >= 0, offset <= size, UInt64(count) <= size - offset else { return nil }
        bytesRead += UInt64(count)
        return Array(bytes[Int(offset)..<Int(offset) + count])
    }
}
