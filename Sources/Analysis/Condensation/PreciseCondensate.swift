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
        let c = PreciseCondensate(mu: r.fine[0], psi: psi, coarseMu: r.coarse[0], coarsePsi: coarsePsi,
                                  muDigits: agreement(r.fine[0], r.coarse[0], cap: cap), psiDigits: agreement(psi, coarsePsi, cap: cap),
                                  precision: bits, coarseStep: nodes.coarseStep, limit: nodes.limit, nodes: (nodes.coarseCount, nodes.fineCount),
                                  iterations: r.iterations, jacobians: r.jacobians, evaluations: r.evaluations, tail: r.tail)
        last = c
        if min(c.muDigits, c.psiDigits) > request.digits { break }
    }
    return last!
}
