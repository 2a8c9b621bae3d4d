import ComplexModule
import KeldyshNumerics
import RealModule

/// Numbers of the normal state of a `CondensationProblem` at one parameter point: G₀, Σ[G₀]
/// in closed form, G under a `DysonReading`, and the photon's retarded fluctuation kernel
/// K₁^R(ω = 0) whose zero is the condensation threshold. Not thread-safe (it owns the tape
/// evaluators' registers): one per thread.
public final class CondensationNumerics {
    public let problem: CondensationProblem
    private let kernel: TapeEvaluator, sigma: TapeEvaluator, loop: TapeEvaluator, tree: TapeEvaluator, density: TapeEvaluator
    private var values: [Double]
    private var input: [Double], output: [Double]
    private var loopInput: [Double]
    private let integrals = ClosedFormConvolution()

    public init(_ problem: CondensationProblem) {
        self.problem = problem
        kernel = TapeEvaluator(problem.kernel)
        sigma = TapeEvaluator(problem.sigma)
        loop = TapeEvaluator(problem.loop)
        tree = TapeEvaluator(problem.tree)
        density = TapeEvaluator(problem.density)
        values = Array(repeating: 0, count: problem.parameters.count)
        let widest = max(problem.kernel.inputCount, problem.sigma.inputCount, problem.tree.inputCount)
        input = Array(repeating: 0, count: widest)
        output = Array(repeating: 0, count: 2 * max(problem.kernel.outputCount, problem.sigma.outputCount, 1))
        loopInput = Array(repeating: 0, count: problem.loop.inputCount)
    }

    /// The parameter values, in `problem.parameters` order.
    public func set(_ values: [Double]) {
        precondition(values.count == self.values.count, "expected \(self.values.count) parameter values")
        self.values = values
    }

    private func run(_ e: TapeEvaluator, at w: Double) {
        input[0] = w
        for (k, v) in values.enumerated() { input[1 + k] = v }
        input.withUnsafeBufferPointer { i in output.withUnsafeMutableBufferPointer { o in e.evaluate(inputs: i.baseAddress!, into: o.baseAddress!) } }
    }

    private func out(_ k: Int) -> Complex<Double> { Complex(output[2 * k], output[2 * k + 1]) }

    /// G₀⁻¹ at ω, by species.
    func kernelBlocks(at w: Double) -> SpeciesBlocks {
        run(kernel, at: w)
        // Row-major 4 × 4, layout (b¹, a¹, b², a²).
        return SpeciesBlocks(b: KeldyshBlock(r: out(0), k: out(2), a: out(10)),
                             a: KeldyshBlock(r: out(5), k: out(7), a: out(15)))
    }

