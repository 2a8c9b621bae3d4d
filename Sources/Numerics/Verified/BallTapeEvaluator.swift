import ArbitraryPrecision
import CMPFR

/// Why a ball evaluation gave no enclosure: which instruction refused and why, or a bad input.
public struct BallTapeFailure: Error, Sendable, CustomStringConvertible {
    /// Index into `tape.instructions`, or nil for an input (or an input count) at fault.
    public let instruction: Int?
    public let op: TapeOp?
    public let reason: String

    public var description: String {
        guard let k = instruction, let op else { return "ball evaluation: \(reason)" }
        return "ball evaluation: instruction \(k) (\(op)) refused: \(reason)"
    }
}

/// Runs a compiled function's tape over real balls: every register is a `RealBall` (MPFR
/// center at the evaluator's precision, Double radius), so each output pair (re, im) encloses
/// the exact value of the expression at every point of the input box. The inputs are the
/// tape's real inputs (one per real parameter, real then imaginary part per complex one, as
/// `CompiledFunction.inputCount` counts them). The tape's constants are exact rationals and π,
/// each rounded once with the rounding in its radius.
///
/// An evaluation either encloses or fails with the instruction and the reason (a divisor ball
/// holding 0, a logarithm's ball reaching 0, a step function at a ball holding 0, a box meeting
/// a branch cut, an overflow); it never crashes and never returns an approximation. Registers
/// are allocated once; not thread-safe (one evaluator per thread).
public final class BallTapeEvaluator {
    public let function: CompiledFunction
    public var precision: Int { kernel.precision }
    private let kernel: RealBallKernel
    private let tape: Tape
    private var liveInstructions: [(index: Int, instruction: TapeInstruction)] = []
    /// A refusal among the constant instructions (run once in init): every evaluation reports it.
    private var constantFailure: BallTapeFailure?

    /// `precision` in bits, at least 32 (the rounding bounds of the complex square root assume
    /// 2^−p is small).
    public init(_ function: CompiledFunction, precision: Int) {
        precondition(precision >= 32 && BigFloat.precisionRange.contains(precision), "ball precision \(precision) out of range")
        self.function = function
        tape = function.tape
        kernel = RealBallKernel(registers: tape.registerCount, precision: precision)
        for (k, c) in tape.constants.enumerated() where constantFailure == nil {
            if let refusal = kernel.setConstant(tape.constantBase + k, c) {
                constantFailure = BallTapeFailure(instruction: nil, op: nil, reason: "constant \(c): \(refusal.rawValue)")
            }
        }
        hoistConstantInstructions()
    }

    /// Runs once every instruction whose operands are all constants (as `MPFREvaluator`).
    private func hoistConstantInstructions() {
        let (hoisted, live) = tape.splitByConstantOperands()
        liveInstructions = live
        if constantFailure == nil, let failure = execute(hoisted) { constantFailure = failure }
    }

    /// The output balls (re, im) at the input balls, one per real input of the tape.
    public func evaluate(_ inputs: [RealBall]) throws(BallTapeFailure) -> [(re: RealBall, im: RealBall)] {
        if let constantFailure { throw constantFailure }
        guard inputs.count == tape.inputCount else {
            throw BallTapeFailure(instruction: nil, op: nil, reason: "expected \(tape.inputCount) input balls, got \(inputs.count)")
        }
        for (k, x) in inputs.enumerated() {
            if let refusal = kernel.setInput(k, x) {
                throw BallTapeFailure(instruction: nil, op: nil, reason: "input \(k) \(x): \(refusal.rawValue)")
            }
        }
        if let failure = execute(liveInstructions) { throw failure }
        return tape.outputs.map { (kernel.read(Int($0.re)), kernel.read(Int($0.im))) }
    }

    /// Evaluates at real parameter values given as balls (every parameter of the function real).
    public func evaluate(parameters: [RealBall]) throws(BallTapeFailure) -> [(re: RealBall, im: RealBall)] {
        guard function.realParameters.allSatisfy({ $0 }) else {
            throw BallTapeFailure(instruction: nil, op: nil, reason: "a complex parameter needs two input balls; use evaluate(_:)")
        }
        return try evaluate(parameters)
    }

    private func execute(_ instructions: [(index: Int, instruction: TapeInstruction)]) -> BallTapeFailure? {
        let k = kernel
        for (index, ins) in instructions {
            let d = Int(ins.dest), a = Int(ins.a), b = Int(ins.b)
            let refusal: BallRefusal?
            switch ins.op {
            case .add: refusal = k.add(d, a, b)
            case .sub: refusal = k.sub(d, a, b)
            case .mul: refusal = k.mul(d, a, b)
            case .div: refusal = k.div(d, a, b)
            case .neg: refusal = k.neg(d, a)
            case .sqrt: refusal = k.sqrt(d, a)
            case .exp: refusal = k.exp(d, a)
            case .log: refusal = k.log(d, a)
            case .sin: refusal = k.sin(d, a)
            case .cos: refusal = k.cos(d, a)
            case .tan: refusal = k.tan(d, a)
            case .sinh: refusal = k.sinh(d, a)
            case .cosh: refusal = k.cosh(d, a)
            case .tanh: refusal = k.tanh(d, a)
            case .atan: refusal = k.atan(d, a)
            case .abs: refusal = k.abs(d, a)
            case .hypot: refusal = k.hypot(d, a, b)
            case .atan2: refusal = k.atan2(d, a, b)
            case .pow: refusal = k.pow(d, a, b)
            case .theta: refusal = k.theta(d, a)
            case .sign: refusal = k.sign(d, a)
            case .isZero: refusal = k.isZero(d, a)
            case .complexSqrt: refusal = k.complexSqrt(d, a, b)
            }
            if let refusal { return BallTapeFailure(instruction: index, op: ins.op, reason: refusal.rawValue) }
        }
        return nil
    }
}
