import ArbitraryPrecision
import KeldyshNumerics

/// `CondensationNumerics` in MPFR, for thresholds to many digits: the same compiled tapes run
/// by `MPFREvaluator`, Σ[G₀] in closed form at the working precision (`PreciseClosedForm`), G
/// under the readings g0, one-shot and first-order (the self-consistent reading's node sum is
/// left to the Double route), and K₁^R(0) by the sinh–sinh pair of `PreciseFrequencyNodes`.
/// Not thread-safe (the evaluators' registers): one per thread.
public final class PreciseCondensationNumerics {
    public let problem: CondensationProblem
    /// Working precision in bits.
    public let precision: Int
    private let kernel: MPFREvaluator, sigma: MPFREvaluator, loop: MPFREvaluator, tree: MPFREvaluator
    private var values: [BigFloat]
    private var input: [BigComplex], output: [BigComplex] = []
    private var loopInput: [BigComplex]
    private let closedForm: PreciseClosedForm
    private let zero: BigComplex
    /// Σ's pieces but those of the entries taken as another's conjugate (`conjugateEntries`).
    private let integrated: [CondensationProblem.Piece]

    public init(_ problem: CondensationProblem, precision: Int) {
        self.problem = problem
        self.precision = precision
        kernel = MPFREvaluator(problem.kernel, precision: precision)
        sigma = MPFREvaluator(problem.sigma, precision: precision)
        loop = MPFREvaluator(problem.loop, precision: precision)
        tree = MPFREvaluator(problem.tree, precision: precision)
        closedForm = PreciseClosedForm(precision: precision)
        integrated = problem.pieces.filter { p in !problem.conjugateEntries.contains { $0.entry == p.entry } }
        zero = BigComplex(BigFloat(0, precision: precision))
        values = Array(repeating: BigFloat(0, precision: precision), count: problem.parameters.count)
        input = Array(repeating: zero, count: 1 + problem.parameters.count)
        loopInput = Array(repeating: zero, count: problem.loop.parameters.count)
    }

    /// The parameter values, in `problem.parameters` order (rounded to the working precision).
    public func set(_ values: [BigFloat]) {
        precondition(values.count == self.values.count, "expected \(self.values.count) parameter values")
        self.values = values.map { $0.rounded(toPrecision: precision) }
    }

    private func run(_ e: MPFREvaluator, at w: BigFloat) {
        input[0] = BigComplex(w)
        for (k, v) in values.enumerated() { input[1 + k] = BigComplex(v) }
        e.evaluate(input, into: &output)
    }

    /// G₀⁻¹ at ω, by species (row-major 4 × 4, layout (b¹, a¹, b², a²)).
    func kernelBlocks(at w: BigFloat) -> PreciseSpeciesBlocks {
        run(kernel, at: w)
        return PreciseSpeciesBlocks(b: PreciseKeldyshBlock(r: output[0], k: output[2], a: output[10]),
                                    a: PreciseKeldyshBlock(r: output[5], k: output[7], a: output[15]))
    }

    /// Σ[G₀] at ω, by species, each entry the closed-form ∫dν of its fractions.
    func selfEnergy(at w: BigFloat) throws -> PreciseSpeciesBlocks {
        run(sigma, at: w)
        let o = output
        var e = try closedForm.integrate(integrated, count: 6) { o[$0] }
        // Σ^A = Σ^R‾ on the real axis, proven on the densities (`SelfEnergyFractions.conjugates`).
        for (a, r) in problem.conjugateEntries { e[a] = e[r].conjugate }
        return PreciseSpeciesBlocks(b: PreciseKeldyshBlock(r: e[0], k: e[1], a: e[2]), a: PreciseKeldyshBlock(r: e[3], k: e[4], a: e[5]))
    }

    /// G at ω under a reading (not the self-consistent one).
    func greens(at w: BigFloat, _ reading: DysonReading) throws -> PreciseSpeciesBlocks {
        let k0 = kernelBlocks(at: w)
        let g0 = PreciseSpeciesBlocks(b: k0.b.inverse, a: k0.a.inverse)
        if reading == .g0 { return g0 }
        let sigma = try selfEnergy(at: w)
        let s = problem.selfEnergySign
        switch reading {
        case .g0: return g0
        case .selfConsistent:
            throw CondensationError.integral("the self-consistent reading is computed in double precision only")
        case .oneShot:
            return PreciseSpeciesBlocks(b: (k0.b + sigma.b.scaled(s)).inverse, a: (k0.a + sigma.a.scaled(s)).inverse)
        case .firstOrder:
            return PreciseSpeciesBlocks(b: g0.b + (g0.b * sigma.b * g0.b).scaled(-s), a: g0.a + (g0.a * sigma.a * g0.a).scaled(-s))
        }
    }

    /// K₁^R(ω = 0) by both rules of the pair (`fine`, `coarse`).
    public struct KernelValue {
        public let fine: BigComplex, coarse: BigComplex
        /// The largest |x·loop(x)| at the outermost nodes: about twice the truncated tail of a
        /// 1/x³ integrand, the tail's bound for any faster decay.
        public let edge: BigFloat
    }

    /// K₁^R(ω = 0) = tree + ∫dν loop(ν) by both rules of the pair.
    public func retardedKernelAtZero(_ reading: DysonReading, nodes: PreciseFrequencyNodes) throws -> KernelValue {
        run(tree, at: BigFloat(0, precision: precision))
        let t = output[0]
        var fine = zero, coarse = zero
        let n = values.count
        loopInput[1] = zero
        for (k, v) in values.enumerated() { loopInput[2 + k] = BigComplex(v) }
        var edge = BigFloat(0, precision: precision)
        let two = BigFloat(2, precision: precision)
        for i in nodes.x.indices {
            let x = nodes.x[i]
            let g = try greens(at: x, reading)
            guard g.b.isFinite, g.a.isFinite else { throw CondensationError.nonFinite("G at ν = \(x.toDouble())") }
            loopInput[0] = BigComplex(x)
            // At ω = 0 the slots at ν and at ν − ω hold the same six entries.
            for (k, v) in g.entries.enumerated() {
                loopInput[2 + n + k] = v
                loopInput[2 + n + 6 + k] = v
            }
            loop.evaluate(loopInput, into: &output)
            let f = output[0]
            let term = BigComplex(nodes.w[i]) * f
            fine = fine + term
            if nodes.coarse[i] { coarse = coarse + BigComplex(two) * term }
            if i == 0 || i == nodes.x.count - 1 {
                let e = BigFloat.abs(x) * f.abs
                if e > edge { edge = e }
            }
        }
        return KernelValue(fine: t + fine, coarse: t + coarse, edge: edge)
    }
}
