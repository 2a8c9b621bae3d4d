#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ComplexModule
import RealModule

/// A compiled function as native code: the C of `CCodeGenerator`, compiled by
/// `NativeCompiler` and loaded with dlopen. Evaluation is one call into C per batch.
public final class NativeEvaluator: @unchecked Sendable {
    public typealias BatchEntry = @convention(c) (UnsafePointer<Double>?, Int, Int, UnsafeMutablePointer<Double>?) -> Void

    public let function: CompiledFunction
    /// Whether each point writes one real per output (else re, im).
    public let realOutputs: Bool
    /// Path of the loaded shared object.
    public let objectPath: String
    /// Whether the object came from the cache (no compiler run).
    public let wasCached: Bool
    private let handle: UnsafeMutableRawPointer
    private let entry: BatchEntry

    public init(_ function: CompiledFunction, realOutputs: Bool = false,
                compiler: NativeCompiler) throws(NativeCompiler.Failure) {
        precondition(!realOutputs || function.isRealValued, "real outputs requested for a complex-valued function")
        self.function = function
        self.realOutputs = realOutputs
        let source = CCodeGenerator.source(for: function, functionName: "kk_eval", realOutputs: realOutputs)
        let (path, cached) = try compiler.sharedObject(for: source)
        guard let h = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
            throw .loading(dlerror().map { String(cString: $0) } ?? path)
        }
        guard let symbol = dlsym(h, "eval_batch") else {
            dlclose(h)
            throw .loading("no eval_batch in \(path)")
        }
        handle = h
        entry = unsafeBitCast(symbol, to: BatchEntry.self)
        objectPath = path
        wasCached = cached
    }

    deinit { dlclose(handle) }

    /// Doubles written per point.
    public var outputWidth: Int { realOutputs ? function.outputCount : 2 * function.outputCount }

    /// `count` points, point p's inputs at `inputs + p·stride`, its outputs at `out + p·outputWidth`.
    public func evaluateBatch(inputs: UnsafePointer<Double>, count: Int, stride: Int,
                              into out: UnsafeMutablePointer<Double>) {
        entry(inputs, count, stride, out)
    }

    public func evaluate(_ values: [Complex<Double>]) -> [Complex<Double>] {
        var input = [Double](repeating: 0, count: max(function.inputCount, 1))
        input.withUnsafeMutableBufferPointer {
            function.packInputs(values, re: \.real, im: \.imaginary, into: $0.baseAddress!)
        }
        var out = [Double](repeating: 0, count: outputWidth)
        evaluateBatch(inputs: input, count: 1, stride: function.inputCount, into: &out)
        return realOutputs ? out.map { Complex($0, 0) }
                           : (0..<function.outputCount).map { Complex(out[2 * $0], out[2 * $0 + 1]) }
    }
}

/// Evaluates many points with native code when a C compiler is available and with the
/// tape interpreter otherwise (never failing for want of a compiler).
public final class BatchEvaluator {
    public enum Backend { case native(NativeEvaluator), tape(TapeEvaluator) }
    public let backend: Backend
    /// Why native code is not used, when it is not.
    public let fallbackReason: String?

    public init(_ function: CompiledFunction, compiler: NativeCompiler? = NativeCompiler.standard()) {
        var reason: String? = "no C compiler found"
        if let compiler {
            do {
                backend = .native(try NativeEvaluator(function, compiler: compiler))
                fallbackReason = nil
                return
            } catch {
                reason = error.description
            }
        }
        backend = .tape(TapeEvaluator(function))
        fallbackReason = reason
    }

    private init(backend: Backend, fallbackReason: String?) {
        self.backend = backend
        self.fallbackReason = fallbackReason
    }

    public var isNative: Bool { if case .native = backend { return true } else { return false } }

    /// An evaluator to use on one thread alongside this one: native code keeps no state
    /// between calls and is shared; the tape interpreter keeps scratch registers, so the
    /// copy gets its own.
    public func threadLocalCopy() -> BatchEvaluator {
        switch backend {
        case .native: return self
        case .tape(let t): return BatchEvaluator(backend: .tape(TapeEvaluator(t.function)), fallbackReason: fallbackReason)
        }
    }

    /// Layout as `TapeEvaluator.evaluateBatch`: (re, im) per output per point.
    public func evaluateBatch(inputs: UnsafePointer<Double>, count: Int, stride: Int,
                              into out: UnsafeMutablePointer<Double>) {
        switch backend {
        case .native(let n): n.evaluateBatch(inputs: inputs, count: count, stride: stride, into: out)
        case .tape(let t): t.evaluateBatch(inputs: inputs, count: count, stride: stride, into: out)
        }
    }

    public func evaluate(_ values: [Complex<Double>]) -> [Complex<Double>] {
        switch backend {
        case .native(let n): return n.evaluate(values)
        case .tape(let t): return t.evaluate(values)
        }
    }
}
