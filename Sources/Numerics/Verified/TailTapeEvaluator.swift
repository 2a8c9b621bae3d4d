import ArbitraryPrecision

/// Why a tail evaluation gave no bound: which instruction refused and why, or a bad input.
public struct TailTapeFailure: Error, Sendable, CustomStringConvertible {
    /// Index into `tape.instructions`, or nil for an input or a constant at fault.
    public let instruction: Int?
    public let op: TapeOp?
    public let reason: String

    public var description: String {
        guard let k = instruction, let op else { return "tail evaluation: \(reason)" }
        return "tail evaluation: instruction \(k) (\(op)) refused: \(reason)"
    }
}

/// Runs a compiled function's tape over `TailBound` registers: given each real input as a tail
/// bound (the integration variable ν as `TailBound.nu`, its imaginary part if it is a complex
/// parameter as an exact zero, the other parameters as order-0 constants from their balls), every
/// output pair (re, im) bounds the real and imaginary parts of the expression by powers of |ν| for
/// ALL real ν with |ν| ≥ R — what a tail integral needs and no finite set of ball evaluations gives.
///
/// The tape is real, so complex arithmetic arrives expanded (x/y = x·conj(y)/(y_re² + y_im²));
/// a product of a register with itself is a square and known nonnegative, which is what keeps the
/// lower bound of such a divisor. The tape's constants are exact rationals and π; instructions
/// whose operands are all constants run once, at init, as in `BallTapeEvaluator`.
///
/// An evaluation either bounds every output or fails with the instruction and the reason (a
/// divisor whose lower bound is 0, exp of a growing argument, θ of ν, a real power, …); it never
/// crashes and never returns a guess. Registers are allocated once; not thread-safe (one
/// evaluator per thread).
public final class TailTapeEvaluator {
    public let function: CompiledFunction
    /// R = 2^log2R, the start of both tails.
    public let log2R: Int
    private let tape: Tape
    private var registers: [TailBound?]
    private var liveInstructions: [(index: Int, instruction: TapeInstruction)] = []
    private var constantFailure: TailTapeFailure?

    /// `log2R` a multiple of 4 in `TailBound.log2RRange` (R^(j/4) exact); otherwise every
    /// evaluation fails.
    public init(_ function: CompiledFunction, log2R: Int) {
        self.function = function
        self.log2R = log2R
        tape = function.tape
        registers = [TailBound?](repeating: nil, count: tape.registerCount)
        do { try TailBound.checkRegion(log2R) } catch {
            constantFailure = TailTapeFailure(instruction: nil, op: nil, reason: error.description)
            return
        }
        for (k, c) in tape.constants.enumerated() where constantFailure == nil {
            do {
                switch c {
                case .rational(let q): registers[tape.constantBase + k] = try .constant(q, log2R: log2R)
                case .pi:
                    // Double.pi < π < Double.pi.nextUp.
                    registers[tape.constantBase + k] = try .modulus(Double.pi, DirectedDouble.piAbove, sign: .nonnegative,
                                                                    log2R: log2R, op: "π")
                }
            } catch {
                constantFailure = TailTapeFailure(instruction: nil, op: nil, reason: "constant \(c): \(error.description)")
            }
        }
        let (hoisted, live) = tape.splitByConstantOperands()
        liveInstructions = live
        if constantFailure == nil {
            do { try execute(hoisted) } catch { constantFailure = error }
        }
    }

    /// The output bounds (re, im), one tail bound per real input of the tape.
    public func evaluate(_ inputs: [TailBound]) throws(TailTapeFailure) -> [(re: TailBound, im: TailBound)] {
        if let constantFailure { throw constantFailure }
        guard inputs.count == tape.inputCount else {
            throw TailTapeFailure(instruction: nil, op: nil, reason: "expected \(tape.inputCount) input bounds, got \(inputs.count)")
        }
        for (k, x) in inputs.enumerated() {
            guard x.log2R == log2R else {
                throw TailTapeFailure(instruction: nil, op: nil, reason: "input \(k) is on the tail R = 2^\(x.log2R), not 2^\(log2R)")
            }
            registers[k] = x
        }
        try execute(liveInstructions)
        return tape.outputs.map { (registers[Int($0.re)]!, registers[Int($0.im)]!) }
    }

