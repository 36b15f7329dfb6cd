import DossierBundles
import DossierCore
import DossierFiles
import DossierInspect
import DossierReport
import DossierRules
import Foundation

/// What `seal` produced.
public enum SealOutcome {
    /// Errors remain: nothing was written. The report says why.
    case refused(Report)
    /// The sealed zip is at `path`.
    case sealed(path: String, fingerprint: Fingerprint, report: Report)
}
