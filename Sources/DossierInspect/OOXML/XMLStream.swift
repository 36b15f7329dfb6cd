import CXMLShim

/// Streams an XML part through libxml2's reader (in `CXMLShim`, with safe options only: TECH-NOTES). A document
/// type declaration or an entity reference ends the read: entity bombs and external entities never run.
public enum XMLStream {
    /// Calls `handle` with every event of `bytes`, stopping after `maximumEvents` nodes.
    public static func read(_ bytes: [UInt8], maximumEvents: Int = 5_000_000, _ handle: (XMLEvent) throws -> Void)
        throws
    {
        try bytes.withUnsafeBufferPointer { buffer in
            guard let reader = CXMLShim_open(buffer.baseAddress, buffer.count) else {
                throw XMLProblem.malformed("empty")
            }
            defer { CXMLShim_close(reader) }
            var count = 0
            while true {
                let status = CXMLShim_next(reader)
                if status == 0 { break }
                guard status == 1 else {
                    throw XMLProblem.malformed(CXMLShim_error(reader).map { String(cString: $0) } ?? "cannot be read")
                }
                count += 1
                if count > maximumEvents { throw XMLProblem.tooLarge(maximumEvents) }
                switch CXMLShim_type(reader) {
                case 1:
                    let name = string(CXMLShim_name(reader))
                    let empty = CXMLShim_is_empty(reader) == 1
                    var attributes: [String: String] = [:]
                    while CXMLShim_next_attribute(reader) == 1 {
                        attributes[string(CXMLShim_name(reader))] = string(CXMLShim_value(reader))
                    }
                    CXMLShim_to_element(reader)
                    try handle(.start(name: name, attributes: attributes, empty: empty))
                    if empty { try handle(.end(name: name)) }
                case 15:
                    try handle(.end(name: string(CXMLShim_name(reader))))
                case 3, 4, 13, 14:
                    try handle(.text(string(CXMLShim_value(reader))))
                case 10:
                    throw XMLProblem.forbidden("a document type declaration (DTD)")
                case 5, 6:
                    throw XMLProblem.forbidden("an entity")
                default:
                    break
                }
            }
            if let error = CXMLShim_error(reader) { throw XMLProblem.malformed(String(cString: error)) }
        }
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
