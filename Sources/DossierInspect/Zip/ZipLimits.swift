import DossierFiles
import Foundation

/// Limits on what reading a zip may cost.
public struct ZipLimits: Sendable, Equatable {
    public var maximumEntries: Int
    public var maximumEntryBytes: UInt64
    public var maximumTotalBytes: UInt64
    public var maximumRatio: UInt64

    public init(
        maximumEntries: Int = 100_000, maximumEntryBytes: UInt64 = 8 << 30, maximumTotalBytes: UInt64 = 64 << 30,
        maximumRatio: UInt64 = 200
    ) {
        self.maximumEntries = maximumEntries
        self.maximumEntryBytes = maximumEntryBytes
        self.maximumTotalBytes = maximumTotalBytes
        self.maximumRatio = maximumRatio
    }
}
