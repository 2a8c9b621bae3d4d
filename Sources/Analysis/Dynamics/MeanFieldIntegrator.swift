import Algebra
import Symbolic
import KeldyshNumerics

/// Mean-field equations compiled for time integration: the state is the packed real
/// inputs of the compiled right-hand side (one slot per real variable, two — real and
/// imaginary part — per complex one), so the integrator's vector goes to native code as is.
public final class MeanFieldIntegrator: @unchecked Sendable {
    public let variables: [Symbol]
    /// Whether variable k is real (one state slot) or complex (two).
    public let realVariables: [Bool]
    public let rhs: CompiledFunction
    let evaluator: BatchEvaluator
    public let observableNames: [String]
    let observables: CompiledFunction
    let observableEvaluator: BatchEvaluator

    /// `values` must give every parameter a number (after resolving them against each other).
    /// Parameters left free (scan axes): appended to the state as inputs, set per run.
    public let free: [Symbol]

    public init(meanField: MeanFieldSystem, values: [Symbol: Expr], observables: [(name: String, expr: Expr)],
                free: [Symbol] = []) throws {
        let resolved = try resolveAssignments(values)
        variables = meanField.variables.compactMap(\.symbol)
        self.free = free
        let vars = Set(variables).union(free)
        var rhsList: [Expr] = []
        var left = Set<Symbol>()
        for e in meanField.equations {
            let r = e.rhs.substitute(resolved)
            for s in r.freeSymbols where !vars.contains(s) && !s.info.isFunction { left.insert(s) }
            rhsList.append(r)
        }
        var obs: [Expr] = []
        for (name, o) in observables {
            let r = o.substitute(resolved)
            let extra = r.freeSymbols.filter { !vars.contains($0) && !$0.info.isFunction }
            guard extra.isEmpty else { throw AnalysisError.badAssignment(name, reason: "uses \(extra.map(\.name).joined(separator: ", ")), which is not a variable or a set parameter") }
            obs.append(r)
        }
        guard left.isEmpty else { throw AnalysisError.unassigned(left.map(\.name)) }
        do {
            rhs = try CompiledFunction(rhsList, parameters: variables + free)
            self.observables = try CompiledFunction(obs.isEmpty ? [Expr.zero] : obs, parameters: variables + free)
        } catch {
            throw AnalysisError.numerical("cannot compile the mean-field equations: \(error)", cause: .init(error))
        }
        realVariables = Array(rhs.realParameters.prefix(variables.count))
        guard rhs.realParameters.suffix(free.count).allSatisfy({ $0 }) else {
            throw AnalysisError.numerical("scanned parameters must be declared real")
        }
        evaluator = BatchEvaluator(rhs)
        observableEvaluator = BatchEvaluator(self.observables)
        observableNames = observables.map(\.name)
    }

    public var stateSize: Int { rhs.inputCount - free.count }
    /// Values of the free parameters for the next `integrate`/`observe`.
    public var freeValues: [Double] = []

    /// The state vector from variable values (complex variables take re, im).
    public func state(from values: [Symbol: (Double, Double)]) -> [Double] {
        var y: [Double] = []
        for (s, real) in zip(variables, realVariables) {
            let v = values[s] ?? (0, 0)
            y.append(v.0)
            if !real { y.append(v.1) }
        }
        return y
    }

    /// The variable values (re, im) of a state vector: the inverse of `state(from:)`.
    public func values(of y: [Double]) -> [Symbol: (Double, Double)] {
        var out: [Symbol: (Double, Double)] = [:]
        var k = 0
        for (s, real) in zip(variables, realVariables) {
            out[s] = real ? (y[k], 0) : (y[k], y[k + 1])
            k += real ? 1 : 2
        }
        return out
    }

    /// Integrates with DOP853 and samples at `times`. With `allowIncomplete`, a run that
    /// stops early (a diverging solution) returns the samples reached instead of throwing.
    public func integrate(from y0: [Double], times: [Double], options: ODEOptions = ODEOptions(),
                          allowIncomplete: Bool = false) throws -> ODESolution {
        precondition(y0.count == stateSize)
        let n = rhs.outputCount
        var out = [Double](repeating: 0, count: 2 * n)
        let real = realVariables
        let ev = evaluator.threadLocalCopy()
        let stride = rhs.inputCount
        precondition(freeValues.count == free.count, "values of the free parameters are missing")
        var input = [Double](repeating: 0, count: stride)
        for (k, v) in freeValues.enumerated() { input[stateSize + k] = v }
        let size = stateSize
        let solution = integrateODE({ _, y, dy in
            for k in 0..<size { input[k] = y[k] }
            input.withUnsafeBufferPointer { inp in
                out.withUnsafeMutableBufferPointer { o in
                    ev.evaluateBatch(inputs: inp.baseAddress!, count: 1, stride: stride, into: o.baseAddress!)
                }
            }
            var k = 0
            for (eq, isReal) in real.enumerated() {
                dy[k] = out[2 * eq]; k += 1
                if !isReal { dy[k] = out[2 * eq + 1]; k += 1 }
            }
        }, from: times.first ?? 0, y0: y0, times: times, method: .dormandPrince853, options: options)
        if !solution.completed && !allowIncomplete {
            throw AnalysisError.numerical("integration stopped: \(solution.stop) after \(solution.statistics.acceptedSteps) steps")
        }
        return solution
    }

    /// Observables (real parts) at every sampled state: [observable][time].
    public func observe(_ solution: ODESolution) -> [[Double]] { observe(states: solution.states) }

    /// Observables (real parts) at every state given: [observable][state].
    public func observe(states: [[Double]]) -> [[Double]] {
        let m = observables.outputCount
        var series = [[Double]](repeating: [], count: m)
        let ev = observableEvaluator.threadLocalCopy()
        var out = [Double](repeating: 0, count: 2 * m)
        var input = [Double](repeating: 0, count: observables.inputCount)
        for (k, v) in freeValues.enumerated() { input[stateSize + k] = v }
        for y in states {
            for k in 0..<stateSize { input[k] = y[k] }
            input.withUnsafeBufferPointer { inp in
                out.withUnsafeMutableBufferPointer { o in
                    ev.evaluateBatch(inputs: inp.baseAddress!, count: 1, stride: input.count, into: o.baseAddress!)
                }
            }
            for k in 0..<m { series[k].append(out[2 * k]) }
        }
        return observableNames.isEmpty ? [] : series
    }
}
