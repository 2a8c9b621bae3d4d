import Analysis
import ArgumentParser
import Derivations

/// `keldysh spectrum`: eigenvalues of the stability matrix with verified digits and its
/// characteristic polynomial, about the model's steady point or a steady state of `keldysh
/// steady` (`--about N`).
///
///     keldysh spectrum model.kd --set gup=3/10 --set lambda=7/10 ... --digits 30 [--about 1]
struct SpectrumCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "spectrum",
        abstract: "Eigenvalues with verified digits and the characteristic polynomial (text, LaTeX, JSON).")

    @OptionGroup var options: AnalysisModelOptions
    @Option(help: "Significant digits.") var digits = 30
    @Option(help: "Linearise about steady state N of `keldysh steady` (same settings), by index or by name (SR: the first so named), instead of the model's steady point.")
    var about: String?
    @Flag(help: "Print LaTeX.") var latex = false

    func validate() throws {
        if latex && options.json { throw ValidationError("--latex and --json select different outputs; give one") }
    }

    func run() throws {
        var o = SpectrumOptions(model: options.model)
        o.settings = options.settings
        o.digits = digits
        o.about = about
        let format: SpectrumFormat = options.json ? .json : latex ? .latex : .text
        try keldysh.run {
            let outcome = try spectrum(o)
            return (render(outcome, format: format), outcome.notes)
        }
    }
}
