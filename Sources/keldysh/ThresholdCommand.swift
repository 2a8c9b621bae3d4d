import Analysis
import ArbitraryPrecision
import ArgumentParser
import Foundation
import Symbolic

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
    @Option(help: "Significant digits.") var digits = 30
    @Option(help: "Find the zero of this expression instead of the stability crossing.") var expr: String?
    @Option(help: "resultant (exact elimination, Sturm isolation), bracket (MPFR bisection), or auto.") var method = "auto"

    func run() throws {
        try runReporting {
            let input = try ModelInput.load(path: options.model, needMatrix: expr == nil)
            let ctx = input.parameters
            let p = try ctx.symbol(named: vary)
            let (loE, hiE) = try ctx.interval(interval)
            let lo = loE.numberValue!.re, hi = hiE.numberValue!.re
            let values = try ctx.assignments(options.settings)
            if let expr {
                let e = try ctx.parse(expr, what: "--expr")
                let resolved = try resolveAssignments(values)
                let z = try bracketedZero(parameter: p.name, lower: lo, upper: hi, digits: digits, what: expr,
                                          try expressionFunction(e.substitute(resolved), parameter: p))
                return render(z)
            }
            let problem = try StabilityProblem(matrix: try input.requireMatrix(), free: [p], values: values)
            if method != "bracket" {
                do {
                    return render(try certifiedThresholds(problem, lower: lo, upper: hi, digits: digits))
                } catch let e as AnalysisError {
                    guard method == "auto", case .numerical = e else { throw e }
                    FileHandle.standardError.write(Data("note: resultant route unavailable (\(e)); using MPFR bracketing\n".utf8))
                }
            }
            return render(try bracketedZero(parameter: p.name, lower: lo, upper: hi, digits: digits, what: "max Re λ",
                                            try maxRealPartFunction(problem)))
        }
    }

    func render(_ ts: [CertifiedThreshold]) -> String {
        if options.json {
            let items = ts.map { t in
                "{\"parameter\": \"\(t.parameter)\", \"value\": \"\(t.value)\", \"digits\": \(t.digits), \"lower\": \"\(t.lower)\", \"upper\": \"\(t.upper)\", \"method\": \"\(t.method)\", \"crossing\": \"\(t.crossing)\", \"frequency\": \(t.frequency), \"unstable\": \"\(t.direction > 0 ? "above" : "below")\", \"resultant_degree\": \(t.resultantDegree ?? 0), \"proof\": [\(t.proof.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\\\"") + "\"" }.joined(separator: ", "))]}"
            }
            return "[" + items.joined(separator: ",\n ") + "]"
        }
        return ts.map { t in
            "\(t.parameter) = \(t.value)  (\(t.digits) digits; \(t.crossing == "real" ? "a real eigenvalue" : "a complex pair, ω = \(t.frequency),") crosses; unstable \(t.direction > 0 ? "above" : "below"))\n"
                + "bracket: [\(t.lower.decimalString(t.digits + 5)), \(t.upper.decimalString(t.digits + 5))]\n"
                + t.proof.map { "  " + $0 }.joined(separator: "\n")
        }.joined(separator: "\n\n")
    }

    func render(_ z: BracketedZero) -> String {
        if options.json {
            return "{\"parameter\": \"\(z.parameter)\", \"value\": \"\(z.value)\", \"digits\": \(z.digits), \"lower\": \"\(z.lower)\", \"upper\": \"\(z.upper)\", \"method\": \"bracket\", \"runs\": [\(z.runs.map { "{\"working_digits\": \($0.digits), \"value\": \"\($0.value)\"}" }.joined(separator: ", "))]}"
        }
        return "\(z.parameter) = \(z.value)  (\(z.digits) digits, MPFR bracketing)\n" + z.proof.map { "  " + $0 }.joined(separator: "\n")
    }
}

extension BigRational {
    func decimalString(_ digits: Int) -> String { BigFloat(self, precision: BigFloat.bits(forDigits: digits + 10)).toString(digits: digits) }
}
