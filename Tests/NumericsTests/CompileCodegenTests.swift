import ComplexModule
import KeldyshNumerics
import RealModule
import Symbolic
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite struct CompileCodegenTests {
    @Test func parseErrorsReportLineAndColumnOfTheInput() {
        // Line 2 of the input, column 4: the expression ends after "x +".
        #expect(throws: EvaluatorSourceError.self) {
            try evaluatorSource("x\nx +", parameters: "x", language: .c)
        }
        do {
            _ = try evaluatorSource("x\nx +", parameters: "x", language: .c)
        } catch {
            guard case .expression(let e) = error else { Issue.record("wrong error \(error)"); return }
            #expect(e.line == 2 && e.column == 4)
        }
    }

    @Test func exponentialOfAnImaginaryArgumentNeedsNoExp() throws {
        // exp(i y) = cos y + i sin y for real y: the lowering's exp(0) folds to 1, leaving cos and sin.
        let y = Symbol("y", .real)
        let f = try CompiledFunction(Expr.exp(Expr.i * y.expr), parameters: [y])
        #expect(f.tape.operationHistogram == [.cos: 1, .sin: 1])
    }

    @Test func generatedCCompilesAndEvaluates() throws {
        guard let compiler = NativeCompiler.standard() else { return }
        let source = try evaluatorSource("x*y + 1/2\nsqrt(x)", parameters: "x:positive, y:real", language: .c)
        let (path, _) = try compiler.sharedObject(for: source)
        let handle = try #require(dlopen(path, RTLD_NOW | RTLD_LOCAL))
        defer { dlclose(handle) }
        typealias Point = @convention(c) (UnsafePointer<Double>?, UnsafeMutablePointer<Double>?) -> Void
        let point = unsafeBitCast(try #require(dlsym(handle, "kk_eval")), to: Point.self)
        var out = [Double](repeating: .nan, count: 2)
        point([4, 2.5], &out)
        // Both outputs are real, so one double each: 4·2.5 + 1/2 = 10.5 and √4 = 2, exactly.
        #expect(out == [10.5, 2])
    }
}
