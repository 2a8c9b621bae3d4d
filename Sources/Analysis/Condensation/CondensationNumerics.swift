import ComplexModule
import KeldyshNumerics
import RealModule

/// Numbers of the normal state of a `CondensationProblem` at one parameter point: G₀, Σ[G₀]
/// in closed form, G under a `DysonReading`, and the photon's retarded fluctuation kernel
/// K₁^R(ω = 0) whose zero is the condensation threshold. Not thread-safe (it owns the tape
/// evaluators' registers): one per thread.
public final class CondensationNumerics {
    public let problem: CondensationProblem
    private let kernel: TapeEvaluator, loop: TapeEvaluator, tree: TapeEvaluator, density: TapeEvaluator
    private let linear: (tape: TapeEvaluator, terms: [(entry: Int, slot: Int)])?
    /// The self-consistent node sum through the table of the densities' coefficients when the
    /// problem has them (false: the densities at every pair and sweep, the table's check).
    public var densityTable = true
    private let sigma: FrequencySlicedTape
    private var values: [Double]
    /// Raw buffers (made once): arrays in a class would pay an exclusivity check per access,
    /// several per node. `input` holds [ω, parameters…] for the kernel, Σ and tree tapes,
    /// `loopInput` [ν, ω, parameters…, G's slots]; both get the parameters in `set`.
    private let input: UnsafeMutablePointer<Double>, output: UnsafeMutablePointer<Double>
    private let loopInput: UnsafeMutablePointer<Double>
    private let integrals: ClosedFormConvolution
    private let sums: UnsafeMutablePointer<Complex<Double>>
    private let inputCount: Int, outputCount: Int, loopInputCount: Int

    public init(_ problem: CondensationProblem) {
        self.problem = problem
        kernel = TapeEvaluator(problem.kernel)
        sigma = FrequencySlicedTape(problem.sigma)
        loop = TapeEvaluator(problem.loop)
        tree = TapeEvaluator(problem.tree)
        density = TapeEvaluator(problem.density)
        linear = problem.linearDensities.map { (TapeEvaluator($0.coefficients), $0.terms) }
        integrals = ClosedFormConvolution(pieces: problem.pieces, coefficients: problem.sigma, conjugates: problem.conjugateEntries)
        values = Array(repeating: 0, count: problem.parameters.count)
        let widest = max(problem.kernel.inputCount, problem.sigma.inputCount, problem.tree.inputCount)
        inputCount = max(widest, 1 + problem.parameters.count)
        outputCount = 2 * max(problem.kernel.outputCount, problem.sigma.outputCount, problem.tree.outputCount, problem.loop.outputCount, 1)
        loopInputCount = max(problem.loop.inputCount, 2 + problem.parameters.count)
        input = .allocate(capacity: inputCount)
        input.initialize(repeating: 0, count: inputCount)
        output = .allocate(capacity: outputCount)
        output.initialize(repeating: 0, count: outputCount)
        loopInput = .allocate(capacity: loopInputCount)
        loopInput.initialize(repeating: 0, count: loopInputCount)
        sums = .allocate(capacity: 6)
        sums.initialize(repeating: .zero, count: 6)
    }

    deinit {
        input.deallocate()
        output.deallocate()
        loopInput.deallocate()
        sums.deallocate()
    }

    /// The parameter values, in `problem.parameters` order.
    public func set(_ values: [Double]) {
        precondition(values.count == self.values.count, "expected \(self.values.count) parameter values")
        self.values = values
        for (k, v) in values.enumerated() {
            input[1 + k] = v
            loopInput[2 + k] = v
        }
        integrals.newPoint()
        sigma.invalidate()
    }

    private func run(_ e: TapeEvaluator, at w: Double) {
        input[0] = w
        e.evaluate(inputs: input, into: output)
    }

    private func out(_ k: Int) -> Complex<Double> { Complex(output[2 * k], output[2 * k + 1]) }

