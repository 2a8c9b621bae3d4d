import Symbolic

/// Swift source for a tape: a self-contained function (imports only Foundation for libm)
///
///     func NAME(_ input: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>)
///
/// with the input and output layout of `CCodeGenerator`.
enum SwiftCodeGenerator {
    static func source(for f: CompiledFunction, functionName: String, realOutputs: Bool) -> String {
        let layout = GeneratedLayout(f, realOutputs: realOutputs)
        let (tape, width) = (layout.tape, layout.width)
        var s = """
        // \(layout.summary)
        // Inputs: \(tape.inputCount) doubles; outputs: \(width) doubles\(realOutputs ? "" : " (re, im per output)").
        import Foundation

        @inline(__always) private func kkComplexSqrt(_ a: Double, _ b: Double) -> (Double, Double) {
            if a == 0 && b == 0 { return (0, b) }
            let t = ((Swift.abs(a) + hypot(a, b)) * 0.5).squareRoot()
            if a >= 0 { return (t, b / (2 * t)) }
            return (Swift.abs(b) / (2 * t), b.sign == .minus ? -t : t)
        }

        func \(functionName)(_ input: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) {

        """
        for k in 0..<tape.inputCount { s += "    let r\(k) = input[\(k)]\n" }
        for (k, c) in tape.constants.enumerated() {
            s += "    let r\(tape.constantBase + k): Double = \(CCodeGenerator.literal(c.toDouble()).replacingHuge)\n"
        }
        for ins in tape.instructions {
            let d = "r\(ins.dest)", a = "r\(ins.a)", b = "r\(ins.b)"
            switch ins.op {
            case .complexSqrt: s += "    let (\(d), r\(ins.dest + 1)) = kkComplexSqrt(\(a), \(b))\n"
            default: s += "    let \(d): Double = \(Self.expression(ins.op, a, b))\n"
            }
        }
        for (k, o) in tape.outputs.enumerated() {
            if realOutputs { s += "    out[\(k)] = r\(o.re)\n" }
            else { s += "    out[\(2 * k)] = r\(o.re); out[\(2 * k + 1)] = r\(o.im)\n" }
        }
        s += "}\n"
        return s
    }

    static func expression(_ op: TapeOp, _ a: String, _ b: String) -> String {
        if let common = op.sharedSource(a, b) { return common }
        switch op {
        case .sqrt: return "\(a).squareRoot()"
        case .abs: return "Swift.abs(\(a))"
        case .theta: return "\(a) > 0 ? 1 : (\(a) < 0 ? 0 : 0.5)"
        case .sign: return "\(a) > 0 ? 1 : (\(a) < 0 ? -1 : 0)"
        case .isZero: return "\(a) == 0 ? 1 : 0"
        default: preconditionFailure("\(op) has no single Swift expression")
        }
    }
}

private extension String {
    var replacingHuge: String {
        switch self {
        case "HUGE_VAL": return "Double.infinity"
        case "(-HUGE_VAL)": return "-Double.infinity"
        case "NAN": return "Double.nan"
        default: return self
        }
    }
}
