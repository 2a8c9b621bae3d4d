import Analysis
import ArbitraryPrecision
import OutputFormats

/// `keldysh threshold`'s printout: each certified crossing with its bracket and proof, or
/// the bracketed zero with its two working precisions.
public func render(_ outcome: ThresholdOutcome, json: Bool) -> String {
    switch outcome.result {
    case .certified(let ts): return json ? JSONValue.array(ts.map(\.json)).elementPerLine : ts.map(\.text).joined(separator: "\n\n")
    case .bracketed(let z): return json ? z.json.inline : z.text
    }
}

extension CertifiedThreshold {
    var json: JSONValue {
        .object([
            ("parameter", .string(parameter)), ("value", .string(value)), ("digits", .int(digits)),
            ("lower", .string("\(lower)")), ("upper", .string("\(upper)")), ("method", .string(method.rawValue)),
            ("crossing", .string(crossing.rawValue)), ("frequency", .double(frequency)),
            ("unstable", .string(direction > 0 ? "above" : "below")), ("resultant_degree", .int(resultantDegree ?? 0)),
            ("proof", .array(proof.map { .string($0) })),
        ])
    }

    var text: String {
        let kind = crossing == .real ? "a real eigenvalue" : "a complex pair, ω = \(frequency),"
        return "\(parameter) = \(value)  (\(digits) digits; \(kind) crosses; unstable \(direction > 0 ? "above" : "below"))\n"
            + "bracket: [\(lower.decimalString(digits + 5)), \(upper.decimalString(digits + 5))]\n"
            + proof.map { "  " + $0 }.joined(separator: "\n")
    }
}

extension BracketedZero {
    var json: JSONValue {
        .object([
            ("parameter", .string(parameter)), ("value", .string(value)), ("digits", .int(digits)),
            ("lower", .string("\(lower)")), ("upper", .string("\(upper)")), ("method", .string(ThresholdRoute.bracket.rawValue)),
            ("runs", .array(runs.map { .object([("working_digits", .int($0.digits)), ("value", .string($0.value))]) })),
        ])
    }

    var text: String {
        "\(parameter) = \(value)  (\(digits) digits, MPFR bracketing)\n" + proof.map { "  " + $0 }.joined(separator: "\n")
    }
}

extension BigRational {
    /// The value to `digits` significant digits (scientific notation).
    func decimalString(_ digits: Int) -> String {
        BigFloat(self, precision: BigFloat.bits(forDigits: digits + 10)).toString(digits: digits)
    }
}
