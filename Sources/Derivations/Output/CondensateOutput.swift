import Analysis
import ArbitraryPrecision
import Foundation
import OutputFormats

/// `keldysh solve`'s printout: every condensate found, each value to the digits its two node
/// rules share (and one more Newton step leaves).
public func render(_ o: CondensateOutcome, json: Bool) -> String {
    let r = o.result
    func item(_ s: Condensate, _ k: Int) -> [(String, String, Int)] {
        var out = zip([o.frequencyName, o.amplitudeName, "polarisation", "rho"], s.verified).map { ($0, significant($1.value, $1.digits), $1.digits) }
        if let p = o.precise?[k] {
            let (dm, dp) = (min(p.muDigits, o.requestedDigits), min(p.psiDigits, o.requestedDigits))
            out[0] = (o.frequencyName, significant(p.mu, dm), dm)
            out[1] = (o.amplitudeName, significant(p.psi, dp), dp)
            let v = p.observables
            let (dpol, drho) = (min(v.polarisationDigits, o.requestedDigits), min(v.rhoDigits, o.requestedDigits))
            out[2] = ("polarisation", significant(v.polarisation, dpol), dpol)
            out[3] = ("rho", significant(v.rho, drho), drho)
        }
        return out
    }
    func polish(_ p: PreciseCondensate) -> (method: String, rules: String) {
        let n = Int((1 / p.coarseStep).rounded())
        return ("Newton on (Re, Im) A38/\(o.amplitudeName) = 0 in (\(o.frequencyName), \(o.amplitudeName)^2) at \(p.precision) bits from the double-precision root, \(p.iterations) steps, \(p.jacobians) finite-difference Jacobians, \(p.evaluations) evaluations",
                "\(p.nodes.coarse)- and \(p.nodes.fine)-node rules (steps 1/\(n) and 1/\(2 * n), |t| <= \(p.limit))")
    }
    let method = o.reading == .g0
        ? "A60-A61 by Powell's dogleg; G0^K(tau = 0) in closed form (residues and digammas)"
        : "A60-A61 by Powell's dogleg; G0^K(tau = 0) in closed form, G - G0 by the sinh-sinh rule, Sigma[G0] in closed form"
    if json {
        return JSONValue.object([
            ("reading", .string(o.reading.rawValue)),
            ("solutions", .array(r.solutions.enumerated().map { k, s in
                var fields: [(String, JSONValue)] = item(s, k).map { ($0.0, .object([("value", .string($0.1)), ("digits", .int($0.2))])) } + [
                    ("n_b", .double(s.occupations.b)), ("n_a", .double(s.occupations.a)),
                    ("coherence", .array([.double(s.coherence.real), .double(s.coherence.imaginary)])),
                    ("residual", .double(s.residual))]
                if let p = o.precise?[k] {
                    let n = Int((1 / p.coarseStep).rounded())
                    fields.append(("mpfr", .object([
                        ("precision_bits", .int(p.precision)),
                        ("steps", .array([.string("1/\(n)"), .string("1/\(2 * n)")])), ("limit", .double(p.limit)),
                        ("nodes", .array([.int(p.nodes.coarse), .int(p.nodes.fine)])),
                        ("newton_steps", .int(p.iterations)), ("jacobians", .int(p.jacobians)), ("evaluations", .int(p.evaluations)),
                        ("coarse", .array([.string(p.coarseMu.toString(digits: o.requestedDigits + 5)), .string(p.coarsePsi.toString(digits: o.requestedDigits + 5))])),
                        ("fine", .array([.string(p.mu.toString(digits: o.requestedDigits + 5)), .string(p.psi.toString(digits: o.requestedDigits + 5))])),
                        ("agreed_digits", .array([.int(p.muDigits), .int(p.psiDigits)])),
                        ("observables", .object([
                            ("polarisation", .array([.string(p.observables.coarsePolarisation.toString(digits: o.requestedDigits + 5)),
                                                     .string(p.observables.polarisation.toString(digits: o.requestedDigits + 5))])),
                            ("rho", .array([.string(p.observables.coarseRho.toString(digits: o.requestedDigits + 5)),
                                            .string(p.observables.rho.toString(digits: o.requestedDigits + 5))])),
                            ("agreed_digits", .array([.int(p.observables.polarisationDigits), .int(p.observables.rhoDigits)])),
                            ("tail", .array([.string(String(format: "%.1e", p.observables.polarisationTail)),
                                             .string(String(format: "%.1e", p.observables.rhoTail))])),
                        ])),
                        ("tail", .string(String(format: "%.1e", p.tail))),
                        ("method", .string(polish(p).method)),
                        ("verified_by", .string("two rules, not certified: " + polish(p).rules)),
                    ])))
                }
                return .object(fields)
            })),
            ("starts", .int(o.starts)),
            ("nodes", .array([.int(r.nodes.coarse), .int(r.nodes.fine)])),
            ("method", .string(method)),
            ("verified_by", .string(o.reading == .g0
                ? "the closed form against the sinh-sinh rule (\(r.nodes.coarse) nodes, step \(o.step / 2)) on G0, and one more Newton step"
                : "two node rules (step \(o.step) and \(o.step / 2)) and one more Newton step")),
            ("notes", .array(o.notes.map { .string($0) })),
        ]).fieldPerLine
    }
    var lines = ["reading: \(o.reading.rawValue): \(o.reading.summary)",
                 "\(r.solutions.count) condensate\(r.solutions.count == 1 ? "" : "s") (\(o.amplitudeName) > 0) from \(o.starts) starts"]
    for (n, s) in r.solutions.enumerated() {
        lines.append("condensate \(n + 1):")
        for (name, value, digits) in item(s, n) { lines.append("  \(name) = \(value)   (\(digits) digits)") }
        lines.append("  n_b = \(String(format: "%.6f", s.occupations.b)), n_a = \(String(format: "%.6f", s.occupations.a)); |A38/\(o.amplitudeName)| = \(String(format: "%.1e", s.residual))")
        if let p = o.precise?[n] {
            let d = o.requestedDigits + 5
            lines += ["  polished: " + polish(p).method,
                      "  verified (two rules), not certified: \(polish(p).rules) give",
                      "    \(o.frequencyName): \(p.coarseMu.toString(digits: d)) and \(p.mu.toString(digits: d)) (\(p.muDigits) digits shared)",
                      "    \(o.amplitudeName): \(p.coarsePsi.toString(digits: d)) and \(p.psi.toString(digits: d)) (\(p.psiDigits) digits shared)",
                      "    the truncated tail moves them by \(String(format: "%.0e", p.tail)) relative",
                      "    polarisation (each rule at its root): \(p.observables.coarsePolarisation.toString(digits: d)) and \(p.observables.polarisation.toString(digits: d)) (\(p.observables.polarisationDigits) digits shared, tail \(String(format: "%.0e", p.observables.polarisationTail)))",
                      "    rho: \(p.observables.coarseRho.toString(digits: d)) and \(p.observables.rho.toString(digits: d)) (\(p.observables.rhoDigits) digits shared, tail \(String(format: "%.0e", p.observables.rhoTail)))"]
        }
    }
    lines.append("method: " + method)
    if o.reading == .g0 {
        lines.append("verified: the closed form against the \(r.nodes.coarse)-node rule on G0 (the digits shown are those they share and one more Newton step leaves)")
    } else {
        lines.append("verified: \(r.nodes.coarse)- and \(r.nodes.fine)-node rules (the digits shown are those they share and one more Newton step leaves)")
    }
    lines += o.notes.map { "note: " + $0 }
    return lines.joined(separator: "\n")
}
