/// Text mutations for XML and for the XML parts of Office files (docx, xlsx), which are zips.

/// XML: the constructs a hostile part would use against an Office reader.
enum XMLText {
    /// Inserted whole: declarations that must be refused, and cell references, string indices and numbers past
    /// every integer width.
    static let insertions: [String] = [
        "<!DOCTYPE x [<!ENTITY e \"eeeeeeeeee\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;\">]>",
        "<!DOCTYPE x SYSTEM \"file:///etc/passwd\">", "&f;", "&#0;", "&#x110000;", "<![CDATA[",
        " r=\"A99999999999999999999\"", " r=\"XFD1048577\"", " r=\"\"", " s=\"18446744073709551616\"", " s=\"-1\"",
        " t=\"s\"", " t=\"inlineStr\"", "<c r=\"A1\" t=\"s\"><v>4294967295</v></c>", "<v>99999999999999999999</v>",
        "<v>-9223372036854775809</v>", "<v>1e400</v>", "<v>NaN</v>", "<w:t xml:space=\"preserve\">",
    ]
    /// Replacements for a run of digits.
    static let numbers: [String] = [
        "0", "-1", "4294967295", "4294967296", "9223372036854775807", "9223372036854775808",
        "18446744073709551615", "18446744073709551616", "99999999999999999999", "1e309",
    ]

    /// Inserts a construct after a `>` (or at the start), or replaces a run of digits with an extreme number.
    static func mutate(_ text: inout [UInt8], random: inout SplitMix) -> Bool {
        let digitRuns = text.indices.filter {
            isDigit(text[$0]) && ($0 == 0 || !isDigit(text[$0 - 1]))
        }
        if random.below(2) == 0, let start = random.pick(digitRuns) {
            var end = start
            while end < text.count, isDigit(text[end]) { end += 1 }
            text.replaceSubrange(start..<end, with: Array((random.pick(numbers) ?? "0").utf8))
            return true
        }
        let places = [0] + text.indices.filter { text[$0] == UInt8(ascii: ">") }.map { $0 + 1 }
        let place = random.pick(places) ?? 0
        text.insert(contentsOf: Array((random.pick(insertions) ?? "").utf8), at: place)
        return true
    }

    static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
}

/// A zip whose entries are stored (not compressed), as the seeds' re-zipped Office files are: one XML part is
/// mutated as text and the zip is written again with true sizes, offsets and CRCs, so that the Office reader gets
/// past the zip layer to the XML.
enum StoredZip {
    struct Entry {
        var name: [UInt8]
        var method: UInt16
        var crc: UInt32
        var uncompressedSize: UInt32
        var data: [UInt8]
    }

    static func mutateText(_ bytes: inout [UInt8], random: inout SplitMix) -> Bool {
        var entries = readLocalEntries(bytes)
        let xmlParts = entries.indices.filter {
            entries[$0].method == 0
                && (entries[$0].name.suffix(4) == Array(".xml".utf8)
                    || entries[$0].name.suffix(5) == Array(".rels".utf8))
        }
        guard let chosen = random.pick(xmlParts) else { return false }
        guard XMLText.mutate(&entries[chosen].data, random: &random) else { return false }
        entries[chosen].crc = crc32(entries[chosen].data)
        entries[chosen].uncompressedSize = UInt32(truncatingIfNeeded: entries[chosen].data.count)
        bytes = write(entries)
        return true
    }

    /// The entries in file order, from their local headers; stops at the first one it cannot follow (a data
    /// descriptor, a size past the end), which the rewrite then leaves out.
    static func readLocalEntries(_ bytes: [UInt8]) -> [Entry] {
        var entries: [Entry] = []
        var position = 0
        func number(_ offset: Int, _ width: Int) -> Int {
            Int(Field(offset: position + offset, width: width, bigEndian: false).read(bytes))
        }
        while position + 30 <= bytes.count, number(0, 4) == 0x0403_4B50, number(6, 2) & 8 == 0 {
            let nameStart = position + 30
            let dataStart = nameStart + number(26, 2) + number(28, 2)
            let dataEnd = dataStart + number(18, 4)
            guard dataEnd <= bytes.count else { break }
            entries.append(
                Entry(
                    name: Array(bytes[nameStart..<(nameStart + number(26, 2))]), method: UInt16(number(8, 2)),
                    crc: UInt32(number(14, 4)), uncompressedSize: UInt32(number(22, 4)),
                    data: Array(bytes[dataStart..<dataEnd])))
            position = dataEnd
        }
        return entries
    }

    /// A plain zip (no extra fields, no ZIP64) of `entries`.
    static func write(_ entries: [Entry]) -> [UInt8] {
        var out: [UInt8] = []
        var directory: [UInt8] = []
        func append(_ value: Int, _ width: Int, to bytes: inout [UInt8]) {
            for index in 0..<width { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * index))) }
        }
        for entry in entries {
            let offset = out.count
            for (target, fixed) in [(0, 30), (1, 46)] {
                var header: [UInt8] = []
                append(target == 0 ? 0x0403_4B50 : 0x0201_4B50, 4, to: &header)
                if target == 1 { append(20, 2, to: &header) }  // made by
                append(20, 2, to: &header)  // needed to extract
                append(0, 2, to: &header)  // flags
                append(Int(entry.method), 2, to: &header)
                append(0, 4, to: &header)  // time and date
                append(Int(entry.crc), 4, to: &header)
                append(entry.data.count, 4, to: &header)
                append(Int(entry.uncompressedSize), 4, to: &header)
                append(entry.name.count, 2, to: &header)
                append(0, 2, to: &header)  // extra length
                if target == 1 {
                    append(0, 8, to: &header)  // comment length, disk, internal and (part of) external attributes
                    append(0, 2, to: &header)
                    append(offset, 4, to: &header)
                }
                assert(header.count == fixed)
                if target == 0 { out += header + entry.name + entry.data } else { directory += header + entry.name }
            }
        }
        let directoryOffset = out.count
        out += directory
        append(0x0605_4B50, 4, to: &out)
        append(0, 4, to: &out)
        append(entries.count, 2, to: &out)
        append(entries.count, 2, to: &out)
        append(directory.count, 4, to: &out)
        append(directoryOffset, 4, to: &out)
        append(0, 2, to: &out)
        return out
    }

    /// CRC-32 (the zip polynomial), bit by bit: the parts are small and this runs once per mutation.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
