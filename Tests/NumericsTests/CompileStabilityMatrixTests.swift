import ArbitraryPrecision
import ComplexModule
import KeldyshNumerics
import Symbolic
import Testing
import TestSupport

/// The compiled 6×6 stability matrix A2 of paper 003 against entry-by-entry evaluation
/// with the reference evaluator of Symbolic.
@Suite struct CompileStabilityMatrixTests {
    let a2 = StabilityA2()

    @Test func doubleBackendsMatchDirectEvaluation() throws {
        let m = a2.matrix
        let f = try CompiledFunction(m, parameters: a2.parameters)
        #expect(f.rows == 6 && f.columns == 6 && f.inputCount == 10)
        let tape = TapeEvaluator(f)
        let native = try NativeEvaluator(f, compiler: try #require(NativeCompiler.standard()))
        var rng = SplitMix64(seed: 3003)
        for _ in 0..<100 {
            let point = a2.randomPoint(&rng)
            let values = Dictionary(uniqueKeysWithValues: zip(a2.parameters, point.map { Complex($0, 0) }))
            let fromTape = tape.evaluate(point)
            let fromNative = native.evaluate(point.map { Complex($0, 0) })
            for (k, e) in m.entries.enumerated() {
                let want = try e.evaluate(values)
                // Each entry is a handful of roundings of O(1) numbers.
                #expect((fromTape[k] - want).length <= 4e-16 * max(1, want.length) * 8, "entry \(k)")
                #expect((fromNative[k] - want).length <= 4e-16 * max(1, want.length) * 8, "entry \(k)")
            }
        }
    }

    @Test func zeroEntriesAndRealPartsCostNothing() throws {
        let f = try CompiledFunction(a2.matrix, parameters: a2.parameters)
        // Counted on A2 as printed: rows have 4, 4, 4, 4, 3, 3 nonzero entries, so 14 of the
        // 36 are zero and cost no register; of the 22 nonzero entries only the diagonal ones
        // (0,0), (1,1), (4,4), (5,5) have a real part (−κ/2, −γ_t/2), the rest are imaginary.
        let zeroRegister = f.tape.outputs[1].re
        let zeros = f.tape.outputs.filter { $0.re == zeroRegister && $0.im == zeroRegister }.count
        #expect(zeros == 14)
        let realParts = f.tape.outputs.filter { $0.re != zeroRegister }.count
        #expect(realParts == 4)
    }

    @Test func mpfrMatchesDirectEvaluationTo95Digits() throws {
        let m = a2.matrix
        let f = try CompiledFunction(m, parameters: a2.parameters)
        let evaluator = MPFREvaluator(f, digits: 100)
        let bits = BigFloat.bits(forDigits: 100)
        var rng = SplitMix64(seed: 3004)
        for _ in 0..<5 {
            let point = a2.randomPoint(&rng).map { BigFloat($0, precision: bits) }
            let got = evaluator.evaluate(point)
            let values = Dictionary(uniqueKeysWithValues: zip(a2.parameters, point.map { BigComplex($0) }))
            for (k, e) in m.entries.enumerated() {
                let want = try e.evaluate(values, precision: bits)
                #expect(distance(got[k], want) <= 1e-95 * max(1, want.abs.toDouble()), "entry \(k)")
            }
        }
    }
}
