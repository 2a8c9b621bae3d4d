import Analysis
import Foundation
import OutputFormats

/// `keldysh solve`'s printout: every condensate found, each value to the digits its two node
/// rules share (and one more Newton step leaves).
public func render(_ o: CondensateOutcome, json: Bool) -> String {
    let r = o.result
    func item(_ s: Condensate) -> [(String, String, Int)] {
        zip([o.frequencyName, o.amplitudeName, "polarisation", "rho"], s.verified).map { ($0, significant($1.value, $1.digits), $1.digits) }
    }
    let method = o.reading == .g0
        ? "A60-A61 by Powell's dogleg; G0^K(tau = 0) in closed form (residues and digammas)"
        : "A60-A61 by Powell's dogleg; G0^K(tau = 0) in closed form, G - G0 by the sinh-sinh rule, Sigma[G0] in closed form"
    if json {
        return JSONValue.object([
            ("reading", .string(o.reading.rawValue)),
            ("solutions", .array(r.solutions.map { s in
                .object(item(s).map { ($0.0, .object([("value", .string($0.1)), ("digits", .int($0.2))])) } + [
                    ("n_b", .double(s.occupations.b)), ("n_a", .double(s.occupations.a)),
                    ("coherence", .array([.double(s.coherence.real), .double(s.coherence.imaginary)])),
                    ("residual", .double(s.residual))])
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
        for (name, value, digits) in item(s) { lines.append("  \(name) = \(value)   (\(digits) digits)") }
        lines.append("  n_b = \(String(format: "%.6f", s.occupations.b)), n_a = \(String(format: "%.6f", s.occupations.a)); |A38/\(o.amplitudeName)| = \(String(format: "%.1e", s.residual))")
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
