import DossierCore

/// A photo or video whose name reads as this candidate's 姓名+序号.
public struct AttributedMedia: Sendable {
    public var file: ScannedFile
    public var name: MediaName
}
