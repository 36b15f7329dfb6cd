/// A structure-aware mutator for libFuzzer. Random bytes almost never spell a 64-bit size near 2^64 at the one
/// place a parser reads it, so part of the time this mutator finds the formats' own length fields (box sizes,
/// entry counts, zip sizes and offsets, JPEG segment lengths) and writes a boundary value there; the rest of the
/// time it leaves the input to libFuzzer's default mutations. It draws only from libFuzzer's `seed`, so a run is
/// reproducible with `-seed=N`.

/// libFuzzer's default mutations, which the custom mutator may call.
@_silgen_name("LLVMFuzzerMutate")
func LLVMFuzzerMutate(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int) -> Int

@_cdecl("LLVMFuzzerCustomMutator")
public func customMutator(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int, _ seed: UInt32) -> Int {
    var random = SplitMix(seed: UInt64(seed))
    var result = 0
    // One time in three, or when there is no body to understand, libFuzzer's own mutations.
    if size > 1, random.below(3) != 0 {
        var body = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
        if FormatMutator.mutate(&body, as: Parser.chosen(by: data[0]), random: &random), body.count < maxSize {
            for (index, byte) in body.enumerated() { data[1 + index] = byte }
            result = body.count + 1
        }
    }
    if result == 0 { result = LLVMFuzzerMutate(data, size, maxSize) }
    if let only = Parser.only, result > 0 { data[0] = only.rawValue }
    return result
}

/// A small deterministic generator (SplitMix64): the mutator's only source of choices.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    // Wrapping arithmetic is the algorithm here, not file data.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<bound (0 when bound is 0).
    mutating func below(_ bound: Int) -> Int { bound <= 0 ? 0 : Int(next() % UInt64(bound)) }

    mutating func pick<T>(_ items: [T]) -> T? { items.isEmpty ? nil : items[below(items.count)] }
}

/// A number field in the input: where it is, how wide, in which byte order.
struct Field {
    var offset: Int
    var width: Int
    var bigEndian: Bool

    func fits(_ bytes: [UInt8]) -> Bool { offset >= 0 && width > 0 && offset + width <= bytes.count }

    func read(_ bytes: [UInt8]) -> UInt64 {
        var value: UInt64 = 0
        for index in 0..<width {
            let byte = UInt64(bytes[offset + (bigEndian ? index : width - 1 - index)])
            value = value << 8 | byte
        }
        return value
    }

    /// Writes the low `width` bytes of `value`.
    func write(_ value: UInt64, into bytes: inout [UInt8]) {
        for index in 0..<width {
            let byte = UInt8(truncatingIfNeeded: value >> (8 * UInt64(index)))
            bytes[offset + (bigEndian ? width - 1 - index : index)] = byte
        }
    }
}

enum FormatMutator {
    /// The values at which size arithmetic breaks: empty, one, just under and at a header's length, the signed and
    /// unsigned limits of 32 and 64 bits.
    static let boundaries: [UInt64] = [0, 1, 7, 8, 1 << 31, (1 << 32) - 1, 1 << 63, .max]

    /// Mutates `body` (the input without its parser byte) as the chosen parser's format; false when it found
    /// nothing to mutate.
    static func mutate(_ body: inout [UInt8], as parser: Parser, random: inout SplitMix) -> Bool {
        switch parser {
        case .jpeg:
            return mutateField(in: &body, fields: JPEGFields.find(body), random: &random)
        case .mp4:
            if random.below(6) == 0, MP4Fields.makeLargeSize(&body, random: &random) { return true }
            return mutateField(in: &body, fields: MP4Fields.find(body), random: &random)
        case .zip:
            return mutateField(in: &body, fields: ZipFields.find(body), random: &random)
        case .docx, .xlsx:
            if random.below(2) == 0, StoredZip.mutateText(&body, random: &random) { return true }
            return mutateField(in: &body, fields: ZipFields.find(body), random: &random)
        case .xml:
            return XMLText.mutate(&body, random: &random)
        }
    }

    /// Overwrites one of `fields` with a boundary value.
    static func mutateField(in bytes: inout [UInt8], fields: [Field], random: inout SplitMix) -> Bool {
        guard let field = random.pick(fields.filter { $0.fits(bytes) }) else { return false }
        field.write(boundaryValue(for: field, in: bytes, random: &random), into: &bytes)
        return true
    }

    /// A boundary value, the field's own value, the file's size or the field's own offset, nudged by ±1 or ±16
    /// (or a small delta) half of the time; written truncated to the field's width.
    static func boundaryValue(for field: Field, in bytes: [UInt8], random: inout SplitMix) -> UInt64 {
        let bits = UInt64(field.width * 8)
        let widthMaximum: UInt64 = bits >= 64 ? .max : (1 << bits) - 1
        let candidates =
            boundaries + [
                widthMaximum, widthMaximum >> 1 + 1, UInt64(bytes.count), UInt64(field.offset), field.read(bytes),
            ]
        var value = random.pick(candidates) ?? 0
        if random.below(2) == 0 {
            let deltas: [Int64] = [-16, -1, 1, 16, Int64(random.below(17)) - 8]
            // Wrapping on purpose: 0 − 1 is the maximum, the maximum + 1 is 0.
            value = value &+ UInt64(bitPattern: random.pick(deltas) ?? 0)
        }
        return value
    }
}
