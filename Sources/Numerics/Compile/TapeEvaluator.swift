import ComplexModule
import RealModule
import Symbolic

/// Interprets a tape in Double arithmetic. Registers are allocated once, when the
/// evaluator is made, so an evaluation allocates nothing (except the arrays returned by
/// the convenience entry points). Not thread-safe: make one evaluator per thread.
public final class TapeEvaluator {
    public let function: CompiledFunction
    private let registers: UnsafeMutablePointer<Double>
    private let code: UnsafeMutableBufferPointer<TapeInstruction>
    private let outputRegisters: UnsafeMutableBufferPointer<Int32>
    private let inputCount: Int
    /// The instructions that depend on the varying inputs (`evaluateVarying`), and those inputs.
    private var slice: UnsafeMutableBufferPointer<TapeInstruction>?
    private var varyingInputs: [Int] = []

    public init(_ function: CompiledFunction) {
        self.function = function
        let tape = function.tape
        inputCount = tape.inputCount
        registers = .allocate(capacity: max(tape.registerCount, 1))
        registers.initialize(repeating: 0, count: max(tape.registerCount, 1))
        for (k, c) in tape.constants.enumerated() { registers[tape.constantBase + k] = c.toDouble() }
        code = .allocate(capacity: tape.instructions.count)
        _ = code.initialize(from: tape.instructions)
        outputRegisters = .allocate(capacity: 2 * tape.outputs.count)
        for (k, o) in tape.outputs.enumerated() { outputRegisters[2 * k] = o.re; outputRegisters[2 * k + 1] = o.im }
    }

    deinit {
        registers.deallocate()
        code.deallocate()
        outputRegisters.deallocate()
        slice?.deallocate()
    }

    /// Prepares `evaluateVarying`: only `inputs` will change between such calls, so only the
    /// instructions that depend on them (transitively) need to run again; the others keep the
    /// registers of the last full `evaluate`. Every register is written once (SSA), so the
    /// slice in tape order computes exactly what the whole tape would: the same bits.
    public func restrict(toVarying inputs: [Int]) {
        var depends = [Bool](repeating: false, count: max(function.tape.registerCount, 1))
        for k in inputs { depends[k] = true }
        var kept: [TapeInstruction] = []
        for ins in code {
            let d = depends[Int(ins.a)] || (ins.op.isBinary && depends[Int(ins.b)])
            if d {
                depends[Int(ins.dest)] = true
                if ins.op == .complexSqrt { depends[Int(ins.dest) + 1] = true }
                kept.append(ins)
            }
        }
        slice?.deallocate()
        let s = UnsafeMutableBufferPointer<TapeInstruction>.allocate(capacity: kept.count)
        _ = s.initialize(from: kept)
        slice = s
        varyingInputs = inputs
    }

    /// One point that differs from the last full `evaluate` only in the inputs given to
    /// `restrict(toVarying:)` (the caller's promise: the other inputs are not even read).
    public func evaluateVarying(inputs: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>) {
        guard let slice else { return evaluate(inputs: inputs, into: out) }
        for k in varyingInputs { registers[k] = inputs[k] }
        execute(slice)
        for k in 0..<outputRegisters.count { out[k] = registers[Int(outputRegisters[k])] }
    }

    /// One point: `inputs` holds `function.inputCount` reals, `out` receives (re, im) per output.
    public func evaluate(inputs: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>) {
        run(inputs)
        for k in 0..<outputRegisters.count { out[k] = registers[Int(outputRegisters[k])] }
    }

    /// One point, real parts only (for `isRealValued` functions): `out` receives one real per output.
    public func evaluateReal(inputs: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>) {
        run(inputs)
        for k in 0..<outputRegisters.count / 2 { out[k] = registers[Int(outputRegisters[2 * k])] }
    }

    /// `count` points, point p's inputs at `inputs + p·stride`, its outputs at `out + p·2·outputCount`.
    public func evaluateBatch(inputs: UnsafePointer<Double>, count: Int, stride: Int,
                              into out: UnsafeMutablePointer<Double>) {
        let width = outputRegisters.count
        for p in 0..<count { evaluate(inputs: inputs + p * stride, into: out + p * width) }
    }

    public func evaluate(_ values: [Complex<Double>]) -> [Complex<Double>] {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: max(inputCount, 1)) { buffer in
            function.packInputs(values, re: \.real, im: \.imaginary, into: buffer.baseAddress!)
            run(buffer.baseAddress!)
        }
        return (0..<outputRegisters.count / 2).map {
            Complex(registers[Int(outputRegisters[2 * $0])], registers[Int(outputRegisters[2 * $0 + 1])])
        }
    }

    /// Real parameter values (each complex parameter gets a zero imaginary part).
    public func evaluate(_ values: [Double]) -> [Complex<Double>] {
        evaluate(values.map { Complex($0, 0) })
    }

    @inline(__always) private func run(_ inputs: UnsafePointer<Double>) {
        registers.update(from: inputs, count: inputCount)
        execute(code)
    }

    @inline(__always) private func execute(_ code: UnsafeMutableBufferPointer<TapeInstruction>) {
        let r = registers
        for ins in code {
            let a = r[Int(ins.a)], d = Int(ins.dest)
            switch ins.op {
            case .add: r[d] = a + r[Int(ins.b)]
            case .sub: r[d] = a - r[Int(ins.b)]
            case .mul: r[d] = a * r[Int(ins.b)]
            case .div: r[d] = a / r[Int(ins.b)]
            case .neg: r[d] = -a
            case .sqrt: r[d] = a.squareRoot()
            case .exp: r[d] = Double.exp(a)
            case .log: r[d] = Double.log(a)
            case .sin: r[d] = Double.sin(a)
            case .cos: r[d] = Double.cos(a)
            case .tan: r[d] = Double.tan(a)
            case .sinh: r[d] = Double.sinh(a)
            case .cosh: r[d] = Double.cosh(a)
            case .tanh: r[d] = Double.tanh(a)
            case .atan: r[d] = Double.atan(a)
            case .abs: r[d] = Swift.abs(a)
            case .hypot: r[d] = Double.hypot(a, r[Int(ins.b)])
            case .atan2: r[d] = Double.atan2(y: a, x: r[Int(ins.b)])
            case .pow: r[d] = Double.pow(a, r[Int(ins.b)])
            case .theta: r[d] = a > 0 ? 1 : (a < 0 ? 0 : 0.5)
            case .sign: r[d] = a > 0 ? 1 : (a < 0 ? -1 : 0)
            case .isZero: r[d] = a == 0 ? 1 : 0
            case .complexSqrt:
                let (re, im) = complexSquareRoot(a, r[Int(ins.b)])
                r[d] = re
                r[d + 1] = im
            }
        }
    }
}

/// Principal square root of a + ib without cancellation: the larger part comes from
/// √((|a| + |z|)/2), the other by division (Kahan's method without the scaling for overflow).
@inline(__always)
func complexSquareRoot(_ a: Double, _ b: Double) -> (Double, Double) {
    if a == 0 && b == 0 { return (0, b) }
    let t = ((Swift.abs(a) + Double.hypot(a, b)) * 0.5).squareRoot()
    if a >= 0 { return (t, b / (2 * t)) }
    return (Swift.abs(b) / (2 * t), b.sign == .minus ? -t : t)
}
