import ArgumentParser
import DossierCore
import Foundation

/// The run's language, known before parsing (`--lang` in the arguments, else `LANG`/`LC_ALL`): every help text,
/// argument error and failure is worded in it.
let runLanguage = commandLineLanguage()

/// `zh` or `en`, whichever the run speaks.
func words(_ zh: String, _ en: String) -> String { runLanguage == .zh ? zh : en }

extension ArgumentHelp {
    /// Help for an option or argument in the run's language.
    static func words(_ zh: String, _ en: String) -> ArgumentHelp { ArgumentHelp(runLanguage == .zh ? zh : en) }
}
