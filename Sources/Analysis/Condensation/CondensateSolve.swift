import ComplexModule
import KeldyshNumerics
import RealModule

/// The condensed solutions of paper 000's saddle point A38 (A60–A61: its real and imaginary
/// parts, two real equations for μ_S and ψ_f), under a reading of A51. ψ_f = 0 solves A38
/// always, so the equations solved are A38/ψ_f; ψ_f is real (the phase is free). A38/ψ_f is
/// even in ψ_f (G^K_ba is ψ_f times a function of ψ_f², Σ a function of ψ_f²), so the unknowns
/// are μ_S and s = ψ_f²: in ψ_f the Jacobian degenerates as ψ_f → 0 (∂/∂ψ_f = 2ψ_f ∂/∂s) and
/// near the threshold, where the condensate starts from ψ_f = 0, the dogleg stalls. A trial
/// s < 0 is evaluated at |s| (the same residual, so the trust region turns back). Powell's
/// dogleg (as MATLAB's fsolve in the paper) runs from every start; distinct roots with s > 0 are kept. The whole solve is
/// repeated with the node step halved (from the coarse root), and only the digits on which
/// the two agree (and on which one more Newton step does not move them) are claimed.
public struct CondensateSolveRequest: Sendable {
    /// Parameter values in `problem.parameters` order (amplitude and frequency overwritten).
    public var values: [Double]
    public var reading: DysonReading
    /// Starting points (μ_S, ψ_f).
    public var starts: [(mu: Double, psi: Double)]
    /// The node step of the coarser rule (the finer has half of it).
    public var step: Double = 1.0 / 8

    public init(values: [Double], reading: DysonReading, starts: [(mu: Double, psi: Double)]) {
        self.values = values
        self.reading = reading
        self.starts = starts
    }

    /// Starts on a grid: `muPoints` frequencies across the window times the amplitudes given.
    public static func grid(window: ClosedRange<Double>, muPoints: Int = 9, amplitudes: [Double] = [0.05, 0.2, 0.5]) -> [(mu: Double, psi: Double)] {
        var out: [(mu: Double, psi: Double)] = []
        for psi in amplitudes {
            for k in 0..<muPoints {
                let t = muPoints == 1 ? 0.5 : Double(k) / Double(muPoints - 1)
                out.append((window.lowerBound + t * (window.upperBound - window.lowerBound), psi))
            }
        }
        return out
    }
}

/// One condensate: the finer rule's values, error estimates (the coarse–fine difference plus
/// one more Newton step), and Sec. IV's observables there.
public struct Condensate: Sendable {
    public let mu: Double
    public let psi: Double
    public let muError: Double
    public let psiError: Double
    /// Why a start failed, without the numbers that make every start's reason different.
private func reason(_ stop: NonlinearStop) -> String {
    if case .singularJacobian = stop { return "singular Jacobian (a stationary point of the residual that is not a root)" }
    return stop.description
}

/// ⟨a†b⟩ = G^K_ba(τ = 0)/(2i) (a fermion's G^K = −i⟨[ψ, ψ†]⟩); at the saddle point
    /// g|⟨a†b⟩| = |ω₀ − μ_S − iκ| ψ_f (A38).
    public let coherence: Complex<Double>
    public let occupations: (b: Double, a: Double)
    /// ρ = ½(1 + n_b − n_a), Sec. IV's density of spin excitations.
    public let rho: Double
    /// The coarser rule's ⟨a†b⟩ and ρ at its own root: their differences from the finer
    /// rule's are the error estimates of the observables.
    public let coarseCoherence: Complex<Double>
    public let coarseRho: Double
    /// |A38/ψ_f| at the returned point (finer rule).
    public let residual: Double
    public let iterations: Int

    public var polarisation: Double { coherence.length }
    public var polarisationError: Double { abs(coherence.length - coarseCoherence.length) }
    public var rhoError: Double { abs(rho - coarseRho) }

