import ArbitraryPrecision
import KeldyshNumerics

/// `CondensedNumerics` in MPFR, for condensates to many digits: G₀ with its Nambu off-diagonal
/// entries by `MPFREvaluator`, Σ[G₀] and G₀^K(τ = 0) in closed form at the working precision
/// (`PreciseClosedForm`), G under one-shot or first-order, G − G₀ by the sinh–sinh pair of
/// `PreciseFrequencyNodes`, and A38/ψ_f. Not thread-safe: one per thread.
public final class PreciseCondensedNumerics {
    public let problem: CondensedProblem
    public let precision: Int
    private let kernel: MPFREvaluator, sigma: MPFREvaluator, equalTime: MPFREvaluator, saddle: MPFREvaluator
    private var values: [BigFloat]
    private var input: [BigComplex], output: [BigComplex] = []
    private var saddleInput: [BigComplex]
    private let closedForm: PreciseClosedForm, equalTimeForm: PreciseClosedForm
    private let zero: BigComplex

    public init(_ problem: CondensedProblem, precision: Int) {
        self.problem = problem
        self.precision = precision
        kernel = MPFREvaluator(problem.kernel, precision: precision)
        sigma = MPFREvaluator(problem.sigma, precision: precision)
        equalTime = MPFREvaluator(problem.equalTime, precision: precision)
        saddle = MPFREvaluator(problem.saddle, precision: precision)
        closedForm = PreciseClosedForm(precision: precision)
        equalTimeForm = PreciseClosedForm(precision: precision)
        zero = BigComplex(BigFloat(0, precision: precision))
        values = Array(repeating: BigFloat(0, precision: precision), count: problem.parameters.count)
        input = Array(repeating: zero, count: 1 + problem.parameters.count)
        saddleInput = Array(repeating: zero, count: problem.saddle.parameters.count)
    }

    public func set(_ values: [BigFloat]) {
        precondition(values.count == self.values.count, "expected \(self.values.count) parameter values")
        self.values = values.map { $0.rounded(toPrecision: precision) }
    }

    private func run(_ e: MPFREvaluator, at w: BigFloat) {
        input[0] = BigComplex(w)
        for (k, v) in values.enumerated() { input[1 + k] = BigComplex(v) }
        e.evaluate(input, into: &output)
    }

    /// G₀⁻¹ at ω (row-major 4 × 4, layout (b¹, a¹, b², a²)).
    func kernelBlocks(at w: BigFloat) -> PreciseNambuKeldysh {
        run(kernel, at: w)
        let o = output
        func n(_ r: Int, _ c: Int) -> PreciseNambu2 {
            PreciseNambu2(bb: o[4 * r + c], ba: o[4 * r + c + 1], ab: o[4 * (r + 1) + c], aa: o[4 * (r + 1) + c + 1])
        }
        return PreciseNambuKeldysh(r: n(0, 0), k: n(0, 2), a: n(2, 2))
    }

    /// Σ[G₀] at ω (Nambu-diagonal, A52).
    func selfEnergy(at w: BigFloat) throws -> PreciseNambuKeldysh {
        run(sigma, at: w)
        let o = output
        let e = try closedForm.integrate(problem.sigmaPieces, count: 6) { o[$0] }
        return PreciseNambuKeldysh(r: .diagonal(e[0], e[3]), k: .diagonal(e[1], e[4]), a: .diagonal(e[2], e[5]))
    }

    /// G and G₀ at ω under one-shot or first-order.
    func greens(at w: BigFloat, _ reading: DysonReading) throws -> (g: PreciseNambuKeldysh, g0: PreciseNambuKeldysh) {
        let k0 = kernelBlocks(at: w)
        let g0 = k0.inverse
        let s = problem.selfEnergySign
        switch reading {
        case .g0: return (g0, g0)
        case .selfConsistent:
            throw CondensationError.integral("the \(reading.rawValue) reading of the condensate is computed in double precision only")
        case .oneShot: return ((k0 + (try selfEnergy(at: w)).scaled(s)).inverse, g0)
        case .firstOrder: return (g0 + (g0 * (try selfEnergy(at: w)) * g0).scaled(-s), g0)
        }
    }

    public struct EqualTime {
        /// G^K_ba, G^K_bb, G^K_aa at τ = 0 by the finer and the coarser rule.
        public let fine: [BigComplex], coarse: [BigComplex]
        /// The largest |ω·(G − G₀)^K_ba(ω)|/2π at the outermost nodes.
        public let edge: BigFloat
        /// The same for each of ba, bb, aa (the tail of each integral).
        public let edges: [BigFloat]
    }

    /// G^K(τ = 0) = ∫dω/2π G^K: G₀'s in closed form, G − G₀ by both rules of the pair.
    public func equalTimeKeldysh(_ reading: DysonReading, nodes: PreciseFrequencyNodes) throws -> EqualTime {
        run(equalTime, at: BigFloat(0, precision: precision))
        let o = output
        let closed = try equalTimeForm.integrate(problem.equalTimePieces, count: 3) { o[$0] }
        let twoPi = BigComplex(BigFloat(2, precision: precision) * BigFloat.pi(precision: precision))
        var fine = [zero, zero, zero], coarse = [zero, zero, zero]
        var edges = [BigFloat](repeating: BigFloat(0, precision: precision), count: 3)
        let two = BigComplex(BigFloat(2, precision: precision))
        for i in nodes.x.indices {
            let x = nodes.x[i]
            let (g, g0) = try greens(at: x, reading)
            guard g.isFinite else { throw CondensationError.nonFinite("G at ω = \(x.toDouble())") }
            let d = [g.k.ba - g0.k.ba, g.k.bb - g0.k.bb, g.k.aa - g0.k.aa]
            let w = BigComplex(nodes.w[i])
            for e in 0..<3 {
                let term = w * d[e]
                fine[e] = fine[e] + term
                if nodes.coarse[i] { coarse[e] = coarse[e] + two * term }
            }
            if i == 0 || i == nodes.x.count - 1 {
                for e in 0..<3 {
                    let v = BigFloat.abs(x) * d[e].abs / twoPi.re
                    if v > edges[e] { edges[e] = v }
                }
            }
        }
        return EqualTime(fine: (0..<3).map { (closed[$0] + fine[$0]) / twoPi }, coarse: (0..<3).map { (closed[$0] + coarse[$0]) / twoPi },
                         edge: edges[0], edges: edges)
    }

    /// A38's left side divided by ψ_f at G^K_ba(τ = 0) given.
    public func saddleQuotient(equalTime gk: BigComplex) -> BigComplex {
        for (k, v) in values.enumerated() { saddleInput[k] = BigComplex(v) }
        saddleInput[values.count] = gk
        saddle.evaluate(saddleInput, into: &output)
        return output[0] / BigComplex(values[problem.amplitude])
    }
}
