import Foundation
import Analysis
import ArgumentParser
import Derivations

extension ThresholdMethod: ExpressibleByArgument {}
extension CrossingSelection: ExpressibleByArgument {}
extension DysonReading: ExpressibleByArgument {}
extension ThresholdCriterion: ExpressibleByArgument {}

/// `keldysh threshold`: where the largest real part of the stability matrix's eigenvalues
/// (or a user expression) crosses zero, to D certified digits.
///
///     keldysh threshold model.kd --vary gup --in 0.5:1 --set 'gdown=1-gup' --set lambda=1/5 ... --digits 50
struct ThresholdCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "threshold",
        abstract: "Certified threshold: the parameter value where max Re λ (or --expr) crosses zero.")

    @OptionGroup var options: AnalysisModelOptions
    @Option(help: "The parameter to vary.") var vary: String
    @Option(name: .customLong("in"), help: "The search interval lo:hi.") var interval: String
    @Option(help: "Significant digits (default 30; field-theory models: 6, up to 9 in double precision, 10 to 60 polished in MPFR).") var digits: Int?
    @Option(help: "Find the zero of this expression instead of the stability crossing.") var expr: String?
    @Option(help: "resultant (exact elimination, Sturm isolation), bracket (MPFR bisection), or auto.") var method: ThresholdMethod = .auto
    @Option(help: "max (where stability changes: max Re λ changes sign), real (a real eigenvalue crosses 0), complex (a complex pair crosses at ±iω), or any.")
    var crossing: CrossingSelection = .max
    @Flag(help: "List every root of R in the interval: every crossing of either kind, and the roots where nothing crosses.")
    var all = false
    @Option(help: "Follow steady state N (its index, or its name such as SR) of `keldysh steady` (found with these settings and the varied parameter at the interval's lower end) along the parameter, and report its crossings (bracketed).")
    var about: String?
    @Option(help: "Field-theory models (a selfenergy statement): what G is in A51 — g0, one-shot, first-order, self-consistent.")
    var reading: DysonReading = .oneShot
    @Option(help: "Field-theory models: b15 (the normal state's fluctuation kernel K1^R(0) vanishes) or a38 (a condensate branch of A38 leaves psi_f = 0).")
    var criterion: ThresholdCriterion = .b15
    @Option(help: "Field-theory models: the window lo:hi searched for the condensate's frequency.")
    var window = "-5:5"
    @Option(help: "Field-theory models: the threshold as a function of P, P=lo:hi:n (needs --out).")
    var sweep: String?
    @Option(help: "Field-theory models with --sweep: the readings to compute, comma-separated.")
    var readings = "one-shot,first-order"
    @Option(help: "Field-theory models with --sweep: the output folder (threshold.csv, threshold.svg).")
    var out: String?
    @Flag(help: "Field-theory models: certify a zero of K1^R(omega) in a box around the threshold (Poincare-Miranda; exact rational --set values).")
    var certify = false

    func run() throws {
        if isCondensationModel(options.model) {
            var o = CondensationOptions(model: options.model, vary: vary, interval: interval)
            o.settings = options.settings
            o.reading = reading
            o.criterion = criterion
            o.window = window
            o.digits = digits ?? 6
            o.progress = true
            o.certify = certify
            if let sweep {
                guard !certify else { throw ValidationError("--certify takes one threshold, not a --sweep") }
                guard let out else { throw ValidationError("--sweep writes a folder: give --out DIR") }
                var list: [DysonReading] = []
                for r in readings.split(separator: ",") {
                    guard let x = DysonReading(rawValue: r.trimmingCharacters(in: .whitespaces)) else {
                        throw ValidationError("--readings: unknown reading '\(r)' (g0, one-shot, first-order, self-consistent)")
                    }
                    list.append(x)
                }
                try keldysh.run {
                    let rows = try condensationSweep(CondensationSweepOptions(base: o, sweep: sweep, readings: list, out: out))
                    return (render(rows, parameter: vary, out: out, json: options.json), [])
                }
                return
            }
            try keldysh.run {
                let outcome = try findCondensationThreshold(o)
                return (render(outcome, json: options.json), [])
            }
            return
        }
        var o = ThresholdOptions(model: options.model, vary: vary, interval: interval)
        o.settings = options.settings
        o.digits = digits ?? 30
        o.expression = expr
        o.method = method
        o.crossing = crossing
        o.all = all
        o.about = about
        try keldysh.run {
            let outcome = try threshold(o)
            return (render(outcome, json: options.json), outcome.notes)
        }
    }
}