    /// μ_S, ψ_f, the polarisation and ρ, each with its verified significant digits.
    public var verified: [(value: Double, digits: Int)] {
        [(mu, Self.digits(mu, error: muError)), (psi, Self.digits(psi, error: psiError)),
         (polarisation, Self.digits(polarisation, error: polarisationError)), (rho, Self.digits(rho, error: rhoError))]
    }

    /// Significant digits of a value with an error estimate (0…12: double precision). The two
    /// rules' difference does not see rounding: perturbing Σ in its last bits (Σ^A taken as Σ^R's
    /// conjugate instead of from its own fractions) moved condensates of Fig. 2 by up to 10⁻¹²
    /// (the polarisation, 6·10⁻¹² relative; μ_S by 10⁻¹³), where 12 digits had been claimed. So
    /// the error is at least `roundingFloor`: 10⁻¹⁰ relative plus 10⁻¹² absolute (the
    /// frequencies' scale is g = 1), a tenfold to hundredfold margin.
    public static func digits(_ value: Double, error: Double) -> Int {
        guard value != 0 else { return 0 }
        let e = max(error, roundingFloor(value))
        return max(0, min(12, Int((-Double.log10(e / abs(value))).rounded(.down))))
    }

    public static func roundingFloor(_ value: Double) -> Double { 1e-10 * abs(value) + 1e-12 }
}

public struct CondensateSolveResult: Sendable {
    public let solutions: [Condensate]
    public let startsTried: Int
    /// Why the starts that found nothing stopped, counted by reason.
    public let failures: [String: Int]
    public let nodes: (coarse: Int, fine: Int)
}

private struct CondensateEquations {
    let numerics: CondensedNumerics
    var values: [Double]
    let reading: DysonReading
    let nodes: FrequencyNodes?
    /// G = G₀ by the node rule instead of the closed form (the second method under g0).
    var byNodes = false
    var evaluations = 0

    mutating func quotient(_ mu: Double, _ psi: Double) throws -> (q: Complex<Double>, gk: (ba: Complex<Double>, bb: Complex<Double>, aa: Complex<Double>)) {
        values[numerics.problem.frequency] = mu
        values[numerics.problem.amplitude] = psi
        numerics.set(values)
        evaluations += 1
        let gk = try byNodes && nodes != nil ? numerics.equalTimeKeldyshByNodes(nodes!) : numerics.equalTimeKeldysh(reading, nodes: nodes)
        return (numerics.saddleQuotient(equalTime: gk.ba), gk)
    }

    mutating func solve(from x0: [Double]) throws -> NonlinearSolveResult {
        var options = DoglegOptions()
        options.residualTolerance = 1e-12
        options.maxIterations = 80
        var me = self
        let r = try solveDogleg({ x in
            let q = try me.quotient(x[0], abs(x[1]).squareRoot()).q
            return [q.real, q.imaginary]
        }, from: [x0[0], x0[1] * x0[1]], options: options)
        evaluations = me.evaluations
        return r
    }

    /// The Newton step J⁻¹F at (μ, ψ) in (μ, s = ψ²) (forward differences), returned in (μ, ψ):
    /// how far the point is from the root of these equations.
    mutating func newtonStep(at x: [Double]) throws -> (mu: Double, psi: Double) {
        let s = x[1] * x[1]
        let f0 = try quotient(x[0], x[1]).q
        let h = Double.ulpOfOne.squareRoot()
        let hm = h * max(1, abs(x[0])), hp = h * max(1e-6, s)
        let fm = try quotient(x[0] + hm, x[1]).q, fp = try quotient(x[0], (s + hp).squareRoot()).q
        let (a, b) = ((fm.real - f0.real) / hm, (fp.real - f0.real) / hp)
        let (c, d) = ((fm.imaginary - f0.imaginary) / hm, (fp.imaginary - f0.imaginary) / hp)
        let det = a * d - b * c
        guard det != 0, det.isFinite else { return (.infinity, .infinity) }
        let ds = (a * f0.imaginary - c * f0.real) / det
        return ((d * f0.real - b * f0.imaginary) / det, ds / (2 * x[1]))
    }
}

