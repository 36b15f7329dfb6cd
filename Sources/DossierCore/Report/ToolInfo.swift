/// The tool that wrote a report.
public struct ToolInfo: Codable, Sendable, Equatable {
    public var name: String
    public var version: String
    public init(name: String = "dossier", version: String = DossierVersion.current) {
        self.name = name
        self.version = version
    }
}
