import Symbolic

/// C source for a tape: real/imaginary-split double arithmetic, libm for elementary
/// functions, and `static inline` helpers for what libm lacks (principal complex square
/// root, θ, sign). The source is self-contained (needs only <math.h>) and defines
///
///     void NAME(const double *in, double *out);                 /* one point */
///     void eval_batch(const double *params, long nPoints, long stride, double *out);
///
/// `in` holds the real inputs (`CompiledFunction.inputCount`); `out` receives (re, im) per
/// output, or one real per output when `realOutputs` is set. In the batch entry point, point
/// p reads `params + p*stride` and writes `out + p*width` (width = outputs·2, or outputs).
enum CCodeGenerator {
    static func source(for f: CompiledFunction, functionName: String, realOutputs: Bool) -> String {
        let layout = GeneratedLayout(f, realOutputs: realOutputs)
        let (tape, width) = (layout.tape, layout.width)
        var s = """
        /* \(layout.summary)
           Inputs: \(tape.inputCount) doubles per point; outputs: \(width) doubles per point. */
        #include <math.h>

        static inline void kk_csqrt(double a, double b, double *re, double *im) {
            if (a == 0.0 && b == 0.0) { *re = 0.0; *im = b; return; }
            double t = sqrt((fabs(a) + hypot(a, b)) * 0.5);
            if (a >= 0.0) { *re = t; *im = b / (2.0 * t); }
            else { *re = fabs(b) / (2.0 * t); *im = copysign(t, b); }
        }
        static inline double kk_theta(double x) { return x > 0.0 ? 1.0 : (x < 0.0 ? 0.0 : 0.5); }
        static inline double kk_sign(double x) { return x > 0.0 ? 1.0 : (x < 0.0 ? -1.0 : 0.0); }

        static inline void \(functionName)_point(const double *restrict in, double *restrict out) {

        """
        for k in 0..<tape.inputCount { s += "    const double r\(k) = in[\(k)];\n" }
        for (k, c) in tape.constants.enumerated() {
            s += "    const double r\(tape.constantBase + k) = \(Self.literal(c.toDouble()));\n"
        }
        for ins in tape.instructions {
            let d = "r\(ins.dest)", a = "r\(ins.a)", b = "r\(ins.b)"
            switch ins.op {
            case .complexSqrt:
                s += "    double \(d), r\(ins.dest + 1); kk_csqrt(\(a), \(b), &\(d), &r\(ins.dest + 1));\n"
            default:
                s += "    const double \(d) = \(Self.expression(ins.op, a, b));\n"
            }
        }
        for (k, o) in tape.outputs.enumerated() {
            if realOutputs {
                s += "    out[\(k)] = r\(o.re);\n"
            } else {
                s += "    out[\(2 * k)] = r\(o.re); out[\(2 * k + 1)] = r\(o.im);\n"
            }
        }
        s += """
        }

        void \(functionName)(const double *in, double *out) { \(functionName)_point(in, out); }

        void eval_batch(const double *params, long nPoints, long stride, double *out) {
            for (long p = 0; p < nPoints; ++p) \(functionName)_point(params + p * stride, out + p * \(width)L);
        }

        """
        return s
    }

    static func expression(_ op: TapeOp, _ a: String, _ b: String) -> String {
        if let common = op.sharedSource(a, b) { return common }
        switch op {
        case .sqrt: return "sqrt(\(a))"
        case .abs: return "fabs(\(a))"
        case .theta: return "kk_theta(\(a))"
        case .sign: return "kk_sign(\(a))"
        case .isZero: return "(\(a) == 0.0 ? 1.0 : 0.0)"
        default: preconditionFailure("\(op) has no single C expression")
        }
    }

    /// A literal that reads back as exactly `x` (Swift's shortest round-trip digits).
    static func literal(_ x: Double) -> String {
        if x.isNaN { return "NAN" }
        if x.isInfinite { return x > 0 ? "HUGE_VAL" : "(-HUGE_VAL)" }
        return "\(x)"
    }
}

extension TapeOp {
    /// The expression of an instruction where C and Swift spell it alike (arithmetic, libm
    /// calls), nil where they differ.
    func sharedSource(_ a: String, _ b: String) -> String? {
        switch self {
        case .add: return "\(a) + \(b)"
        case .sub: return "\(a) - \(b)"
        case .mul: return "\(a) * \(b)"
        case .div: return "\(a) / \(b)"
        case .neg: return "-\(a)"
        case .exp, .log, .sin, .cos, .tan, .sinh, .cosh, .tanh, .atan: return "\(self)(\(a))"
        case .hypot: return "hypot(\(a), \(b))"
        case .atan2: return "atan2(\(a), \(b))"
        case .pow: return "pow(\(a), \(b))"
        case .sqrt, .abs, .theta, .sign, .isZero, .complexSqrt: return nil
        }
    }
}
