/// Where the length, count and offset fields of each binary format lie. The finders read their input as it is,
/// damaged or not, and never fail: a field they cannot place is simply not offered to the mutator.

/// MP4/QuickTime: the box tree, its sizes and largesizes, and the numbers of the boxes the reader uses.
enum MP4Fields {
    /// Boxes whose payload is a list of boxes.
    static let containers: Set<String> = [
        "moov", "trak", "mdia", "minf", "stbl", "edts", "dinf", "udta", "mvex", "moof", "traf", "mfra",
    ]
    /// Full boxes whose version/flags are followed by an entry count and a table.
    static let tables: Set<String> = ["stts", "stsz", "stco", "co64", "stsc", "elst", "trun", "ctts", "stss", "stz2"]
    /// Sample entries (inside `stsd`) and where their child boxes (avcC, hvcC, esds) begin.
    static let sampleEntries: [String: Int] = [
        "avc1": 78, "avc3": 78, "hvc1": 78, "hev1": 78, "mp4v": 78, "mp4a": 28,
    ]

    static func find(_ bytes: [UInt8]) -> [Field] {
        var fields: [Field] = []
        walk(bytes, from: 0, to: bytes.count, depth: 0, into: &fields)
        return fields
    }

    /// Every box header in `start..<end`, and inside each box the numbers worth lying about.
    static func walk(_ bytes: [UInt8], from start: Int, to end: Int, depth: Int, into fields: inout [Field]) {
        var position = start
        while position + 8 <= end, depth < 12, fields.count < 4096 {
            let sizeField = Field(offset: position, width: 4, bigEndian: true)
            let size = Int(sizeField.read(bytes))
            let type = String(decoding: bytes[(position + 4)..<(position + 8)], as: UTF8.self)
            fields.append(sizeField)
            var header = 8
            var boxEnd = size == 0 ? end : position + size
            if size == 1, position + 16 <= end {
                let large = Field(offset: position + 8, width: 8, bigEndian: true)
                fields.append(large)
                header = 16
                let value = large.read(bytes)
                boxEnd = value > UInt64(end - position) ? end : position + Int(value)
            }
            if boxEnd < position + header || boxEnd > end { boxEnd = end }
            let payload = position + header
            if containers.contains(type) {
                walk(bytes, from: payload, to: boxEnd, depth: depth + 1, into: &fields)
            } else if type == "meta" {
                walk(bytes, from: payload + 4, to: boxEnd, depth: depth + 1, into: &fields)
            } else if type == "stsd" {
                fields.append(Field(offset: payload + 4, width: 4, bigEndian: true))
                walkSampleEntries(bytes, from: payload + 8, to: boxEnd, depth: depth + 1, into: &fields)
            } else if type != "mdat" && type != "free" {
                leafNumbers(bytes, payload: payload, end: boxEnd, table: tables.contains(type), into: &fields)
            }
            position = boxEnd
        }
    }

    /// Sample entries: their sizes, picture dimensions (visual entries) and child boxes.
    static func walkSampleEntries(
        _ bytes: [UInt8], from start: Int, to end: Int, depth: Int, into fields: inout [Field]
    ) {
        var position = start
        while position + 8 <= end {
            let size = Int(Field(offset: position, width: 4, bigEndian: true).read(bytes))
            let type = String(decoding: bytes[(position + 4)..<(position + 8)], as: UTF8.self)
            fields.append(Field(offset: position, width: 4, bigEndian: true))
            guard size >= 8, position + size <= end else { return }
            if let children = sampleEntries[type] {
                if children == 78 {
                    fields.append(Field(offset: position + 32, width: 2, bigEndian: true))  // width
                    fields.append(Field(offset: position + 34, width: 2, bigEndian: true))  // height
                }
                walk(bytes, from: position + 8 + children, to: position + size, depth: depth + 1, into: &fields)
            }
            position += size
        }
    }

    /// A leaf box's leading 32- and 64-bit words (timescales, durations, counts, flags-dependent offsets) and, for a
    /// table, its entry count and a few of its entries.
    static func leafNumbers(_ bytes: [UInt8], payload: Int, end: Int, table: Bool, into fields: inout [Field]) {
        for word in stride(from: payload + 4, to: min(end, payload + 68), by: 4) {
            fields.append(Field(offset: word, width: 4, bigEndian: true))
            fields.append(Field(offset: word, width: 8, bigEndian: true))
        }
        if table, end > payload + 16 {
            // Entries deep in the table: a count of 2^32 − 1 matters only together with the entries it claims.
            for entry in stride(from: payload + 8, to: end, by: max(4, (end - payload) / 8)) {
                fields.append(Field(offset: entry, width: 4, bigEndian: true))
            }
        }
    }

