import Foundation

/// Progress of long work (checking, sealing, verifying): files and bytes done out of the totals.
public struct WorkProgress: Sendable {
    public var files: Int
    public var totalFiles: Int
    public var bytes: UInt64
    public var totalBytes: UInt64

    public init(files: Int, totalFiles: Int, bytes: UInt64, totalBytes: UInt64) {
        self.files = files
        self.totalFiles = totalFiles
        self.bytes = bytes
        self.totalBytes = totalBytes
    }
}
