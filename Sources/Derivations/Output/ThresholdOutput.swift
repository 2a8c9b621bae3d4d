import Analysis
import ArbitraryPrecision
import OutputFormats

/// `keldysh threshold`'s printout: each certified crossing with its bracket and proof, each
/// bracketed zero with its two working precisions, or each exact zero of an expression. JSON
/// is always an array, one object per item.
public func render(_ outcome: ThresholdOutcome, json: Bool) -> String {
    switch outcome.result {
    case .certified(let ts): return json ? JSONValue.array(ts.map(\.json)).elementPerLine : ts.map(\.text).joined(separator: "\n\n")
    case .bracketed(let zs): return json ? JSONValue.array(zs.map(\.json)).elementPerLine : zs.map(\.text).joined(separator: "\n\n")
    case .exact(let zs): return json ? JSONValue.array(zs.map(\.json)).elementPerLine : zs.map(\.text).joined(separator: "\n\n")
    }
}

extension UnstableCounts {
    /// `on_axis` (eigenvalues that stay on the imaginary axis, an axis factor) only when
    /// there are some, so the common case keeps its three fields.
    var json: JSONValue {
        var fields: [(String, JSONValue)] = [("total", .int(total)), ("real", .int(real)), ("complex", .int(complex))]
        if marginal > 0 { fields.append(("on_axis", .int(marginal))) }
        return .object(fields)
    }
}

extension CertifiedThreshold {
    var json: JSONValue {
        var fields: [(String, JSONValue)] = [
            ("parameter", .string(parameter)), ("value", .string(value)), ("digits", .int(digits)),
            ("lower", .string("\(lower)")), ("upper", .string("\(upper)")), ("method", .string(method.rawValue)),
            ("crossing", .string(isCrossing ? crossing.rawValue : "none")),
            ("frequency", frequencyDigits.map { .string($0) } ?? .null),
            ("unstable", .string(direction > 0 ? "above" : direction < 0 ? "below" : "neither")),
            ("changes_stability", .bool(changesStability)),
        ]
        if let b = below, let a = above { fields += [("unstable_below", b.json), ("unstable_above", a.json)] }
        fields += [("resultant_degree", .int(resultantDegree ?? 0)), ("proof", .array(proof.map { .string($0) }))]
        return .object(fields)
    }

    var text: String {
        let head: String
        if !isCrossing {
            head = "\(parameter) = \(value)  (\(digits) digits; a root of R where no eigenvalue crosses: eigenvalues with Re λ > 0: \(below?.description ?? "?") on both sides)"
        } else {
            let kind = crossing == .real ? "a real eigenvalue crosses"
                : "a complex pair crosses, ω = \(frequencyDigits ?? "(not separated)")"
            if changesStability {
                head = "\(parameter) = \(value)  (\(digits) digits; \(kind); unstable \(direction > 0 ? "above" : "below"))"
            } else {
                let counts = below.map { b in "; eigenvalues with Re λ > 0: \(b.total) below, \(above!.total) above" } ?? ""
                head = "\(parameter) = \(value)  (\(digits) digits; \(kind)\(crossing == .complex ? "," : "") into Re λ \(direction > 0 ? ">" : "<") 0 as \(parameter) increases\(counts))"
            }
        }
        return head + "\n"
            + "bracket: [\(lower.decimalString(digits + 5)), \(upper.decimalString(digits + 5))]\n"
            + proof.map { "  " + $0 }.joined(separator: "\n")
    }
}

extension BracketedZero {
    var json: JSONValue {
        var fields: [(String, JSONValue)] = [
            ("parameter", .string(parameter)), ("value", .string(value)), ("digits", .int(digits)),
            ("lower", .string("\(lower)")), ("upper", .string("\(upper)")), ("method", .string(ThresholdRoute.bracket.rawValue)),
        ]
        if let k = kind { fields.append(("crossing", .string(k.rawValue))) }
        if let d = direction { fields.append(("unstable", .string(d > 0 ? "above" : "below"))) }
        if let (b, a) = counts { fields += [("unstable_below", b.json), ("unstable_above", a.json)] }
        fields.append(("runs", .array(runs.map { .object([("working_digits", .int($0.digits)), ("value", .string($0.value))]) })))
        return .object(fields)
    }

    var text: String {
        var what = ""
        if let k = kind {
            what = k == .real ? "; a real eigenvalue crosses" : "; a complex pair crosses"
            if let d = direction { what += "; unstable \(d > 0 ? "above" : "below")" }
        }
        return "\(parameter) = \(value)  (\(digits) digits, MPFR bracketing\(what))\n" + proof.map { "  " + $0 }.joined(separator: "\n")
    }
}

extension ExactZero {
    var json: JSONValue {
        .object([
            ("parameter", .string(parameter)), ("value", .string(value)), ("digits", .int(digits)),
            ("lower", .string("\(lower)")), ("upper", .string("\(upper)")), ("method", .string("exact")),
            ("multiplicity", .int(multiplicity)), ("changes_sign", .bool(changesSign)),
            ("proof", .array(proof.map { .string($0) })),
        ])
    }

    var text: String {
        let sign = changesSign ? "" : ", no sign change"
        return "\(parameter) = \(value)  (\(digits) digits, exact; multiplicity \(multiplicity)\(sign))\n"
            + "bracket: [\(lower.decimalString(digits + 5)), \(upper.decimalString(digits + 5))]\n"
            + proof.map { "  " + $0 }.joined(separator: "\n")
    }
}

extension BigRational {
    /// The value to `digits` significant digits (scientific notation).
    func decimalString(_ digits: Int) -> String {
        BigFloat(self, precision: BigFloat.bits(forDigits: digits + 10)).toString(digits: digits)
    }
}
