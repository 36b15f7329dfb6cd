/// Reads the bits of a NAL unit's payload, most significant first, with the emulation-prevention bytes (the 3 in
/// 00 00 03) taken out. Every read returns nil past the end.
struct BitReader {
    private var bytes: [UInt8] = []
    private var position = 0

    init(unescaping payload: ArraySlice<UInt8>) {
        bytes.reserveCapacity(payload.count)
        var zeros = 0
        for byte in payload {
            if zeros >= 2 && byte == 3 {
                zeros = 0
                continue
            }
            bytes.append(byte)
            zeros = byte == 0 ? zeros + 1 : 0
        }
    }

    private var remaining: Int { bytes.count * 8 - position }

    /// The next `width` bits (at most 32) as a number.
    mutating func read(_ width: Int) -> UInt64? {
        guard width >= 0, width <= 32, width <= remaining else { return nil }
        var value: UInt64 = 0
        for _ in 0..<width {
            value = value << 1 | UInt64(bytes[position >> 3] >> (7 - UInt8(position & 7)) & 1)
            position += 1
        }
        return value
    }

    /// Skips `count` bits; false when there are not that many.
    mutating func skip(_ count: Int) -> Bool {
        guard count >= 0, count <= remaining else { return false }
        position += count
        return true
    }

    /// An unsigned exp-Golomb code, at most 2^32 − 2 (no syntax element codes more).
    mutating func ue() -> UInt64? {
        var zeros = 0
        while true {
            guard let bit = read(1) else { return nil }
            if bit == 1 { break }
            zeros += 1
            guard zeros < 32 else { return nil }
        }
        guard let suffix = read(zeros) else { return nil }
        return (UInt64(1) << UInt64(zeros)) - 1 + suffix
    }

    /// A signed exp-Golomb code.
    mutating func se() -> Int64? {
        guard let code = ue() else { return nil }
        let magnitude = Int64((code + 1) / 2)
        return code % 2 == 1 ? magnitude : -magnitude
    }

    /// Skips an H.264 scaling list of `size` entries (§7.3.2.1.1.1): deltas until the next scale comes to 0.
    mutating func skipScalingList(_ size: Int) -> Bool {
        var last: Int64 = 8
        var next: Int64 = 8
        for _ in 0..<size {
            if next != 0 {
                guard let delta = se(), (-128...127).contains(delta) else { return false }
                next = (last + delta + 256) % 256
            }
            last = next == 0 ? last : next
        }
        return true
    }
}