    /// Bounds of the outputs' moduli |re + i·im| (the order the smaller of the parts').
    public func evaluateModuli(_ inputs: [TailBound]) throws(TailTapeFailure) -> [TailBound] {
        var out: [TailBound] = []
        for (k, (re, im)) in try evaluate(inputs).enumerated() {
            do { out.append(try .modulus(re: re, im: im)) } catch {
                throw TailTapeFailure(instruction: nil, op: nil, reason: "output \(k) modulus: \(error.description)")
            }
        }
        return out
    }

    /// The inputs for a function whose parameter `nu` is the integration variable and whose other
    /// parameters are real and given as balls, in parameter order (ν real: one input; ν complex:
    /// its real part ν and an exact-zero imaginary part).
    public func inputs(nu: Int, parameters balls: [RealBall]) throws(TailTapeFailure) -> [TailBound] {
        let real = function.realParameters
        guard real.indices.contains(nu), balls.count == real.count - 1,
              real.enumerated().allSatisfy({ $0.offset == nu || $0.element }) else {
            throw TailTapeFailure(instruction: nil, op: nil,
                                  reason: "need parameter \(nu) as ν and \(real.count - 1) real parameters, got \(balls.count) balls")
        }
        var out: [TailBound] = []
        var next = 0
        do {
            for k in real.indices {
                if k == nu {
                    out.append(try .nu(log2R: log2R))
                    if !real[k] { out.append(try .zero(log2R: log2R)) }
                } else {
                    out.append(try .constant(balls[next], log2R: log2R))
                    next += 1
                }
            }
        } catch {
            throw TailTapeFailure(instruction: nil, op: nil, reason: error.description)
        }
        return out
    }

    private func execute(_ instructions: [(index: Int, instruction: TapeInstruction)]) throws(TailTapeFailure) {
        for (index, ins) in instructions {
            let d = Int(ins.dest)
            let a = registers[Int(ins.a)]!
            let b = ins.op.isBinary ? registers[Int(ins.b)]! : a
            do throws(TailRefusal) {
                switch ins.op {
                case .add: registers[d] = try a + b
                case .sub: registers[d] = try a - b
                case .mul: registers[d] = ins.a == ins.b ? try a.squared() : try a * b
                case .div: registers[d] = try a / b
                case .neg: registers[d] = -a
                case .sqrt: registers[d] = try a.squareRoot()
                case .exp: registers[d] = try a.apply(.exp)
                case .log: registers[d] = try a.apply(.log)
                case .sin: registers[d] = try a.apply(.sin)
                case .cos: registers[d] = try a.apply(.cos)
                case .tan: registers[d] = try a.apply(.tan)
                case .sinh: registers[d] = try a.apply(.sinh)
                case .cosh: registers[d] = try a.apply(.cosh)
                case .tanh: registers[d] = try a.apply(.tanh)
                case .atan: registers[d] = try a.apply(.atan)
                case .abs: registers[d] = a.magnitude
                case .hypot: registers[d] = try .hypot(a, b)
                case .atan2: registers[d] = try .atan2(a, b)
                case .pow:
                    // a^b with a real exponent register: the exponent's value is not tracked, only
                    // its modulus, so no power of |ν| follows.
                    throw TailRefusal(op: "pow", reason: "a real power a^b with a non-integer, non-half exponent is not bounded")
                case .theta: registers[d] = try a.theta()
                case .sign: registers[d] = try a.signFunction()
                case .isZero: registers[d] = try a.isZeroIndicator()
                case .complexSqrt:
                    let (re, im) = try TailBound.complexSquareRoot(a, b)
                    registers[d] = re
                    registers[d + 1] = im
                }
            } catch {
                throw TailTapeFailure(instruction: index, op: ins.op, reason: "\(error.op): \(error.reason)")
            }
        }
    }
}
