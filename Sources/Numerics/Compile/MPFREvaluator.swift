import ArbitraryPrecision
import CMPFR
import Symbolic

/// Interprets a tape in MPFR arithmetic at a precision chosen at run time.
///
/// Every register and temporary is an `mpfr_t` initialised once (mpfr_init2) when the
/// evaluator is made, reused by every evaluation and cleared in deinit; constants are
/// rounded once, at the evaluator's precision. Not thread-safe: one evaluator per thread.
public final class MPFREvaluator {
    public let function: CompiledFunction
    /// Working precision in bits.
    public let precision: Int
    let registers: UnsafeMutablePointer<__mpfr_struct>
    private let registerCount: Int
    /// Temporaries for the complex square root.
    private let scratch: UnsafeMutablePointer<__mpfr_struct>
    private let tape: Tape
    /// The instructions that depend on an input; the rest (π²/4, say) ran once in init.
    private var liveInstructions: [TapeInstruction] = []
    /// Faster than mpfr_tanh; built on the first tanh (its tables are shared per precision).
    private lazy var tanhKernel = MPFRTanhKernel(precision: precision)

    /// `precision` in bits; see `init(_:digits:)` for decimal digits.
    public init(_ function: CompiledFunction, precision: Int) {
        precondition(BigFloat.precisionRange.contains(precision), "MPFR precision \(precision) out of range")
        self.function = function
        self.precision = precision
        tape = function.tape
        registerCount = max(tape.registerCount, 1)
        registers = .allocate(capacity: registerCount)
        for k in 0..<registerCount { mpfr_init2(registers + k, precision) }
        scratch = .allocate(capacity: 2)
        for k in 0..<2 { mpfr_init2(scratch + k, precision) }
        for (k, c) in tape.constants.enumerated() {
            let r = registers + (tape.constantBase + k)
            switch c {
            case .pi: mpfr_const_pi(r, MPFR_RNDN)
            case .rational(let q): _ = q.withMPQ { mpfr_set_q(r, $0, MPFR_RNDN) }
            }
        }
        hoistConstantInstructions()
    }

    /// Runs, once, every instruction whose operands are all constants (transitively), and
    /// keeps the others for `run`: a constant subexpression costs nothing per evaluation.
    private func hoistConstantInstructions() {
        let split = tape.splitByConstantOperands()
        liveInstructions = split.live.map(\.instruction)
        execute(split.constant.map(\.instruction))
    }

    /// A working precision of `digits` decimal digits (plus guard bits, `BigFloat.bits(forDigits:)`).
    public convenience init(_ function: CompiledFunction, digits: Int) {
        self.init(function, precision: BigFloat.bits(forDigits: digits))
    }

    deinit {
        for k in 0..<registerCount { mpfr_clear(registers + k) }
        for k in 0..<2 { mpfr_clear(scratch + k) }
        registers.deallocate()
        scratch.deallocate()
    }

    /// Evaluates at complex parameter values (real parameters use the real part).
    public func evaluate(_ values: [BigComplex]) -> [BigComplex] {
        setInputs(values)
        run()
        return tape.outputs.map { BigComplex(read($0.re), read($0.im)) }
    }

    /// Evaluates at real parameter values.
    public func evaluate(_ values: [BigFloat]) -> [BigComplex] {
        evaluate(values.map { BigComplex($0, BigFloat(0, precision: precision)) })
    }

    /// Evaluates and writes the outputs into `out` (resized to the output count), reusing
    /// the caller's numbers when they are uniquely referenced and of this precision.
    public func evaluate(_ values: [BigComplex], into out: inout [BigComplex]) {
        setInputs(values)
        run()
        let zero = BigFloat(0, precision: precision)
        if out.count != tape.outputs.count {
            out = Array(repeating: BigComplex(zero, zero), count: tape.outputs.count)
        }
        for (k, o) in tape.outputs.enumerated() {
            write(o.re, to: &out[k].re)
            write(o.im, to: &out[k].im)
        }
    }

