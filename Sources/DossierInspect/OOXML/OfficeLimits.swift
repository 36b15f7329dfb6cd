import DossierCore
import Foundation

/// Limits on what reading one Office document may cost (its zip and its XML).
public struct OfficeLimits: Sendable, Equatable {
    public var zip: ZipLimits
    public var maximumPartBytes: Int
    public var maximumEvents: Int
    public var maximumRows: Int
    public var maximumColumns: Int

    public init(
        zip: ZipLimits = ZipLimits(
            maximumEntries: 10_000, maximumEntryBytes: 256 << 20, maximumTotalBytes: 512 << 20, maximumRatio: 200),
        maximumPartBytes: Int = 128 << 20, maximumEvents: Int = 20_000_000, maximumRows: Int = 20_000,
        maximumColumns: Int = 256
    ) {
        self.zip = zip
        self.maximumPartBytes = maximumPartBytes
        self.maximumEvents = maximumEvents
        self.maximumRows = maximumRows
        self.maximumColumns = maximumColumns
    }
}
