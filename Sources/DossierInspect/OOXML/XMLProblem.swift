import CXMLShim

/// Why an XML part was refused.
public enum XMLProblem: Error, Equatable, CustomStringConvertible {
    case malformed(String)
    /// A DTD or entity reference: Office parts have none, and they are how entity bombs and external entities work.
    case forbidden(String)
    case tooLarge(Int)

    public var description: String {
        switch self {
        case .malformed(let message): "damaged XML (\(message))"
        case .forbidden(let what): "\(what) is not allowed in an Office document"
        case .tooLarge(let events): "more than \(events) XML nodes"
        }
    }
}
