import ArbitraryPrecision

/// Straight-line code over real registers, the form every evaluator runs.
///
/// Complex values are split into real and imaginary registers at lowering time, so a
/// complex expression whose parameters are real costs mostly real arithmetic and the
/// imaginary parts that are exactly zero cost nothing. Registers are numbered
/// `0..<inputCount` (the real inputs: one per real parameter, two — real then imaginary —
/// per complex parameter), then the constants, then one register per instruction result
/// (two for `.complexSqrt`). Every register is written once (SSA).
public struct Tape: Sendable, Hashable {
    /// Number of real inputs.
    public internal(set) var inputCount: Int
    /// Constants held in registers `inputCount ..< inputCount + constants.count`.
    public internal(set) var constants: [TapeConstant]
    public internal(set) var instructions: [TapeInstruction]
    /// Total number of registers.
    public internal(set) var registerCount: Int
    /// Real and imaginary register of each output (an exact zero is a zero constant).
    public internal(set) var outputs: [(re: Int32, im: Int32)]

    public static func == (a: Tape, b: Tape) -> Bool {
        a.inputCount == b.inputCount && a.constants == b.constants && a.instructions == b.instructions
            && a.registerCount == b.registerCount && a.outputs.elementsEqual(b.outputs, by: { $0 == $1 })
    }

    public func hash(into h: inout Hasher) {
        h.combine(inputCount)
        h.combine(constants)
        h.combine(instructions)
        for o in outputs { h.combine(o.re); h.combine(o.im) }
    }

    /// Register of the first constant.
    public var constantBase: Int { inputCount }
    /// Register of the first instruction result.
    public var resultBase: Int { inputCount + constants.count }

    /// Number of arithmetic instructions (a complex square root counts once).
    public var operationCount: Int { instructions.count }

    /// How many instructions of each kind the tape holds.
    public var operationHistogram: [TapeOp: Int] {
        var h: [TapeOp: Int] = [:]
        for i in instructions { h[i.op, default: 0] += 1 }
        return h
    }

    /// The constant held in register `r`, if `r` is a constant register.
    public func constant(at r: Int32) -> TapeConstant? {
        let k = Int(r) - constantBase
        return k >= 0 && k < constants.count ? constants[k] : nil
    }
}

/// A constant of the tape, exact so that each number type rounds it once at its own precision.
public enum TapeConstant: Sendable, Hashable {
    case rational(BigRational)
    case pi

    public func toDouble() -> Double {
        switch self {
        case .rational(let q): return q.toDouble()
        case .pi: return Double.pi
        }
    }
}

/// One SSA instruction: `dest = op(a, b)` (`b` unused by unary operations).
public struct TapeInstruction: Sendable, Hashable {
    public var op: TapeOp
    public var a: Int32
    public var b: Int32
    public var dest: Int32
}

/// Real operations. `complexSqrt(a, b)` writes the principal square root of a + ib to
/// `dest` (real part) and `dest + 1` (imaginary part).
public enum TapeOp: UInt8, Sendable, Hashable, CaseIterable {
    case add, sub, mul, div, neg
    case sqrt, exp, log, sin, cos, tan, sinh, cosh, tanh, atan
    case abs, hypot, atan2, pow
    /// Heaviside θ with θ(0) = 1/2, as the reference evaluator.
    case theta
    /// Sign of a real number (0 at 0).
    case sign
    /// 1 when a == 0, else 0 (Kronecker deltas).
    case isZero
    case complexSqrt

    public var isBinary: Bool {
        switch self {
        case .add, .sub, .mul, .div, .hypot, .atan2, .pow, .complexSqrt: return true
        default: return false
        }
    }

    public var isCommutative: Bool { self == .add || self == .mul || self == .hypot }
    /// Number of registers written.
    public var resultCount: Int { self == .complexSqrt ? 2 : 1 }
}

extension Tape {
    /// The instructions split by whether every operand is a constant (transitively): those can
    /// run once when an evaluator is made, the others at every evaluation. With each its index.
    public func splitByConstantOperands() -> (constant: [(index: Int, instruction: TapeInstruction)],
                                               live: [(index: Int, instruction: TapeInstruction)]) {
        var constant = [Bool](repeating: false, count: max(registerCount, 1))
        for k in 0..<constants.count { constant[constantBase + k] = true }
        var hoisted: [(index: Int, instruction: TapeInstruction)] = [], live: [(index: Int, instruction: TapeInstruction)] = []
        for (k, ins) in instructions.enumerated() {
            if constant[Int(ins.a)] && (!ins.op.isBinary || constant[Int(ins.b)]) {
                hoisted.append((k, ins))
                for j in 0..<ins.op.resultCount { constant[Int(ins.dest) + j] = true }
            } else {
                live.append((k, ins))
            }
        }
        return (hoisted, live)
    }
}