/// Why a start failed, without the numbers that make every start's reason different.
private func reason(_ stop: NonlinearStop) -> String {
    if case .singularJacobian = stop { return "singular Jacobian (a stationary point of the residual that is not a root)" }
    return stop.description
}

/// ⟨a†b⟩ = G^K_ba(τ = 0)/(2i), n_x = ½(1 + Re(−i G^K_xx(τ = 0))), ρ = ½(1 + n_b − n_a).
private func observables(_ gk: (ba: Complex<Double>, bb: Complex<Double>, aa: Complex<Double>)) -> (coherence: Complex<Double>, n: (b: Double, a: Double), rho: Double) {
    let nb = 0.5 * (1 + (Complex(0, -1) * gk.bb).real), na = 0.5 * (1 + (Complex(0, -1) * gk.aa).real)
    return (gk.ba / Complex(0, 2), (nb, na), 0.5 * (1 + nb - na))
}

public func solveCondensate(_ numerics: CondensedNumerics, _ request: CondensateSolveRequest) throws -> CondensateSolveResult {
    // Under g0 the finer evaluation is the closed form and the coarser the node rule on G₀ at
    // the finer step (two methods); otherwise node rules at step and step/2 on G − G₀.
    let closedOnly = request.reading == .g0
    let coarseNodes = FrequencyNodes(step: closedOnly ? request.step / 2 : request.step)
    let fineNodes = closedOnly ? nil : FrequencyNodes(step: request.step / 2)
    var coarse = CondensateEquations(numerics: numerics, values: request.values, reading: request.reading, nodes: coarseNodes)
    coarse.byNodes = closedOnly
    var found: [(mu: Double, psi: Double)] = []
    var failures: [String: Int] = [:]
    for s in request.starts {
        let r: NonlinearSolveResult
        do {
            r = try coarse.solve(from: [s.mu, s.psi])
        } catch {
            failures["\(error)", default: 0] += 1
            continue
        }
        guard r.converged else { failures[reason(r.stop), default: 0] += 1; continue }
        let mu = r.x[0], psi = abs(r.x[1]).squareRoot()
        guard r.x[1] > 1e-14 else { failures["converged to ψ_f = 0 (the normal state's limit)", default: 0] += 1; continue }
        if found.contains(where: { abs($0.mu - mu) <= 1e-6 * max(1, abs(mu)) && abs($0.psi - psi) <= 1e-6 * max(1e-3, psi) }) { continue }
        found.append((mu, psi))
    }
    var solutions: [Condensate] = []
    for c in found {
        var fine = CondensateEquations(numerics: numerics, values: request.values, reading: request.reading, nodes: fineNodes)
        let r = try fine.solve(from: [c.mu, c.psi])
        guard r.converged else {
            failures["the finer node rule did not converge from a coarse root: \(reason(r.stop))", default: 0] += 1
            continue
        }
        let mu = r.x[0], psi = abs(r.x[1]).squareRoot()
        let step = try fine.newtonStep(at: [mu, psi])
        let at = try fine.quotient(mu, psi)
        let fineObservables = observables(at.gk)
        let coarseObservables = observables(try coarse.quotient(c.mu, c.psi).gk)
        solutions.append(Condensate(mu: mu, psi: psi, muError: abs(mu - c.mu) + abs(step.mu),
                                    psiError: abs(psi - c.psi) + abs(step.psi), coherence: fineObservables.coherence,
                                    occupations: fineObservables.n, rho: fineObservables.rho,
                                    coarseCoherence: coarseObservables.coherence, coarseRho: coarseObservables.rho,
                                    residual: at.q.length, iterations: r.iterations))
    }
    solutions.sort { $0.psi < $1.psi }
    return CondensateSolveResult(solutions: solutions, startsTried: request.starts.count, failures: failures,
                                 nodes: (coarseNodes.count, fineNodes?.count ?? 0))
}
