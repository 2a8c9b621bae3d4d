import Algebra
import ArbitraryPrecision
import ComplexModule
import KeldyshNumerics
import RealModule
import Symbolic

/// What `keldysh correlation` asks: ⟨A(t+τ)B(t)⟩ from the second-order correlation equations
/// (`CorrelationSystem`), either in the steady state reached after `settle` or at the time
/// `at` of a trajectory, and its transform, the spectrum
///
///   S(ω) = (1/π) Re ∫_0^∞ dτ e^{−iωτ} [⟨A(t+τ)B(t)⟩ − G_∞]
///
/// (for A = a†, B = a the emission spectrum, peaked at the frequency of a in the model's
/// frame, ∫ S dω = Re(G(0) − G_∞)).
public struct CorrelationRequest: Sendable {
    public var system: CorrelationSystem
    /// Parameter values (N among them).
    public var values: [Symbol: Expr]
    /// The equal-time variables at time 0 (means and second moments; unlisted ones are 0).
    public var initial: [Symbol: (Double, Double)]
    /// nil: the steady state, the equal-time equations integrated for `settle` and required
    /// to be stationary; otherwise the time t of the trajectory from `initial` at which τ starts.
    public var at: Double?
    public var settle: Double = 1000
    /// The largest |d/dt| of an equal-time variable accepted as stationary.
    public var stationaryTolerance = 1e-7
    public var tauMax: Double
    public var tauStep: Double
    public var omegas: [Double]
    public var relativeTolerance = 1e-10
    public var absoluteTolerance = 1e-12

    public init(system: CorrelationSystem, values: [Symbol: Expr], initial: [Symbol: (Double, Double)],
                tauMax: Double, tauStep: Double, omegas: [Double]) {
        self.system = system
        self.values = values
        self.initial = initial
        self.tauMax = tauMax
        self.tauStep = tauStep
        self.omegas = omegas
    }
}

public struct CorrelationResult: Sendable {
    public var taus: [Double]
    /// G(τ) = ⟨A(t+τ)B(t)⟩ (intensive) and the disconnected part ⟨A(t+τ)⟩⟨B(t)⟩.
    public var correlation: [Complex<Double>]
    public var disconnected: [Complex<Double>]
    public var omegas: [Double]
    public var spectrum: [Double]
    /// Whether the start is a steady state (the spectrum is then the resolvent's, exact for
    /// the closed equations; otherwise the trapezoid transform of G over [0, τ_max]).
    public var steady: Bool
    /// The time t at which τ starts.
    public var start: Double
    /// The largest |d/dt| of an equal-time variable at the start.
    public var residual: Double
    /// G_∞ = lim G(τ) in the steady state (the coherent part, a δ at ω = 0 of the model's frame).
    public var coherent: Complex<Double>?
    /// The eigenvalues of the linear correlation equations in the steady state (decay rates
    /// and frequencies of the lines).
    public var rates: [Complex<Double>]
    public var unknowns: [String]
    public var notes: [String]
}

