import Testing

@testable import DossierServe

/// The `Range` header as the file route answers it: one range, or the whole file, or 416.
@Suite struct ByteRangeTests {
    @Test func oneRangeOfEveryForm() {
        #expect(ByteRange.parse("bytes=0-99", size: 1000) == .part(offset: 0, count: 100))
        #expect(ByteRange.parse("bytes=100-", size: 1000) == .part(offset: 100, count: 900))
        #expect(ByteRange.parse("bytes=-100", size: 1000) == .part(offset: 900, count: 100))
        #expect(ByteRange.parse("bytes=999-999", size: 1000) == .part(offset: 999, count: 1))
        #expect(ByteRange.parse(" bytes = 10 - 19 ", size: 1000) == .whole)
        #expect(ByteRange.parse("bytes=10 - 19", size: 1000) == .part(offset: 10, count: 10))
        #expect(ByteRange.parse("Bytes=0-0", size: 1000) == .part(offset: 0, count: 1))
    }

    @Test func rangesPastTheEndAreCutOrRefused() {
        // An end past the file ends at the file's end; a suffix longer than the file is the whole file.
        #expect(ByteRange.parse("bytes=500-5000", size: 1000) == .part(offset: 500, count: 500))
        #expect(ByteRange.parse("bytes=0-99999999999999999999999", size: 1000) == .part(offset: 0, count: 1000))
        #expect(ByteRange.parse("bytes=-5000", size: 1000) == .part(offset: 0, count: 1000))
        #expect(ByteRange.parse("bytes=1000-", size: 1000) == .unsatisfiable)
        #expect(ByteRange.parse("bytes=99999999999999999999999-", size: 1000) == .unsatisfiable)
        #expect(ByteRange.parse("bytes=-0", size: 1000) == .unsatisfiable)
        #expect(ByteRange.parse("bytes=0-", size: 0) == .unsatisfiable)
        #expect(ByteRange.parse("bytes=-1", size: 0) == .unsatisfiable)
        #expect(ByteRange.parse("bytes=18446744073709551615-", size: .max) == .unsatisfiable)
        #expect(ByteRange.parse("bytes=-18446744073709551615", size: .max) == .part(offset: 0, count: .max))
    }

    @Test func whatIsNotOneByteRangeIsTheWholeFile() {
        for header in [
            nil, "", "bytes=", "bytes=-", "bytes=0-1,5-6", "items=0-1", "bytes=a-b", "bytes=5-1", "bytes=+1-2",
            "bytes=0x10-", "bytes=１-２", "bytes=1-2-3",
        ] {
            #expect(ByteRange.parse(header, size: 1000) == .whole, "\(header ?? "nil")")
        }
    }
}
