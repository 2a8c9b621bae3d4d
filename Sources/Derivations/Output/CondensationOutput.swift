import Analysis
import ArbitraryPrecision
import Foundation
import OutputFormats

/// x to d significant digits, digits that were verified and no more (`%.{d−1}e` shortened to
/// plain decimals when the exponent is small).
func significant(_ x: Double, _ d: Int) -> String {
    let d = max(1, d)
    if x == 0 { return "0" }
    let e = Int(Foundation.floor(Foundation.log10(abs(x))))
    if e >= -4 && e < d { return String(format: "%.\(max(0, d - 1 - e))f", x) }
    return String(format: "%.\(d - 1)e", x)
}

/// x to d significant digits in MPFR, in the same plain-decimal form as `significant(_:_:)`.
func significant(_ x: BigFloat, _ d: Int) -> String {
    let d = max(1, d)
    if x.isZero { return "0" }
    let s = x.toString(digits: d)
    guard let e = s.firstIndex(of: "e"), let exponent = Int(s[s.index(after: e)...]) else { return s }
    let negative = s.hasPrefix("-")
    let digits = s[..<e].filter(\.isNumber)
    guard exponent >= -4 && exponent < d else { return s }
    let body: String
    if exponent >= 0 {
        let whole = digits.prefix(exponent + 1), rest = digits.dropFirst(exponent + 1)
        body = rest.isEmpty ? String(whole) : "\(whole).\(rest)"
    } else {
        body = "0." + String(repeating: "0", count: -exponent - 1) + digits
    }
    return (negative ? "-" : "") + body
}

/// `keldysh threshold`'s printout for a field-theory model.
public func render(_ o: CondensationOutcome, json: Bool) -> String {
    if let p = o.precise { return render(o, precise: p, json: json) }
    let t = o.threshold
    let value = significant(t.value, t.digits), mu = significant(t.frequency, t.digits)
    if json {
        return JSONValue.object([
            ("parameter", .string(o.parameter)), ("value", .string(value)), ("digits", .int(t.digits)),
            ("frequency_name", .string(o.frequencyName)), ("frequency", .string(mu)),
            ("reading", .string(o.reading.rawValue)), ("criterion", .string(o.criterion.rawValue)), ("rho", .string(String(format: "%.6f", o.rho))),
            ("bracket", .array([.double(t.bracket.lowerBound), .double(t.bracket.upperBound)])),
            ("coarse_value", .double(t.coarseValue)), ("fine_value", .double(t.value)),
            ("nodes", .array([.int(t.nodes.coarse), .int(t.nodes.fine)])),
            ("evaluations", .int(o.evaluations)),
            ("tail", .string(String(format: "%.1e", t.tail))),
            ("method", .string(o.criterion == .b15
                ? "Im K1^R(0) = 0 at Re K1^R(0) = 0 (B15, B17), Brent in both; every frequency integral by the sinh-sinh rule, Sigma[G0] in closed form"
                : "Im q = 0 at Re q = 0 for q = A38/psi_f at psi_f = 1e-6, Brent in both; G0^K(tau = 0) in closed form, G - G0 by the sinh-sinh rule, Sigma[G0] in closed form")),
            ("verified_by", .string("two node rules (step \(o.step) and \(o.step / 2), |t| <= 2.6) agree on \(t.digits) significant digits, and the finer rule run on to |t| <= \(FrequencyNodes.tailLimit) moves the threshold by \(String(format: "%.1e", t.tail)) relative")),
        ] + certificateFields(o) + [
            ("notes", .array(o.notes.map { .string($0) })),
        ]).fieldPerLine
    }
    var lines = ["\(o.parameter)_c = \(value)   (\(t.digits) digits; \(o.frequencyName) = \(mu) there)",
                 "reading: \(o.reading.rawValue): \(o.reading.summary)",
                 "rho = \(String(format: "%.6f", o.rho)) at the threshold (density of spin excitations of the normal state, Sec. IV)",
                 criterionLine(o),
                 "verified: \(t.nodes.coarse)- and \(t.nodes.fine)-node rules give \(String(format: "%.12g", t.coarseValue)) and \(String(format: "%.12g", t.value)); running on from |t| = 2.6 to \(FrequencyNodes.tailLimit) moves it by \(String(format: "%.0e", t.tail)) (the digits shown are those both leave)"]
    lines += certificateLines(o)
    lines += o.notes.map { "note: " + $0 }
    return lines.joined(separator: "\n")
}

