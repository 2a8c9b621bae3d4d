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
    /// The slice `evaluateVarying` runs (`restrict(toVarying:)`).
    private var defaultSlice: Slice?

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
    }

    /// The instructions of a tape that depend on some inputs (and, optionally, that some outputs
    /// need), and the outputs they can change: run after a full `evaluate`, they recompute
    /// exactly what the whole tape would for those outputs (every register is written once, SSA).
    public final class Slice {
        fileprivate let code: UnsafeMutableBufferPointer<TapeInstruction>
        fileprivate let inputs: [Int]
        /// (position in `out`, register) of the outputs the slice writes.
        fileprivate let outputs: [(Int, Int)]
        public var instructionCount: Int { code.count }

        fileprivate init(code: [TapeInstruction], inputs: [Int], outputs: [(Int, Int)]) {
            self.code = .allocate(capacity: max(code.count, 1))
            _ = self.code.initialize(from: code)
            self.inputs = inputs
            self.outputs = outputs
        }

        deinit { code.deallocate() }
    }

    /// The slice of the instructions that depend on `inputs` (transitively); with `outputs`
    /// (complex output indices), only those of them that these outputs need, and only these
    /// outputs are written.
    public func slice(varying inputs: [Int], outputs wanted: [Int]? = nil) -> Slice {
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
        let positions = wanted.map { w in w.flatMap { [2 * $0, 2 * $0 + 1] } } ?? Array(0..<outputRegisters.count)
        let outputs = positions.compactMap { k -> (Int, Int)? in
            let r = Int(outputRegisters[k])
            return depends[r] ? (k, r) : nil
        }
        if wanted != nil {
            // Backwards from the wanted outputs: the instructions whose results they read.
            var live = [Bool](repeating: false, count: depends.count)
            for (_, r) in outputs { live[r] = true }
            var needed: [TapeInstruction] = []
            for ins in kept.reversed() {
                let written = live[Int(ins.dest)] || (ins.op == .complexSqrt && live[Int(ins.dest) + 1])
                guard written else { continue }
                live[Int(ins.a)] = true
                if ins.op.isBinary { live[Int(ins.b)] = true }
                needed.append(ins)
            }
            kept = needed.reversed()
        }
        return Slice(code: kept, inputs: inputs, outputs: outputs)
    }

    /// Prepares `evaluateVarying`: only `inputs` will change between such calls (`slice`).
    public func restrict(toVarying inputs: [Int]) {
        defaultSlice = slice(varying: inputs)
    }

    /// One point that differs from the last full `evaluate` only in the inputs given to
    /// `restrict(toVarying:)` (the caller's promise: the other inputs are not even read). Only
    /// the outputs that depend on those inputs are written: `out` must be the buffer the last
    /// full `evaluate` wrote, which still holds the others.
    public func evaluateVarying(inputs: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>) {
        guard let defaultSlice else { return evaluate(inputs: inputs, into: out) }
        evaluate(defaultSlice, inputs: inputs, into: out)
    }

    /// A slice of this evaluator's tape run after a full `evaluate` (as `evaluateVarying`): it
    /// writes only the slice's outputs into `out`.
    public func evaluate(_ slice: Slice, inputs: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>) {
        for k in slice.inputs { registers[k] = inputs[k] }
        execute(slice.code)
        for (k, r) in slice.outputs { out[k] = registers[r] }
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
