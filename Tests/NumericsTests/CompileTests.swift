import ArbitraryPrecision
import ComplexModule
import KeldyshNumerics
import RealModule
import Symbolic
import Testing
import TestSupport

@Suite struct CompileTests {
    let x = Symbol("x", .real), y = Symbol("y", .positive), z = Symbol("z")

    /// Expressions covering every lowering path (`LoweringPathExpressions`).
    var expressions: [Expr] { LoweringPathExpressions.make(x, y, z) }

    var parameters: [Symbol] { [x, y, z] }

    func randomValues(_ rng: inout SplitMix64) -> [Complex<Double>] {
        [Complex(rng.uniform(-2, 2), 0), Complex(rng.uniform(0.1, 3), 0), Complex(rng.uniform(-2, 2), rng.uniform(-2, 2))]
    }

    func reference(_ e: Expr, _ values: [Complex<Double>]) throws -> Complex<Double> {
        try e.evaluate(Dictionary(uniqueKeysWithValues: zip(parameters, values)))
    }

    // MARK: Common subexpressions, counted by hand

    @Test func repeatedSumIsComputedOnce() throws {
        // (x+y)² + sin(x+y) + z(x+y) with x, y, z real: s = x+y (1 add), s·s (1 mul), sin s,
        // z·s (1 mul), and 2 adds for the three-term sum: 6 operations, 3 of them adds.
        let (a, b, c) = (Symbol("a", .real), Symbol("b", .real), Symbol("c", .real))
        let s = a.expr + b.expr
        let e = Expr.pow(s, .two) + Expr.sin(s) + c.expr * s
        let f = try CompiledFunction(e, parameters: [a, b, c])
        #expect(f.tape.operationCount == 6)
        #expect(f.tape.operationHistogram == [.add: 3, .mul: 2, .sin: 1])
        #expect(f.isRealValued)
    }

    @Test func powersShareTheirSquaringChain() throws {
        // x⁵ + x³: x² = x·x, x³ = x²·x, x⁴ = x²·x², x⁵ = x⁴·x, then one add: 4 muls + 1 add.
        let f = try CompiledFunction(Expr.pow(x.expr, Expr.integer(5)) + Expr.pow(x.expr, Expr.integer(3)), parameters: [x])
        #expect(f.tape.operationHistogram == [.mul: 4, .add: 1])
    }

    @Test func complexSquareOfRealPartsIsFiveRealOperations() throws {
        // (a + i b)² with a, b real: re = a·a − b·b, im = a·b + b·a with a·b shared:
        // muls a·a, b·b, a·b, one sub, one add = 5 (a complex product would take 4 muls + 2 adds).
        // The canonical form is −(b − i a)² (the sum's leading coefficient is normalised with
        // its unit), so one negation of the result comes on top.
        let (a, b) = (Symbol("a", .real), Symbol("b", .real))
        let f = try CompiledFunction(Expr.pow(a.expr + Expr.i * b.expr, .two), parameters: [a, b])
        #expect(f.tape.operationHistogram == [.mul: 3, .sub: 1, .add: 1, .neg: 1])
        #expect(!f.isRealValued)
        let v = TapeEvaluator(f).evaluate([3.0, 2.0])
        // (3 + 2i)² = 5 + 12i.
        #expect(v == [Complex(5, 12)])
    }

    // MARK: Agreement with the reference evaluator

    @Test func tapeAgreesWithReferenceInDouble() throws {
        var rng = SplitMix64(seed: 5001)
        let f = try CompiledFunction(expressions, parameters: parameters)
        let evaluator = TapeEvaluator(f)
        for _ in 0..<200 {
            let values = randomValues(&rng)
            let got = evaluator.evaluate(values)
            for (k, e) in expressions.enumerated() {
                let want = try reference(e, values)
                // A few ulps times the size of the terms (these expressions are well conditioned).
                #expect((got[k] - want).length <= 1e-13 * max(1, want.length), "expression \(k) at \(values)")
            }
        }
    }