/// The correlation job.
public func twoTimeCorrelation(_ r: CorrelationRequest) throws -> CorrelationResult {
    guard r.tauMax > 0, r.tauStep > 0, r.tauMax / r.tauStep <= 1e6 else {
        throw AnalysisError.badRange("tau=\(r.tauMax), dtau=\(r.tauStep)", reason: "need τ_max > 0, dτ > 0, at most 10⁶ samples")
    }
    guard r.omegas.count <= 100_000, r.omegas.allSatisfy(\.isFinite) else {
        throw AnalysisError.badRange("--omega", reason: "at most 10⁵ finite frequencies")
    }
    if r.at != nil, Double(r.omegas.count) * (r.tauMax / r.tauStep + 1) > 1e8 {
        throw AnalysisError.badRange("--omega", reason: "the transform over a trajectory costs one term per frequency and sample: "
                                     + "at most 10⁸ (fewer frequencies or a larger dτ)")
    }
    let t0 = r.at ?? r.settle
    guard t0 >= 0, t0.isFinite, t0 <= 1e7 else { throw AnalysisError.badRange(r.at == nil ? "--settle" : "--at", reason: "need 0 ≤ t ≤ 10⁷") }
    let sys = r.system
    var options = ODEOptions()
    options.relativeTolerance = r.relativeTolerance
    options.absoluteTolerance = r.absoluteTolerance
    options.maxSteps = 5_000_000
    // The equal-time state at t0.
    let equal = try MeanFieldIntegrator(meanField: sys.equalTime, values: r.values, observables: [])
    var state = r.initial
    if t0 > 0 {
        let run = try equal.integrate(from: equal.state(from: r.initial), times: [0, t0], options: options)
        state = equal.values(of: run.states[run.states.count - 1])
    }
    for v in sys.equalTime.variables.compactMap(\.symbol) where state[v] == nil { state[v] = (0, 0) }
    let resolved = try resolveAssignments(r.values)
    var point: [Symbol: Complex<Double>] = [:]
    for (s, v) in state { point[s] = Complex(v.0, v.1) }
    func value(_ e: Expr, _ what: String, at point: [Symbol: Complex<Double>]) throws -> Complex<Double> {
        do {
            let z = try e.substitute(resolved).evaluate(point)
            guard z.real.isFinite, z.imaginary.isFinite else { throw AnalysisError.numerical("\(what) is not finite") }
            return z
        } catch let e as AnalysisError { throw e } catch {
            throw AnalysisError.numerical("cannot evaluate \(what): \(error)", cause: .init(error))
        }
    }
    var residual = 0.0
    for e in sys.equalTime.equations { residual = max(residual, try value(e.rhs, "d\(e.variable)/dt", at: point).length) }
    if r.at == nil && residual > r.stationaryTolerance {
        throw AnalysisError.numerical("no steady state: after t = \(t0) the equal-time moments still move "
            + "(largest |d/dt| = \(residual) > \(r.stationaryTolerance)); integrate longer (--settle) or start on a trajectory (--at)")
    }
    let b0 = try value(sys.earlierMeanValue, "⟨B(t)⟩", at: point)
    point[sys.earlierMean] = b0
    var start = state
    let unknowns = sys.variables.compactMap(\.symbol)
    for s in unknowns {
        let z = try value(sys.initial[s]!, "the start of \(s.name)", at: point)
        start[s] = (z.real, z.imaginary)
    }
    // G(τ) and ⟨A(t+τ)⟩⟨B(t)⟩ along τ, with the equal-time moments carried along.
    var values = r.values
    values[sys.earlierMean] = Expr.number(GaussianRational(BigRational(exactly: b0.real), BigRational(exactly: b0.imaginary)))
    let joint = MeanFieldSystem(equations: sys.equalTime.equations + sys.equations, added: [], closure: sys.equalTime.closure)
    let observables: [(name: String, expr: Expr)] = [("re G", Expr.re(sys.correlation)), ("im G", Expr.im(sys.correlation)),
                                                     ("re D", Expr.re(sys.disconnected)), ("im D", Expr.im(sys.disconnected))]
    let integ = try MeanFieldIntegrator(meanField: joint, values: values, observables: observables)
    let count = Int((r.tauMax / r.tauStep).rounded(.down)) + 1
    let taus = (0..<count).map { Double($0) * r.tauStep }
    let solution = try integ.integrate(from: integ.state(from: start), times: taus, options: options)
    let obs = integ.observe(solution)
    let g = (0..<count).map { Complex(obs[0][$0], obs[1][$0]) }
    let d = (0..<count).map { Complex(obs[2][$0], obs[3][$0]) }
    var result = CorrelationResult(taus: taus, correlation: g, disconnected: d, omegas: r.omegas, spectrum: [],
                                   steady: r.at == nil, start: t0, residual: residual, coherent: nil, rates: [],
                                   unknowns: unknowns.map(\.name), notes: [])
    if r.at == nil {
        try resolventSpectrum(r, unknowns: unknowns, value: value, point: point, start: start, into: &result)
    } else {
        // A trajectory has no stationary part to take off: the transform of G itself over
        // the window, by the trapezoid rule.
        result.spectrum = r.omegas.map { w in
            var s = Complex<Double>.zero
            for k in 0..<count {
                let weight = (k == 0 || k == count - 1) ? 0.5 : 1.0
                s += Complex(weight * r.tauStep, 0) * Complex(Double.cos(w * taus[k]), -Double.sin(w * taus[k])) * g[k]
            }
            return s.real / Double.pi
        }
        result.notes.append("not a steady state: the spectrum is (1/π) Re ∫_0^τmax e^{−iωτ} G(τ) dτ over the window (trapezoid rule)")
    }
    return result
}