    private func setInputs(_ values: [BigComplex]) {
        precondition(values.count == function.parameters.count,
                     "expected \(function.parameters.count) parameter values, got \(values.count)")
        var k = 0
        for (v, real) in zip(values, function.realParameters) {
            v.re.withUnsafeMPFR { _ = mpfr_set(registers + k, $0, MPFR_RNDN) }
            k += 1
            if !real {
                v.im.withUnsafeMPFR { _ = mpfr_set(registers + k, $0, MPFR_RNDN) }
                k += 1
            }
        }
    }

    private func read(_ r: Int32) -> BigFloat {
        var x = BigFloat(0, precision: precision)
        write(r, to: &x)
        return x
    }

    private func write(_ r: Int32, to x: inout BigFloat) {
        if x.precision != precision { x = BigFloat(0, precision: precision) }
        x.withUnsafeMutableMPFR { _ = mpfr_set($0, registers + Int(r), MPFR_RNDN) }
    }

    func run() { execute(liveInstructions) }

    private func execute(_ instructions: [TapeInstruction]) {
        let r = registers
        let rnd = MPFR_RNDN
        for ins in instructions {
            let d = r + Int(ins.dest), a = r + Int(ins.a), b = r + Int(ins.b)
            switch ins.op {
            case .add: mpfr_add(d, a, b, rnd)
            case .sub: mpfr_sub(d, a, b, rnd)
            case .mul: mpfr_mul(d, a, b, rnd)
            case .div: mpfr_div(d, a, b, rnd)
            case .neg: mpfr_neg(d, a, rnd)
            case .sqrt: mpfr_sqrt(d, a, rnd)
            case .exp: mpfr_exp(d, a, rnd)
            case .log: mpfr_log(d, a, rnd)
            case .sin: mpfr_sin(d, a, rnd)
            case .cos: mpfr_cos(d, a, rnd)
            case .tan: mpfr_tan(d, a, rnd)
            case .sinh: mpfr_sinh(d, a, rnd)
            case .cosh: mpfr_cosh(d, a, rnd)
            case .tanh: tanhKernel.tanh(d, a)
            case .atan: mpfr_atan(d, a, rnd)
            case .abs: mpfr_abs(d, a, rnd)
            case .hypot: mpfr_hypot(d, a, b, rnd)
            case .atan2: mpfr_atan2(d, a, b, rnd)
            case .pow: mpfr_pow(d, a, b, rnd)
            case .theta:
                let s = mpfr_sgn(a)
                if s > 0 { mpfr_set_ui(d, 1, rnd) } else if s < 0 { mpfr_set_ui(d, 0, rnd) } else { mpfr_set_d(d, 0.5, rnd) }
            case .sign:
                mpfr_set_si(d, Int(mpfr_sgn(a).signum()), rnd)
            case .isZero:
                mpfr_set_ui(d, mpfr_zero_p(a) != 0 ? 1 : 0, rnd)
            case .complexSqrt:
                complexSquareRoot(re: d, im: d + 1, a, b)
            }
        }
    }

    /// The method of `complexSquareRoot(_:_:)` in MPFR.
    private func complexSquareRoot(re: UnsafeMutablePointer<__mpfr_struct>, im: UnsafeMutablePointer<__mpfr_struct>,
                                   _ a: UnsafeMutablePointer<__mpfr_struct>, _ b: UnsafeMutablePointer<__mpfr_struct>) {
        let rnd = MPFR_RNDN
        if mpfr_zero_p(a) != 0 && mpfr_zero_p(b) != 0 {
            mpfr_set_ui(re, 0, rnd)
            mpfr_set(im, b, rnd)
            return
        }
        let t = scratch, u = scratch + 1
        mpfr_hypot(t, a, b, rnd)
        mpfr_abs(u, a, rnd)
        mpfr_add(t, t, u, rnd)
        mpfr_div_2ui(t, t, 1, rnd)
        mpfr_sqrt(t, t, rnd)          // t = √((|a| + |z|)/2)
        mpfr_mul_2ui(u, t, 1, rnd)    // u = 2t
        if mpfr_sgn(a) >= 0 {
            mpfr_div(im, b, u, rnd)
            mpfr_set(re, t, rnd)
        } else {
            mpfr_abs(re, b, rnd)
            mpfr_div(re, re, u, rnd)
            if mpfr_signbit(b) != 0 { mpfr_neg(im, t, rnd) } else { mpfr_set(im, t, rnd) }
        }
    }
}
