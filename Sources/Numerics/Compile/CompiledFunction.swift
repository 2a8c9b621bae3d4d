import ArbitraryPrecision
import Symbolic

/// Expressions with named parameters, lowered once to a `Tape` from which evaluators in
/// Double, Complex<Double>, MPFR and native code (C, compiled and loaded at run time) are made.
///
/// ```swift
/// let x = Symbol("x", .real), y = Symbol("y", .real)
/// let f = try CompiledFunction([Expr.sin(x.expr) * y.expr, x.expr + Expr.i * y.expr], parameters: [x, y])
/// let evaluator = f.makeTapeEvaluator()
/// let values = evaluator.evaluate([0.5, 2.0])   // [Complex<Double>] of two entries
/// ```
///
/// A parameter declared real (or every parameter, with `assumeRealParameters`) takes one
/// real input; any other takes two (real, imaginary). Outputs are complex, stored as
/// (real, imaginary) pairs; `isRealValued` says whether every imaginary part is exactly zero
/// for all inputs, in which case the real-only entry points return `Double`s.
public struct CompiledFunction: Sendable {
    public let parameters: [Symbol]
    /// Whether parameter k takes one real input (true) or two.
    public let realParameters: [Bool]
    /// Shape of the outputs: a scalar is 1×1, a vector n×1, a matrix rows×columns (row-major).
    public let rows: Int
    public let columns: Int
    public let tape: Tape
    /// The expressions compiled, kept so numerical routines can ask symbolic questions of
    /// them (is the integrand even?) before spending evaluations.
    public let expressions: [Expr]

    public init(_ e: Expr, parameters: [Symbol], assumeRealParameters: Bool = false) throws(CompileError) {
        try self.init(outputs: [e], rows: 1, columns: 1, parameters: parameters,
                      assumeRealParameters: assumeRealParameters)
    }

    public init(_ v: [Expr], parameters: [Symbol], assumeRealParameters: Bool = false) throws(CompileError) {
        try self.init(outputs: v, rows: v.count, columns: 1, parameters: parameters,
                      assumeRealParameters: assumeRealParameters)
    }

    public init(_ m: Matrix, parameters: [Symbol], assumeRealParameters: Bool = false) throws(CompileError) {
        try self.init(outputs: m.entries, rows: m.rows, columns: m.columns, parameters: parameters,
                      assumeRealParameters: assumeRealParameters)
    }

    init(outputs: [Expr], rows: Int, columns: Int, parameters: [Symbol],
         assumeRealParameters: Bool) throws(CompileError) {
        let real = parameters.map { assumeRealParameters || $0.info.assumptions.contains(.real) }
        var lowering = try ExprLowering(parameters: parameters, realParameters: real)
        var lowered: [(re: RealOperand, im: RealOperand)] = []
        lowered.reserveCapacity(outputs.count)
        for e in outputs {
            let v = try lowering.lower(e)
            lowered.append((v.re, v.im))
        }
        self.parameters = parameters
        self.realParameters = real
        self.expressions = outputs
        self.rows = rows
        self.columns = columns
        self.tape = lowering.builder.finish(outputs: lowered)
    }

    public var outputCount: Int { tape.outputs.count }
    /// Number of real inputs per point.
    public var inputCount: Int { tape.inputCount }

    /// Every output's imaginary part is the constant zero.
    public var isRealValued: Bool {
        tape.outputs.allSatisfy { tape.constant(at: $0.im) == .rational(BigRational(0)) }
    }

    /// Real inputs per point from complex parameter values (the real part only for real parameters).
    public func packInputs<C: Collection>(_ values: C, re: (C.Element) -> Double, im: (C.Element) -> Double,
                                          into buffer: UnsafeMutablePointer<Double>) {
        precondition(values.count == parameters.count,
                     "expected \(parameters.count) parameter values, got \(values.count)")
        var k = 0
        for (v, real) in zip(values, realParameters) {
            buffer[k] = re(v)
            k += 1
            if !real { buffer[k] = im(v); k += 1 }
        }
    }
}
