import DossierInspect

/// libFuzzer's entry point: the first byte chooses the parser, the rest is its input. Every parser must return
/// (facts or a problem) in bounded time and memory; a crash, a hang or a leak is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 0 else { return 0 }
    let input = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    switch data[0] % 6 {
    case 0:
        // Small bounds keep each run fast; the checks are the same at any bound.
        _ = JPEGInspector.inspect(input, limits: JPEGLimits(maximumPixels: 4_000_000, maximumScans: 50))
    case 1:
        _ = try? MP4Reader().read(MemoryRandomAccess(input))
    case 2:
        guard let archive = try? ZipArchive(MemoryRandomAccess(input)) else { return 0 }
        for entry in archive.entries.prefix(8) { _ = try? archive.contents(entry, limit: 1 << 20) }
    case 3:
        _ = try? OfficeReader.docx(input)
    case 4:
        _ = try? OfficeReader.xlsx(input)
    default:
        _ = try? XMLStream.read(input, maximumEvents: 100_000) { _ in }
    }
    return 0
}
