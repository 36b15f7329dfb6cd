/// A field read from a document, with the label it came from.
public struct FieldFact: Codable, Sendable, Equatable {
    public var value: String
    public var label: String
    public init(value: String, label: String) {
        self.value = value
        self.label = label
    }
}
