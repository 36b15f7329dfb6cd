/// The version written into reports and printed by `--version`.
public enum DossierVersion {
    public static let current = "0.1.0"
}