    /// Turns one 32-bit box header into the 64-bit form (size 1 and an 8-byte largesize), with a boundary largesize:
    /// the form the earlier fuzzing never produced.
    static func makeLargeSize(_ bytes: inout [UInt8], random: inout SplitMix) -> Bool {
        let headers = find(bytes).filter { $0.width == 4 && $0.fits(bytes) && $0.read(bytes) > 1 }
        guard let header = random.pick(headers), header.offset + 8 <= bytes.count else { return false }
        let size = header.read(bytes)
        let large = [size + 8] + FormatMutator.boundaries
        let value = random.pick(large) ?? .max
        header.write(1, into: &bytes)
        var inserted = [UInt8](repeating: 0, count: 8)
        Field(offset: 0, width: 8, bigEndian: true).write(value, into: &inserted)
        bytes.insert(contentsOf: inserted, at: header.offset + 8)
        return true
    }
}

/// Zip: local headers, central directory entries, the end record, the ZIP64 end record and its locator, and the
/// ZIP64 extra fields, found by their signatures wherever they are.
enum ZipFields {
    static func find(_ bytes: [UInt8]) -> [Field] {
        var fields: [Field] = []
        var position = 0
        while position + 4 <= bytes.count, fields.count < 4096 {
            defer { position += 1 }
            guard bytes[position] == 0x50, bytes[position + 1] == 0x4B else { continue }
            let offsets: [(Int, Int)]
            switch (bytes[position + 2], bytes[position + 3]) {
            case (3, 4):  // local header: flags, method, crc, sizes, name and extra lengths
                offsets = [(6, 2), (8, 2), (14, 4), (18, 4), (22, 4), (26, 2), (28, 2)]
                extraFields(bytes, header: position, lengths: 26, fixed: 30, into: &fields)
            case (1, 2):  // central entry: method, sizes, lengths, disk, local offset
                offsets = [(10, 2), (16, 4), (20, 4), (24, 4), (28, 2), (30, 2), (32, 2), (34, 2), (42, 4)]
                extraFields(bytes, header: position, lengths: 28, fixed: 46, into: &fields)
            case (5, 6):  // end record: disks, counts, directory size and offset, comment length
                offsets = [(4, 2), (6, 2), (8, 2), (10, 2), (12, 4), (16, 4), (20, 2)]
            case (6, 6):  // ZIP64 end record: its size, disks, counts, directory size and offset
                offsets = [(4, 8), (16, 4), (20, 4), (24, 8), (32, 8), (40, 8), (48, 8)]
            case (6, 7):  // ZIP64 locator: disk, offset of the ZIP64 end record, disk count
                offsets = [(4, 4), (8, 8), (16, 4)]
            case (7, 8):  // data descriptor: crc and sizes
                offsets = [(4, 4), (8, 4), (12, 4)]
            default:
                offsets = []
            }
            fields += offsets.map { Field(offset: position + $0.0, width: $0.1, bigEndian: false) }
        }
        return fields
    }

    /// The extra fields after a header's name: each one's length and, in a ZIP64 extra (id 1), its 8-byte values.
    static func extraFields(_ bytes: [UInt8], header: Int, lengths: Int, fixed: Int, into fields: inout [Field]) {
        guard header + fixed <= bytes.count else { return }
        let nameLength = Int(Field(offset: header + lengths, width: 2, bigEndian: false).read(bytes))
        let extraLength = Int(Field(offset: header + lengths + 2, width: 2, bigEndian: false).read(bytes))
        var position = header + fixed + nameLength
        let end = min(bytes.count, position + extraLength)
        while position + 4 <= end {
            let id = Field(offset: position, width: 2, bigEndian: false).read(bytes)
            let length = Int(Field(offset: position + 2, width: 2, bigEndian: false).read(bytes))
            fields.append(Field(offset: position + 2, width: 2, bigEndian: false))
            if id == 1 {
                for value in stride(from: position + 4, to: min(end, position + 4 + length), by: 8) {
                    fields.append(Field(offset: value, width: 8, bigEndian: false))
                }
            }
            position += 4 + length
        }
    }
}

/// JPEG: every marker segment's length up to the first scan, and the frame header's precision, height, width and
/// component count.
enum JPEGFields {
    static func find(_ bytes: [UInt8]) -> [Field] {
        var fields: [Field] = []
        var position = 2
        while position + 4 <= bytes.count, fields.count < 1024 {
            guard bytes[position] == 0xFF else { position += 1; continue }
            let marker = bytes[position + 1]
            if marker == 0xFF || marker == 0 || (0xD0...0xD9).contains(marker) { position += 2; continue }
            let length = Field(offset: position + 2, width: 2, bigEndian: true)
            fields.append(length)
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                fields.append(Field(offset: position + 4, width: 1, bigEndian: true))  // precision
                fields.append(Field(offset: position + 5, width: 2, bigEndian: true))  // height
                fields.append(Field(offset: position + 7, width: 2, bigEndian: true))  // width
                fields.append(Field(offset: position + 9, width: 1, bigEndian: true))  // components
            }
            if marker == 0xDA {
                fields.append(Field(offset: position + 4, width: 1, bigEndian: true))  // components in scan
            }
            // After a scan header the loop skips the entropy-coded data up to the next marker that is not a
            // stuffed byte (FF 00) or a restart.
            position += 2 + Int(length.read(bytes))
        }
        return fields
    }
}