    /// Whether Σ takes the general closed-form path for every piece (tests: the fast path must
    /// give the same bits).
    var generalClosedForms: Bool {
        get { integrals.generalOnly }
        set { integrals.generalOnly = newValue }
    }

    /// Whether Σ's pieces use their translation plans (tests: off, the per-node fast path must
    /// give the general path's bits; on, its values to rounding).
    var translationPlans: Bool {
        get { integrals.translationPlans }
        set { integrals.translationPlans = newValue }
    }

    /// How often a piece left its translation plan at a node (a fixed pole met a moving one).
    var translationPlanMisses: Int { integrals.planMisses }

    /// G₀⁻¹ at ω, by species.
    func kernelBlocks(at w: Double) -> SpeciesBlocks {
        run(kernel, at: w)
        // Row-major 4 × 4, layout (b¹, a¹, b², a²).
        return SpeciesBlocks(b: KeldyshBlock(r: out(0), k: out(2), a: out(10)),
                             a: KeldyshBlock(r: out(5), k: out(7), a: out(15)))
    }

    /// Σ[G₀] at ω, by species, each entry the closed-form ∫dν of its fractions.
    func selfEnergy(at w: Double) throws -> SpeciesBlocks {
        if integrals.needsPreparation {
            sigma.run(at: 0, parameters: input)
            integrals.prepare(coefficientsAtZero: sigma.outputs)
            sigma.narrow(to: integrals.nodeOutputs())
        }
        sigma.run(at: w, parameters: input)
        let complete = try integrals.integrate(count: 6, frequency: w, coefficients: sigma.outputs, into: sums, onlyNodeOutputs: sigma.lastRunNarrow)
        if !complete {
            sigma.run(at: w, parameters: input, whole: true)
            _ = try integrals.integrate(count: 6, frequency: w, coefficients: sigma.outputs, into: sums)
        }
        let e = UnsafeBufferPointer(start: sums, count: 6)
        return SpeciesBlocks(b: KeldyshBlock(r: e[0], k: e[1], a: e[2]), a: KeldyshBlock(r: e[3], k: e[4], a: e[5]))
    }

    /// G at ω under a reading.
    func greens(at w: Double, _ reading: DysonReading) throws -> SpeciesBlocks {
        let k0 = kernelBlocks(at: w)
        let g0 = SpeciesBlocks(b: k0.b.inverse, a: k0.a.inverse)
        if reading == .g0 { return g0 }
        let sigma = try selfEnergy(at: w)
        let s = problem.selfEnergySign
        switch reading {
        case .g0: return g0
        case .selfConsistent:
            throw CondensationError.integral("the self-consistent G is known on the nodes only (greensTable)")
        case .oneShot:
            return SpeciesBlocks(b: (k0.b + sigma.b.scaled(s)).inverse, a: (k0.a + sigma.a.scaled(s)).inverse)
        case .firstOrder:
            // G⁻¹ = G₀⁻¹ + sΣ, so Σ_Dyson = −sΣ and G ≈ G₀ − s G₀ΣG₀.
            return SpeciesBlocks(b: g0.b + (g0.b * sigma.b * g0.b).scaled(-s), a: g0.a + (g0.a * sigma.a * g0.a).scaled(-s))
        }
    }

    /// G at every node under a reading.
    func greensTable(_ reading: DysonReading, nodes: FrequencyNodes) throws -> [SpeciesBlocks] {
        if reading == .selfConsistent { return try selfConsistentTable(nodes) }
        return try nodes.x.map { try greens(at: $0, reading) }
    }

    public private(set) var lastIterations = 0