    /// Σ[G₀] at ω, by species, each entry the closed-form ∫dν of its fractions.
    func selfEnergy(at w: Double) throws -> SpeciesBlocks {
        run(sigma, at: w)
        let e = try integrals.integrate(problem.pieces, count: 6, value: out)
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

    /// G = (G₀⁻¹ + sΣ[G])⁻¹ on the nodes, iterated. Σ is linear in G, so Σ[G] = Σ[G₀] + Σ[G − G₀]:
    /// the first in closed form (exact at every ω, however far out), the second by the node rule
    /// on G − G₀, which decays faster than G₀ (the node sum Σ_j w_j density(ν_j, ω_i, δG(ν_j))).
    /// The sweeps are Anderson-accelerated (`AndersonMixer`): plain mixing converges linearly
    /// with a rate near 1 here.
    /// Starts from one-shot at every point (a warm start from the last point would make the
    /// value depend on the search's history at the level of the tolerance, which root
    /// bracketing cannot tolerate); converged when the largest change of a sweep is below 10⁻¹¹
    /// of the largest entry of G₀.
    func selfConsistentTable(_ nodes: FrequencyNodes) throws -> [SpeciesBlocks] {
        let n = nodes.count, p = values.count
        var k0: [SpeciesBlocks] = [], g0: [[Complex<Double>]] = [], sigma0: [SpeciesBlocks] = []
        k0.reserveCapacity(n); g0.reserveCapacity(n); sigma0.reserveCapacity(n)
        for x in nodes.x {
            let k = kernelBlocks(at: x)
            k0.append(k)
            g0.append(SpeciesBlocks(b: k.b.inverse, a: k.a.inverse).entries)
            sigma0.append(try selfEnergy(at: x))
        }
        let s = problem.selfEnergySign
        func dressed(_ i: Int, _ extra: [Complex<Double>]) -> SpeciesBlocks {
            let sg = SpeciesBlocks(b: KeldyshBlock(r: sigma0[i].b.r + extra[0], k: sigma0[i].b.k + extra[1], a: sigma0[i].b.a + extra[2]),
                                   a: KeldyshBlock(r: sigma0[i].a.r + extra[3], k: sigma0[i].a.k + extra[4], a: sigma0[i].a.a + extra[5]))
            return SpeciesBlocks(b: (k0[i].b + sg.b.scaled(s)).inverse, a: (k0[i].a + sg.a.scaled(s)).inverse)
        }
        let zero = [Complex<Double>](repeating: .zero, count: 6)
        var g: [[Complex<Double>]] = (0..<n).map { dressed($0, zero).entries }
        var input = [Double](repeating: 0, count: problem.density.inputCount)
        for (k, v) in values.enumerated() { input[2 + k] = v }
        var mixer = AndersonMixer()
        var lastChange = Double.infinity
        // Anderson can stall where Σ is large (a strong drive): the history is then dropped and
        // the iteration restarts from the best iterate with a smaller step β.
        var best = (change: Double.infinity, g: g, at: 0)
        let scale = g0.reduce(0.0) { m, e in e.reduce(m) { max($0, $1.length) } }
        func flat(_ t: [[Complex<Double>]]) -> [Double] { t.flatMap { $0.flatMap { [$0.real, $0.imaginary] } } }
        for iteration in 1...300 {
            var next: [[Complex<Double>]] = []
            next.reserveCapacity(n)
            for i in 0..<n {
                var acc = zero
                input[1] = nodes.x[i]
                for j in 0..<n {
                    input[0] = nodes.x[j]
                    for e in 0..<6 {
                        let d = g[j][e] - g0[j][e]
                        input[2 + p + 2 * e] = d.real
                        input[3 + p + 2 * e] = d.imaginary
                    }
                    input.withUnsafeBufferPointer { inp in output.withUnsafeMutableBufferPointer { o in density.evaluate(inputs: inp.baseAddress!, into: o.baseAddress!) } }
                    let w = Complex(nodes.w[j], 0)
                    for e in 0..<6 { acc[e] += w * out(e) }
                }
                next.append(dressed(i, acc).entries)
            }
            var change = 0.0
            for i in 0..<n { for e in 0..<6 { change = max(change, (next[i][e] - g[i][e]).length) } }
            guard change.isFinite else { throw CondensationError.nonFinite("the self-consistent iteration (sweep \(iteration))") }
            lastChange = change
            if change <= 1e-11 * scale {
                lastIterations = iteration
                return next.map { SpeciesBlocks(b: KeldyshBlock(r: $0[0], k: $0[1], a: $0[2]), a: KeldyshBlock(r: $0[3], k: $0[4], a: $0[5])) }
            }
            if change < 0.5 * best.change {
                best = (change, g, iteration)
            } else if iteration - best.at >= 25 {
                mixer = AndersonMixer(memory: mixer.memory, beta: max(mixer.beta / 2, 1.0 / 16))
                g = best.g
                best.at = iteration
                continue
            }
            let x = mixer.next(x: flat(g), image: flat(next))
            for i in 0..<n { for e in 0..<6 { g[i][e] = Complex(x[12 * i + 2 * e], x[12 * i + 2 * e + 1]) } }
        }
        throw CondensationError.integral("the self-consistent Dyson iteration did not converge in 300 sweeps (last change \(short(lastChange)) against entries of size \(short(scale)))")
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
        loopInput[1] = 0
        for (k, v) in values.enumerated() { loopInput[2 + k] = v }
        for ((x, w), g) in zip(zip(nodes.x, nodes.w), try greensTable(reading, nodes: nodes)) {
            guard g.b.isFinite, g.a.isFinite else { throw CondensationError.nonFinite("G at ν = \(x)") }
            loopInput[0] = x
            // At ω = 0 the slots at ν and at ν − ω hold the same six entries.
            for (k, v) in g.entries.enumerated() {
                for base in [2 + n + 2 * k, 2 + n + 12 + 2 * k] {
                    loopInput[base] = v.real
                    loopInput[base + 1] = v.imaginary
                }
            }
            loopInput.withUnsafeBufferPointer { i in output.withUnsafeMutableBufferPointer { o in loop.evaluate(inputs: i.baseAddress!, into: o.baseAddress!) } }
            total += Complex(w, 0) * out(0)
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
