import CXMLShim

/// One event of a streamed XML document.
public enum XMLEvent: Equatable {
    case start(name: String, attributes: [String: String], empty: Bool)
    case end(name: String)
    case text(String)
}
