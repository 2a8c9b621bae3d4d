import ArbitraryPrecision

/// A condensate of A60–A61 found in Double (`solveCondensate`), polished to D digits in MPFR:
/// (μ_S, s = ψ_f²) by `PreciseTwoRuleNewton` on (Re, Im) A38/ψ_f = 0, G^K_ba(τ = 0) by the
/// sinh–sinh pair of `PreciseFrequencyNodes` on G − G₀ (G₀'s part in closed form). Only the
/// digits on which the two rules' roots agree are claimed: verified by two rules, not certified.
public struct PreciseCondensateRequest: Sendable {
    public var values: [BigFloat]
    public var reading: DysonReading
    public var digits: Int
    /// The Double condensate (μ_S, ψ_f) the polish starts from.
    public var start: (mu: Double, psi: Double)

    public init(values: [BigFloat], reading: DysonReading, digits: Int, start: (mu: Double, psi: Double)) {
        self.values = values
        self.reading = reading
        self.digits = digits
        self.start = start
    }
}

public struct PreciseCondensate: Sendable {
    public let mu: BigFloat, psi: BigFloat
    public let coarseMu: BigFloat, coarsePsi: BigFloat
    /// Significant digits on which the two rules agree (capped at D + 5, the Newton tolerance).
    public let muDigits: Int, psiDigits: Int
    public let precision: Int
    public let coarseStep: Double, limit: Double
    public let nodes: (coarse: Int, fine: Int)
    public let iterations: Int, jacobians: Int, evaluations: Int
    public let tail: Double
    /// The observables of Sec. IV in MPFR: the polarisation |⟨a†b⟩| = |G^K_ba(τ = 0)|/2 and
    /// ρ = ½(1 + n_b − n_a), n_x = ½(1 + Im G^K_xx(τ = 0)); each by the finer rule at the finer
    /// root and by the coarser at the coarser root, with the digits both share and the tail
    /// (the outermost nodes' |ω·(G − G₀)^K|/2π carried into the observable, relative) leaves.
    public let observables: PreciseObservables
}

public struct PreciseObservables: Sendable {
    public let polarisation: BigFloat, coarsePolarisation: BigFloat
    public let rho: BigFloat, coarseRho: BigFloat
    public let polarisationDigits: Int, rhoDigits: Int
    public let polarisationTail: Double, rhoTail: Double

    /// From G^K_(ba, bb, aa)(τ = 0) of the two rules at their roots, and the fine evaluation's tails.
    init(fine: [BigComplex], coarse: [BigComplex], edges: [BigFloat], cap: Int) {
        func polarisation(_ g: [BigComplex]) -> BigFloat { g[0].abs / BigFloat(2, precision: g[0].re.precision) }
        func rho(_ g: [BigComplex]) -> BigFloat {
            let p = g[1].re.precision
            let quarter = BigFloat(1, precision: p) / BigFloat(4, precision: p)
            return BigFloat(1, precision: p) / BigFloat(2, precision: p) + quarter * (g[1].im - g[2].im)
        }
        self.polarisation = polarisation(fine)
        coarsePolarisation = polarisation(coarse)
        self.rho = rho(fine)
        coarseRho = rho(coarse)
        polarisationTail = (edges[0] / BigFloat(2, precision: edges[0].precision) / self.polarisation).toDouble()
        rhoTail = ((edges[1] + edges[2]) / BigFloat(4, precision: edges[1].precision) / BigFloat.abs(self.rho)).toDouble()
        // The last digit shown must be ten times the tail, as for the threshold.
        polarisationDigits = min(agreement(self.polarisation, coarsePolarisation, cap: cap),
                                 CondensationThreshold.digits(allowedBy: polarisationTail, cap: cap))
        rhoDigits = min(agreement(self.rho, coarseRho, cap: cap), CondensationThreshold.digits(allowedBy: rhoTail, cap: cap))
    }
}

public func preciseCondensate(_ numerics: PreciseCondensedNumerics, _ request: PreciseCondensateRequest,
                              progress: ((String) -> Void)? = nil) throws -> PreciseCondensate {
    let bits = numerics.precision
    let p = numerics.problem
    var nodes = PreciseFrequencyNodes(digits: request.digits, precision: bits)
    var last: PreciseCondensate?
    for attempt in 0..<2 {
        if attempt > 0 { nodes = PreciseFrequencyNodes(divisions: 2 * nodes.divisions, limit: nodes.limit, precision: bits) }
        let rules = nodes
        var newton = PreciseTwoRuleNewton(bits: bits, digits: request.digits) { x, count in
            var v = request.values
            v[p.frequency] = x[0]
            // A trial s < 0 is evaluated at |s| (A38/ψ_f is even in ψ_f), as in Double.
            v[p.amplitude] = BigFloat.sqrt(BigFloat.abs(x[1]))
            numerics.set(v)
            progress?("A38/psi at \(bits) bits, \(rules.fineCount) nodes: evaluation \(count)")
            let e = try numerics.equalTimeKeldysh(request.reading, nodes: rules)
            let fine = numerics.saddleQuotient(equalTime: e.fine[0]), coarse = numerics.saddleQuotient(equalTime: e.coarse[0])
            // The tail of G^K_ba(τ = 0) moved into A38/ψ_f (it is affine in G^K_ba).
            let shifted = numerics.saddleQuotient(equalTime: e.fine[0] + BigComplex(e.edge, e.edge))
            return (fine, coarse, (shifted - fine).abs)
        }
        let start = [BigFloat(request.start.mu, precision: bits), BigFloat(request.start.psi * request.start.psi, precision: bits)]
        let r = try newton.run(from: start)
        guard r.fine[1].sign > 0, r.coarse[1].sign > 0 else {
            throw CondensationError.noThreshold("the MPFR polish of the condensate converged to psi_f^2 <= 0")
        }
        let psi = BigFloat.sqrt(r.fine[1]), coarsePsi = BigFloat.sqrt(r.coarse[1])
        let cap = request.digits + 5
        // The observables: each rule at its own root (two more evaluations).
        func equalTime(_ mu: BigFloat, _ psi: BigFloat) throws -> PreciseCondensedNumerics.EqualTime {
            var v = request.values
            v[p.frequency] = mu
            v[p.amplitude] = psi
            numerics.set(v)
            progress?("observables at \(bits) bits, \(rules.fineCount) nodes")
            return try numerics.equalTimeKeldysh(request.reading, nodes: rules)
        }
        let atFine = try equalTime(r.fine[0], psi), atCoarse = try equalTime(r.coarse[0], coarsePsi)
        let observables = PreciseObservables(fine: atFine.fine, coarse: atCoarse.coarse, edges: atFine.edges, cap: cap)
        let c = PreciseCondensate(mu: r.fine[0], psi: psi, coarseMu: r.coarse[0], coarsePsi: coarsePsi,
                                  muDigits: agreement(r.fine[0], r.coarse[0], cap: cap), psiDigits: agreement(psi, coarsePsi, cap: cap),
                                  precision: bits, coarseStep: nodes.coarseStep, limit: nodes.limit, nodes: (nodes.coarseCount, nodes.fineCount),
                                  iterations: r.iterations, jacobians: r.jacobians, evaluations: r.evaluations, tail: r.tail,
                                  observables: observables)
        last = c
        if min(c.muDigits, c.psiDigits) > request.digits { break }
    }
    return last!
}