/// In a steady state the correlation equations are linear with constant coefficients,
/// dC/dτ = M C + f, and G = g₀ + g·C: G_∞ = g₀ + g·C_∞ with C_∞ = −M⁻¹f, and
/// ∫_0^∞ e^{−iωτ}(G − G_∞) dτ = g·(iω − M)⁻¹(C(0) − C_∞). M, f, g, g₀ are read off by
/// evaluating the right-hand sides at C = 0 and at unit vectors (and checked complex-linear).
private func resolventSpectrum(_ r: CorrelationRequest, unknowns: [Symbol],
                               value: (Expr, String, [Symbol: Complex<Double>]) throws -> Complex<Double>,
                               point fixed: [Symbol: Complex<Double>], start: [Symbol: (Double, Double)],
                               into result: inout CorrelationResult) throws {
    let sys = r.system
    let n = unknowns.count
    func at(_ c: [Complex<Double>]) throws -> (rhs: [Complex<Double>], g: Complex<Double>) {
        var point = fixed
        for (s, z) in zip(unknowns, c) { point[s] = z }
        return (try sys.equations.map { try value($0.rhs, "d\($0.variable)/dτ", point) }, try value(sys.correlation, "the correlation", point))
    }
    let zero = [Complex<Double>](repeating: .zero, count: n)
    let (f, g0) = try at(zero)
    var m = [[Complex<Double>]](repeating: zero, count: n)
    var g = zero
    for j in 0..<n {
        var e = zero
        e[j] = .one
        let (col, gj) = try at(e)
        e[j] = .i
        let (colI, _) = try at(e)
        for i in 0..<n {
            m[i][j] = col[i] - f[i]
            if (colI[i] - f[i] - .i * m[i][j]).length > 1e-9 * (1 + m[i][j].length) {
                throw AnalysisError.numerical("the correlation equations are not linear in the unknowns")
            }
        }
        g[j] = gj - g0
    }
    let c0 = unknowns.map { Complex(start[$0]!.0, start[$0]!.1) }
    let eigen: EigenDecomposition
    do {
        eigen = try DenseMatrix(m).eigen(vectors: true)
    } catch {
        throw AnalysisError.numerical("eigenvalues of the correlation equations: \(error)", cause: .init(error))
    }
    result.rates = eigen.values.sorted { $0.imaginary != $1.imaginary ? $0.imaginary < $1.imaginary : $0.real < $1.real }
    var spectrum: [Double] = []
    let coherent: Complex<Double>
    if let cInf = solveComplexLinear(m, f.map { -$0 }) {
        coherent = g0 + zip(g, cInf).map { $0 * $1 }.reduce(.zero, +)
        let rhs = zip(c0, cInf).map { $0 - $1 }
        for w in r.omegas {
            var a = m.map { $0.map { -$0 } }
            for k in 0..<n { a[k][k] += Complex(0, w) }
            guard let x = solveComplexLinear(a, rhs) else {
                throw AnalysisError.numerical("the resolvent (iω − M)⁻¹ is singular at ω = \(w): an undamped line")
            }
            spectrum.append(zip(g, x).map { $0 * $1 }.reduce(.zero, +).real / Double.pi)
        }
    } else {
        // M is singular (a mode the dynamics does not damp, such as a moment odd under a
        // symmetry of a symmetric state). In the eigenbasis, M = VΛV⁻¹: a mode with λ = 0
        // keeps its start (and must have no source, else it grows linearly); every other
        // mode relaxes to −h/λ, its deviation giving a line 1/(iω − λ).
        let v = eigen.vectors!
        let columns = (0..<n).map { j in (0..<n).map { v[$0, j] } }
        let rows = (0..<n).map { i in (0..<n).map { v[i, $0] } }
        guard let y0 = solveComplexLinear(rows, c0), let h = solveComplexLinear(rows, f) else {
            throw AnalysisError.numerical("the correlation equations are singular and not diagonalisable: no spectrum")
        }
        let scale = max(1, eigen.values.map(\.length).max() ?? 0)
        let gv = columns.map { col in zip(g, col).map { $0 * $1 }.reduce(.zero, +) }
        var stationary = g0
        var amplitudes: [(Complex<Double>, Complex<Double>)] = []
        var zeroModes = 0
        for k in 0..<n {
            let lambda = eigen.values[k]
            if lambda.length <= 1e-10 * scale {
                guard h[k].length <= 1e-10 * (1 + f.map(\.length).max()!) else {
                    throw AnalysisError.numerical("a correlation grows without bound in the steady state (a driven zero mode): no spectrum")
                }
                zeroModes += 1
                stationary += gv[k] * y0[k]
                continue
            }
            let yInf = -h[k] / lambda
            stationary += gv[k] * yInf
            amplitudes.append((gv[k] * (y0[k] - yInf), lambda))
        }
        coherent = stationary
        for w in r.omegas {
            var total = Complex<Double>.zero
            for (amp, lambda) in amplitudes { total += amp / (Complex(0, w) - lambda) }
            spectrum.append(total.real / Double.pi)
        }
        result.notes.append("\(zeroModes) undamped mode(s) of the correlation equations, not driven: they keep their value at τ = 0 "
                            + "(the spectrum from the eigenvectors, relative residual \(eigen.relativeResidual ?? .nan))")
    }
    result.spectrum = spectrum
    result.coherent = coherent
    // Undriven zero modes (kept at their start) are not instabilities.
    let tiny = 1e-10 * max(1, result.rates.map(\.length).max() ?? 0)
    if let worst = result.rates.filter({ $0.length > tiny }).map(\.real).max(), worst >= 0 {
        result.notes.append("an eigenvalue of the correlation equations has Re ≥ 0 (\(worst)): the steady state is not stable, "
                            + "and the spectrum is that of the resolvent, not of a decaying correlation")
    }
}
