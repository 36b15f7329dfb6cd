import DossierCore

/// A family of checks over a scanned bundle (one file each under `Checks/`). Checks do no I/O.
public protocol CheckFamily: Sendable {
    /// Every rule the family can emit: each needs triggering and non-triggering examples.
    static var ruleIDs: [RuleID] { get }
    /// Judges `bundle`, emitting into `sink`.
    func run(_ bundle: ScannedBundle, ruleSet: RuleSet, sink: FindingSink)
}
