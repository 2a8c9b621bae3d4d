import Analysis
import ArgumentParser
import Derivations

/// `keldysh solve`: the condensed solutions of a field-theory model's saddle point (paper 000
/// A60–A61) for μ_S and ψ_f, with Sec. IV's observables.
///
///     keldysh solve model.kd --set g=1 --set h=0.8 … --reading first-order
struct SolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "solve",
        abstract: "Condensed solutions (mu_S, psi_f) of a field-theory model's saddle point, with polarisation and spin density.")

    @OptionGroup var options: AnalysisModelOptions
    @Option(help: "What G is in A51: g0, one-shot, first-order, self-consistent.") var reading: DysonReading = .oneShot
    @Option(help: "The window lo:hi the starts spread the condensate's frequency over.") var window = "-5:5"
    @Option(help: "A start mu,psi (repeatable) instead of the grid of starts (with --sweep: for the first point and after a gap).") var start: [String] = []
    @Option(help: "Significant digits of mu_S and psi_f the two node rules must share (1 to 9 in double precision; 10 to 60 polished in MPFR, one-shot and first-order).") var digits = 6
    @Option(help: "The condensates along a parameter, P=lo:hi:n, each point continued from the last (needs --out).") var sweep: String?
    @Option(help: "With --sweep: the output folder (observables.csv, observables.svg).") var out: String?

    func run() throws {
        var o = CondensateOptions(model: options.model)
        o.settings = options.settings
        o.reading = reading
        o.window = window
        o.digits = digits
        o.starts = try parseStarts(start)
        o.progress = true
        if let sweep {
            guard let out else { throw ValidationError("--sweep writes a folder: give --out DIR") }
            guard digits <= CondensateOptions.doubleDigits else {
                throw ValidationError("--sweep computes each condensate in double precision: --digits 1 to \(CondensateOptions.doubleDigits)")
            }
            try keldysh.run {
                let rows = try condensateSweep(CondensateSweepOptions(base: o, sweep: sweep, out: out))
                return (render(rows, parameter: sweep, out: out, json: options.json), [])
            }
            return
        }
        try keldysh.run {
            let outcome = try solveCondensate(o)
            return (render(outcome, json: options.json), [])
        }
    }
}

/// `--start mu,psi` options as (μ_S, ψ_f) pairs.
func parseStarts(_ options: [String]) throws -> [(mu: Double, psi: Double)] {
    try options.map { s in
        let parts = s.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let mu = parts[0], let psi = parts[1], mu.isFinite, psi.isFinite else {
            throw ValidationError("--start \(s): expected two numbers mu,psi (a negative mu needs --start=-0.1,0.3)")
        }
        return (mu, psi)
    }
}