    /// G = (G₀⁻¹ + sΣ[G])⁻¹ on the nodes, iterated (`SelfConsistentDyson`).
    func selfConsistentTable(_ nodes: FrequencyNodes) throws -> [SpeciesBlocks] {
        var k0: [SpeciesBlocks] = [], free: [[Complex<Double>]] = [], sigma0: [SpeciesBlocks] = []
        for x in nodes.x {
            let k = kernelBlocks(at: x)
            k0.append(k)
            free.append(SpeciesBlocks(b: k.b.inverse, a: k.a.inverse).entries)
            sigma0.append(try selfEnergy(at: x))
        }
        let s = problem.selfEnergySign
        func dressed(_ i: Int, _ e: [Complex<Double>]) -> SpeciesBlocks {
            let sg = SpeciesBlocks(b: sigma0[i].b + KeldyshBlock(r: e[0], k: e[1], a: e[2]), a: sigma0[i].a + KeldyshBlock(r: e[3], k: e[4], a: e[5]))
            return SpeciesBlocks(b: (k0[i].b + sg.b.scaled(s)).inverse, a: (k0[i].a + sg.a.scaled(s)).inverse)
        }
        var dyson = SelfConsistentDyson(nodes: nodes, free: free, compiled: problem.density, density: density, parameters: values)
        if densityTable { dyson.linear = linear }
        let r = try dyson.solve { dressed($0, $1).entries }
        lastIterations = r.sweeps
        return r.extra.enumerated().map { dressed($0.offset, $0.element) }
    }

    /// The occupations n_x = ½(1 − i G^K_xx(τ = 0)), G^K(τ = 0) = ∫dν/2π G^K(ν) (a fermion's
    /// Keldysh function at equal times is −i(1 − 2n); with G^K = −2iγF/((ν − ε)² + γ²) it gives
    /// n = (1 − F(ε))/2, the bath's n_F), and the density of spin excitations of Sec. IV,
    /// ρ = ½(1 + n_b − n_a), of the normal state under a reading.
    public func occupations(_ reading: DysonReading, nodes: FrequencyNodes) throws -> (b: Double, a: Double, rho: Double) {
        var kb = Complex<Double>.zero, ka = Complex<Double>.zero
        for (g, w) in zip(try greensTable(reading, nodes: nodes), nodes.w) {
            kb += Complex(w, 0) * g.b.k
            ka += Complex(w, 0) * g.a.k
        }
        let scale = Complex(0, -1 / (2 * Double.pi))
        let nb = 0.5 * (1 + (scale * kb).real), na = 0.5 * (1 + (scale * ka).real)
        return (nb, na, 0.5 * (1 + nb - na))
    }

    /// K₁^R(ω = 0) = tree + ∫dν loop(ν): the loop by the node rule, G at each node under the reading.
    public func retardedKernelAtZero(_ reading: DysonReading, nodes: FrequencyNodes) throws -> Complex<Double> {
        run(tree, at: 0)
        var total = out(0)
        let n = values.count
        let table = try greensTable(reading, nodes: nodes)
        for i in 0..<nodes.count {
            let g = table[i]
            guard g.b.isFinite, g.a.isFinite else { throw CondensationError.nonFinite("G at ν = \(nodes.x[i])") }
            loopInput[0] = nodes.x[i]
            // At ω = 0 the slots at ν and at ν − ω hold the same six entries.
            func put(_ k: Int, _ v: Complex<Double>) {
                loopInput[2 + n + 2 * k] = v.real
                loopInput[2 + n + 2 * k + 1] = v.imaginary
                loopInput[2 + n + 12 + 2 * k] = v.real
                loopInput[2 + n + 12 + 2 * k + 1] = v.imaginary
            }
            put(0, g.b.r); put(1, g.b.k); put(2, g.b.a); put(3, g.a.r); put(4, g.a.k); put(5, g.a.a)
            loop.evaluate(inputs: loopInput, into: output)
            total += Complex(nodes.w[i], 0) * out(0)
        }
        return total
    }
}

public enum CondensationError: Error, Sendable, CustomStringConvertible {
    case nonFinite(String)
    case integral(String)
    case noThreshold(String)

    public var description: String {
        switch self {
        case .nonFinite(let what): return "a non-finite value: \(what)"
        case .integral(let why): return "a frequency integral failed: \(why)"
        case .noThreshold(let why): return why
        }
    }
}
