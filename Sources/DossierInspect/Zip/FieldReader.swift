import DossierFiles
import Foundation

/// Fixed fields of one zip record, read from `bytes` at `base`: a short record is `ZipError.corrupt`, never a trap.
struct FieldReader {
    let bytes: [UInt8]
    let base: Int
    let what: String

    init(_ bytes: [UInt8], at base: Int, what: String) {
        self.bytes = bytes
        self.base = base
        self.what = what
    }

    /// A size, offset or count of `width` bytes at `offset` into the record.
    func number(_ offset: Int, _ width: Int) throws -> FileNumber {
        let (at, overflow) = base.addingReportingOverflow(offset)
        guard !overflow, let value = bytes.littleEndian(at: at, width: width) else { throw ZipError.corrupt(what) }
        return value
    }

    /// A 16-bit length (a name, an extra field, a comment), as an `Int` for slicing.
    func length(_ offset: Int) throws -> Int { Int(try short(offset)) }

    /// A 16-bit field that is not a quantity (flags, a method, a version).
    func short(_ offset: Int) throws -> UInt16 { UInt16(truncatingIfNeeded: try number(offset, 2).value) }

    /// A 32-bit field that is not a quantity (a checksum, attributes).
    func word(_ offset: Int) throws -> UInt32 { UInt32(truncatingIfNeeded: try number(offset, 4).value) }
}