    /// `evaluateVarying` runs only the instructions that depend on the inputs declared
    /// varying; with the others unchanged since the last full run it must give the full run's
    /// bits (the second method: a fresh evaluator's full run at the same point).
    @Test func varyingSliceGivesTheFullTapesBits() throws {
        var rng = SplitMix64(seed: 5003)
        let f = try CompiledFunction(expressions, parameters: parameters)
        // Inputs: x (0), y (1), z (2: re, 3: im).
        for varying in [[0], [2, 3]] {
            let sliced = TapeEvaluator(f), full = TapeEvaluator(f)
            sliced.restrict(toVarying: varying)
            var inputs = [Double](repeating: 0, count: f.inputCount)
            var a = [Double](repeating: 0, count: 2 * f.outputCount), b = a
            for point in 0..<20 {
                let v = randomValues(&rng)
                inputs = [v[0].real, v[1].real, v[2].real, v[2].imaginary]
                sliced.evaluate(inputs: inputs, into: &a)
                for _ in 0..<10 {
                    for k in varying { inputs[k] = rng.uniform(-2, 2) }
                    sliced.evaluateVarying(inputs: inputs, into: &a)
                    full.evaluate(inputs: inputs, into: &b)
                    #expect(zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern || ($0.isNaN && $1.isNaN) },
                            "varying \(varying), point \(point): \(a) against \(b)")
                }
            }
        }
    }

    /// A slice narrowed to some outputs keeps only the instructions they need and writes only
    /// them, with the full run's bits (the second method: a fresh evaluator's full run); the
    /// other outputs keep the last full run's values.
    @Test func narrowedSliceGivesTheFullTapesBitsForItsOutputs() throws {
        var rng = SplitMix64(seed: 5004)
        let f = try CompiledFunction(expressions, parameters: parameters)
        let n = f.outputCount
        for wanted in [[0], [n - 1], Array(stride(from: 0, to: n, by: 2))] {
            let sliced = TapeEvaluator(f), full = TapeEvaluator(f)
            let narrow = sliced.slice(varying: [0], outputs: wanted)
            #expect(narrow.instructionCount <= sliced.slice(varying: [0]).instructionCount)
            var inputs = [Double](repeating: 0, count: f.inputCount)
            var a = [Double](repeating: 0, count: 2 * n), b = a
            for point in 0..<10 {
                let v = randomValues(&rng)
                inputs = [v[0].real, v[1].real, v[2].real, v[2].imaginary]
                sliced.evaluate(inputs: inputs, into: &a)
                let before = a
                for _ in 0..<10 {
                    inputs[0] = rng.uniform(-2, 2)
                    a.withUnsafeMutableBufferPointer { o in inputs.withUnsafeBufferPointer { sliced.evaluate(narrow, inputs: $0.baseAddress!, into: o.baseAddress!) } }
                    full.evaluate(inputs: inputs, into: &b)
                    for k in 0..<n {
                        let (x, y) = wanted.contains(k) ? (b[2 * k], b[2 * k + 1]) : (before[2 * k], before[2 * k + 1])
                        #expect((a[2 * k].bitPattern == x.bitPattern || (a[2 * k].isNaN && x.isNaN))
                                && (a[2 * k + 1].bitPattern == y.bitPattern || (a[2 * k + 1].isNaN && y.isNaN)),
                                "outputs \(wanted), point \(point), output \(k)")
                    }
                }
            }
        }
    }

    @Test func nativeCodeAgreesWithTape() throws {
        let f = try CompiledFunction(expressions, parameters: parameters)
        let native = try NativeEvaluator(f, compiler: try #require(NativeCompiler.standard()))
        let tape = TapeEvaluator(f)
        var rng = SplitMix64(seed: 5002)
        let n = 300
        var inputs: [Double] = []
        for _ in 0..<n {
            let v = randomValues(&rng)
            inputs += [v[0].real, v[1].real, v[2].real, v[2].imaginary]
        }
        #expect(f.inputCount == 4)
        var fromNative = [Double](repeating: .nan, count: n * native.outputWidth)
        var fromTape = fromNative
        native.evaluateBatch(inputs: inputs, count: n, stride: 4, into: &fromNative)
        tape.evaluateBatch(inputs: inputs, count: n, stride: 4, into: &fromTape)
        for p in 0..<n {
            let values = [Complex(inputs[4 * p], 0), Complex(inputs[4 * p + 1], 0), Complex(inputs[4 * p + 2], inputs[4 * p + 3])]
            for (k, e) in expressions.enumerated() {
                let want = try reference(e, values)
                let got = Complex(fromNative[p * native.outputWidth + 2 * k], fromNative[p * native.outputWidth + 2 * k + 1])
                let interpreted = Complex(fromTape[p * native.outputWidth + 2 * k], fromTape[p * native.outputWidth + 2 * k + 1])
                #expect((got - want).length <= 1e-13 * max(1, want.length), "expression \(k) at point \(p)")
                // Same operations in the same order; libm and the Swift overlay may differ by an ulp.
                #expect((got - interpreted).length <= 1e-14 * max(1, want.length))
            }
        }
    }

    @Test func mpfrAgreesWithReferenceTo95Digits() throws {
        let f = try CompiledFunction(expressions, parameters: parameters)
        let evaluator = MPFREvaluator(f, digits: 100)
        let bits = BigFloat.bits(forDigits: 100)
        var rng = SplitMix64(seed: 5003)
        for _ in 0..<20 {
            let v = randomValues(&rng)
            let values = v.map { BigComplex(BigFloat($0.real, precision: bits), BigFloat($0.imaginary, precision: bits)) }
            let got = evaluator.evaluate(values)
            for (k, e) in expressions.enumerated() {
                let want = try e.evaluate(Dictionary(uniqueKeysWithValues: zip(parameters, values)), precision: bits)
                let scale = max(1, want.abs.toDouble())
                #expect(distance(got[k], want) <= 1e-95 * scale, "expression \(k): \(got[k]) vs \(want)")
            }
        }
    }

    @Test func mpfrEvaluatorReusesOutputStorage() throws {
        // 1/3 at 200 bits, written into caller-owned numbers on the second call.
        let f = try CompiledFunction(1 / (x.expr + 2), parameters: [x])
        let evaluator = MPFREvaluator(f, precision: 200)
        var out: [BigComplex] = []
        evaluator.evaluate([BigComplex(BigFloat(1, precision: 200))], into: &out)
        evaluator.evaluate([BigComplex(BigFloat(1, precision: 200))], into: &out)
        let third = BigFloat(BigRational(BigInt(1), BigInt(3)), precision: 200)
        #expect(out.count == 1 && out[0].re.precision == 200)
        #expect(distance(out[0].re, third) == 0 && out[0].im.isZero)
    }

    // MARK: Errors and fallback

    @Test func compileErrorsNameTheCulprit() {
        #expect(throws: CompileError.unboundSymbol("q")) { try CompiledFunction(Expr.symbol("q") + x.expr, parameters: [x]) }
        let op = Symbol("b", commutation: .operator(space: 0))
        #expect(throws: CompileError.notANumber("b")) { try CompiledFunction(op.expr * x.expr, parameters: [x]) }
        #expect(throws: CompileError.userFunction("F")) { try CompiledFunction(Symbol.function("F")(x.expr), parameters: [x]) }
        #expect(throws: CompileError.duplicateParameter("x")) { try CompiledFunction(x.expr, parameters: [x, x]) }
    }

    @Test func missingCompilerFallsBackToTape() throws {
        let f = try CompiledFunction(expressions, parameters: parameters)
        let absent = NativeCompiler(compilerPath: "/nonexistent/cc", cacheDirectory: "/tmp/keldyshkit-test-absent", flags: ["-O2"])
        let batch = BatchEvaluator(f, compiler: absent)
        #expect(!batch.isNative)
        #expect(batch.fallbackReason != nil)
        let values = [Complex(0.5, 0), Complex(1.5, 0), Complex(0.25, -0.75)]
        #expect(batch.evaluate(values) == TapeEvaluator(f).evaluate(values))
        // A compiler that rejects its flags also falls back, with its message as the reason.
        if let cc = NativeCompiler.standard() {
            let broken = NativeCompiler(compilerPath: cc.compilerPath, cacheDirectory: cc.cacheDirectory,
                                        flags: ["--no-such-flag-for-keldyshkit"])
            let b2 = BatchEvaluator(f, compiler: broken)
            #expect(!b2.isNative)
            #expect(b2.fallbackReason?.contains("compiler failed") == true)
        }
    }

    @Test func compiledObjectsAreCachedBySource() throws {
        guard let standard = NativeCompiler.standard() else { return }
        let directory = "/tmp/keldyshkit-jit-test-\(UInt64.random(in: 0...UInt64.max))"
        let compiler = NativeCompiler(compilerPath: standard.compilerPath, cacheDirectory: directory, flags: standard.flags)
        let f = try CompiledFunction(Expr.sin(x.expr) * y.expr, parameters: [x, y])
        let first = try NativeEvaluator(f, compiler: compiler)
        let second = try NativeEvaluator(f, compiler: compiler)
        #expect(!first.wasCached && second.wasCached)
        #expect(first.objectPath == second.objectPath)
        // sin(1)·2 = 1.682941969615793 (libm; same value as Double.sin).
        #expect(second.evaluate([Complex(1, 0), Complex(2, 0)]) == [Complex(Double.sin(1) * 2, 0)])
    }
}