/// `keldysh threshold --sweep`'s printout: one line (or JSON object) per point and reading.
public func render(_ rows: [CondensationSweepRow], parameter: String, out: String, json: Bool) -> String {
    if json {
        return JSONValue.array(rows.map { r in
            .object([("value", .double(r.value)), ("reading", .string(r.reading.rawValue)),
                     (parameter + "_c", r.shown.map { .string($0.value) } ?? .null),
                     ("digits", r.shown.map { .int($0.digits) } ?? .null),
                     ("frequency", r.shown.map { .string($0.frequency) } ?? .null),
                     ("reason", r.reason.map { .string($0) } ?? .null)])
        }).elementPerLine
    }
    return rows.map { r in
        let v = String(format: "%.6g", r.value)
        if let t = r.shown { return "\(v)  \(r.reading.rawValue)  \(parameter)_c = \(t.value) (\(t.digits) digits\(r.precise == nil ? "" : ", MPFR"))" }
        return "\(v)  \(r.reading.rawValue)  none: \(r.reason ?? "")"
    }.joined(separator: "\n") + "\nwritten: \(out)/threshold.csv, \(out)/threshold.svg"
}

/// The printout of a threshold polished in MPFR: the requested digits, all of them shared by
/// the two rules.
func render(_ o: CondensationOutcome, precise p: PreciseThreshold, json: Bool) -> String {
    let t = o.threshold
    let shown = min(p.digits, o.requestedDigits), muShown = min(p.frequencyDigits, o.requestedDigits)
    let value = significant(p.value, shown), mu = significant(p.frequency, muShown)
    let n = Int((1 / p.coarseStep).rounded())
    let rules = "\(p.nodes.coarse)- and \(p.nodes.fine)-node rules (steps 1/\(n) and 1/\(2 * n), |t| <= \(p.limit))"
    let function = o.criterion == .b15 ? "K1^R(0)" : "A38/psi_f (at psi_f = 1e-\(PreciseLinearisedSaddle.amplitudeExponent(digits: o.requestedDigits)))"
    let polish = "Newton on (Re, Im) \(function) = 0 in (\(o.frequencyName), \(o.parameter)) at \(p.precision) bits from the double-precision root, \(p.iterations) steps, \(p.jacobians) finite-difference Jacobians, \(p.evaluations) evaluations"
    if json {
        return JSONValue.object([
            ("parameter", .string(o.parameter)), ("value", .string(value)), ("digits", .int(shown)),
            ("frequency_name", .string(o.frequencyName)), ("frequency", .string(mu)), ("frequency_digits", .int(muShown)),
            ("reading", .string(o.reading.rawValue)), ("criterion", .string(o.criterion.rawValue)), ("rho", .string(String(format: "%.6f", o.rho))),
            ("bracket", .array([.double(t.bracket.lowerBound), .double(t.bracket.upperBound)])),
            ("double_value", .string(significant(t.value, t.digits))), ("double_digits", .int(t.digits)),
            ("coarse_value", .string(p.coarseValue.toString(digits: o.requestedDigits + 5))),
            ("fine_value", .string(p.value.toString(digits: o.requestedDigits + 5))),
            ("agreed_digits", .int(p.digits)),
            ("precision_bits", .int(p.precision)),
            ("steps", .array([.string("1/\(n)"), .string("1/\(2 * n)")])), ("limit", .double(p.limit)),
            ("nodes", .array([.int(p.nodes.coarse), .int(p.nodes.fine)])),
            ("newton_steps", .int(p.iterations)), ("jacobians", .int(p.jacobians)), ("evaluations", .int(p.evaluations)),
            ("tail", .string(String(format: "%.1e", p.tail))),
            ("method", .string("the double-precision threshold (Brent, dogleg), then " + polish + "; Sigma[G0] in closed form (digamma at the poles), the frequency \(o.criterion == .b15 ? "integral" : "integral of G - G0 (G0's in closed form)") by the sinh-sinh rule, all in MPFR")),
            ("verified_by", .string("two rules, not certified: \(rules) agree on \(p.digits) significant digits (capped at \(o.requestedDigits + 5), the Newton tolerance)")),
        ] + certificateFields(o) + [
            ("notes", .array(o.notes.map { .string($0) })),
        ]).fieldPerLine
    }
    var lines = ["\(o.parameter)_c = \(value)   (\(shown) digits; \(o.frequencyName) = \(mu) there)",
                 "reading: \(o.reading.rawValue): \(o.reading.summary)",
                 "rho = \(String(format: "%.6f", o.rho)) at the threshold (density of spin excitations of the normal state, Sec. IV)",
                 criterionLine(o),
                 "polished: " + polish,
                 // With --certify the proof is the box below; the rules' digits stay an estimate.
                 (o.certificate == nil ? "verified (two rules), not certified: " : "verified (two rules, an estimate; the proof is the certified box below): ") + "\(rules) give",
                 "  \(p.coarseValue.toString(digits: o.requestedDigits + 5))",
                 "  \(p.value.toString(digits: o.requestedDigits + 5))",
                 "  (they share \(p.digits) digits; the truncated tail moves \(o.parameter)_c by \(String(format: "%.0e", p.tail)) relative)"]
    lines += certificateLines(o)
    lines += o.notes.map { "note: " + $0 }
    return lines.joined(separator: "\n")
}

/// What vanishes at the threshold, and the bracket the Double search found.
private func criterionLine(_ o: CondensationOutcome) -> String {
    let t = o.threshold
    return o.criterion == .b15
        ? "where Im K1^R(0) = 0 with Re K1^R(0) = 0 (paper 000 B15, B17): min Im K1^R > 0 at \(o.parameter) = \(String(format: "%.6g", t.bracket.lowerBound)), <= 0 at \(String(format: "%.6g", t.bracket.upperBound))"
        : "where A38/psi_f -> 0 as psi_f -> 0 (a condensate branch leaves psi_f = 0; --criterion a38): Im > 0 at \(o.parameter) = \(String(format: "%.6g", t.bracket.lowerBound)), <= 0 at \(String(format: "%.6g", t.bracket.upperBound))"
}

/// How the certificate was proven, for the printout and --json.
private func certificateMethod(_ o: CondensationOutcome, _ c: CondensationCertificate) -> String {
    "Poincare-Miranda on the box \(o.parameter) in [lower, upper] x omega in [-\(String(format: "%.1e", c.omegaHalfWidth.toDouble())), +\(String(format: "%.1e", c.omegaHalfWidth.toDouble()))] (K1^R's own frequency, in the frame \(o.frequencyName) = \(String(format: "%.12g", c.frame.toDouble()))), preconditioned by the Double Jacobian: \(c.enclosures) enclosures of K1^R (verified quadrature over |nu| <= 2^\(c.log2Cutoff), proven tails beyond), the omega faces with \(o.parameter) as a ball, the \(o.parameter) faces by a Taylor model in omega bounded by Cauchy on a disk of radius 0.01. Proven: K1^R(omega) = 0 at a real omega for some \(o.parameter) in the box. Not proven: that no smaller \(o.parameter) has one (the double-precision scan's)"
}

/// The certified box's bounds, rounded outward to three digits past those asked (12 at least).
private func interval(_ c: CondensationCertificate) -> CertifiedInterval {
    CertifiedInterval(center: (c.lower + c.upper) / 2, radius: (c.upper - c.lower) / 2, digits: max(12, c.digits + 3))
}

private func certificateLines(_ o: CondensationOutcome) -> [String] {
    guard let c = o.certificate else { return [] }
    let i = interval(c)
    return ["certified: K1^R(omega) of B15 vanishes at a real omega for some \(o.parameter) in [\(i.lower), \(i.upper)] (\(i.sharedDigits) digits shared)",
            "  how: " + certificateMethod(o, c)]
}

private func certificateFields(_ o: CondensationOutcome) -> [(String, JSONValue)] {
    guard let c = o.certificate else { return [] }
    let i = interval(c)
    return [("certified", .object([("lower", .string(i.lower)), ("upper", .string(i.upper)), ("certified_digits", .int(i.sharedDigits)),
                                   ("omega_half_width", .string(String(format: "%.3e", c.omegaHalfWidth.toDouble()))),
                                   ("frame", .string(String(format: "%.17g", c.frame.toDouble()))), ("enclosures", .int(c.enclosures)),
                                   ("method", .string(certificateMethod(o, c)))]))]
}
