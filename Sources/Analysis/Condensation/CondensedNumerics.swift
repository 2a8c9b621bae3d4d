import ComplexModule
import KeldyshNumerics
import RealModule

/// Numbers of a condensate at one point (μ_S, ψ_f and the parameters): G₀ with its Nambu
/// off-diagonal entries, Σ[G₀] in closed form, G under a `DysonReading`, the equal-time
/// G^K(τ = 0) and the saddle point A38. Every equal-time integral is G₀'s closed form (residues
/// and digammas: exact up to rounding) plus the node rule on G − G₀, which decays faster than G₀
/// (G₀^K ~ 1/ω², the correction G₀ΣG₀ ~ 1/ω³). Not thread-safe: one per thread.
public final class CondensedNumerics {
    public let problem: CondensedProblem
    private let kernel: TapeEvaluator, equalTime: TapeEvaluator, saddle: TapeEvaluator, density: TapeEvaluator
    private let linear: (tape: TapeEvaluator, terms: [(entry: Int, slot: Int)])?
    /// The self-consistent node sum through the table of the densities' coefficients when the
    /// problem has them (false: the densities at every pair and sweep, the table's check).
    public var densityTable = true
    private let sigma: FrequencySlicedTape
    private var values: [Double]
    private var input: [Double], output: [Double]
    private let sigmaIntegrals: ClosedFormConvolution, equalTimeIntegrals: ClosedFormConvolution
    private var sums = [Complex<Double>](repeating: .zero, count: 6)

    public init(_ problem: CondensedProblem) {
        self.problem = problem
        kernel = TapeEvaluator(problem.kernel)
        sigma = FrequencySlicedTape(problem.sigma)
        equalTime = TapeEvaluator(problem.equalTime)
        saddle = TapeEvaluator(problem.saddle)
        density = TapeEvaluator(problem.density)
        linear = problem.linearDensities.map { (TapeEvaluator($0.coefficients), $0.terms) }
        sigmaIntegrals = ClosedFormConvolution(pieces: problem.sigmaPieces, coefficients: problem.sigma,
                                               conjugates: problem.conjugateEntries)
        equalTimeIntegrals = ClosedFormConvolution(pieces: problem.equalTimePieces, coefficients: problem.equalTime)
        values = Array(repeating: 0, count: problem.parameters.count)
        let widest = max(problem.kernel.inputCount, problem.sigma.inputCount, problem.equalTime.inputCount, problem.saddle.inputCount,
                         problem.density.inputCount)
        input = Array(repeating: 0, count: widest + 2)
        let outputs = max(problem.kernel.outputCount, problem.sigma.outputCount, problem.equalTime.outputCount, 1)
        output = Array(repeating: 0, count: 2 * outputs)
    }

    /// The parameter values, in `problem.parameters` order.
    public func set(_ values: [Double]) {
        precondition(values.count == self.values.count, "expected \(self.values.count) parameter values")
        self.values = values
        sigmaIntegrals.newPoint()
        equalTimeIntegrals.newPoint()
        sigma.invalidate()
    }

    public var currentValues: [Double] { values }

    private func run(_ e: TapeEvaluator, at w: Double) {
        input[0] = w
        for (k, v) in values.enumerated() { input[1 + k] = v }
        input.withUnsafeBufferPointer { i in output.withUnsafeMutableBufferPointer { o in e.evaluate(inputs: i.baseAddress!, into: o.baseAddress!) } }
    }

    private func out(_ k: Int) -> Complex<Double> { Complex(output[2 * k], output[2 * k + 1]) }

    /// The closed-form ∫dν of `integrals`' pieces at the coefficients just run.
    private func integrate(_ integrals: ClosedFormConvolution, count: Int, frequency: Double? = nil,
                           coefficients: UnsafePointer<Double>? = nil, onlyNodeOutputs: Bool = false) throws -> [Complex<Double>]? {
        let complete = try output.withUnsafeBufferPointer { o in
            try sums.withUnsafeMutableBufferPointer { e in
                try integrals.integrate(count: count, frequency: frequency, coefficients: coefficients ?? o.baseAddress!, into: e.baseAddress!,
                                        onlyNodeOutputs: onlyNodeOutputs)
            }
        }
        guard complete else { return nil }
        return Array(sums[0..<count])
    }

    /// G₀⁻¹ at ω.
    func kernelBlocks(at w: Double) -> NambuKeldysh {
        run(kernel, at: w)
        // Row-major 4 × 4, layout (b¹, a¹, b², a²): R rows/columns 0–1, K rows 0–1 × columns 2–3, A 2–3.
        func n(_ r: Int, _ c: Int) -> Nambu2 { Nambu2(bb: out(4 * r + c), ba: out(4 * r + c + 1), ab: out(4 * (r + 1) + c), aa: out(4 * (r + 1) + c + 1)) }
        return NambuKeldysh(r: n(0, 0), k: n(0, 2), a: n(2, 2))
    }

    /// Σ[G₀] at ω (Nambu-diagonal, A52), each entry the closed-form ∫dν of its fractions.
    func selfEnergy(at w: Double) throws -> NambuKeldysh {
        if sigmaIntegrals.needsPreparation {
            sigma.run(at: 0, values: values, input: &input)
            sigmaIntegrals.prepare(coefficientsAtZero: sigma.outputs)
            sigma.narrow(to: sigmaIntegrals.nodeOutputs())
        }
        sigma.run(at: w, values: values, input: &input)
        var sums = try integrate(sigmaIntegrals, count: 6, frequency: w, coefficients: sigma.outputs, onlyNodeOutputs: sigma.lastRunNarrow)
        if sums == nil {
            sigma.run(at: w, values: values, input: &input, whole: true)
            sums = try integrate(sigmaIntegrals, count: 6, frequency: w, coefficients: sigma.outputs)
        }
        let e = sums!
        return NambuKeldysh(r: .diagonal(e[0], e[3]), k: .diagonal(e[1], e[4]), a: .diagonal(e[2], e[5]))
    }

    /// G at ω under a reading, and G₀ there.
    func greens(at w: Double, _ reading: DysonReading) throws -> (g: NambuKeldysh, g0: NambuKeldysh) {
        let k0 = kernelBlocks(at: w)
        let g0 = k0.inverse
        if reading == .g0 { return (g0, g0) }
        let sigma = try selfEnergy(at: w)
        let s = problem.selfEnergySign
        switch reading {
        case .g0: return (g0, g0)
        case .selfConsistent:
            throw CondensationError.integral("the self-consistent G is known on the nodes only (selfConsistentTable)")
        case .oneShot: return ((k0 + sigma.scaled(s)).inverse, g0)
        case .firstOrder:
            // G⁻¹ = G₀⁻¹ + sΣ, so Σ_Dyson = −sΣ and G ≈ G₀ − s G₀ΣG₀.
            return (g0 + (g0 * sigma * g0).scaled(-s), g0)
        }
    }

    /// G^K_ba, G^K_bb, G^K_aa at τ = 0 (∫dω/2π) of G₀ by the node rule alone: the second
    /// method beside the closed form.
    public func equalTimeKeldyshByNodes(_ nodes: FrequencyNodes) throws -> (ba: Complex<Double>, bb: Complex<Double>, aa: Complex<Double>) {
        var ba = Complex<Double>.zero, bb = Complex<Double>.zero, aa = Complex<Double>.zero
        for (x, w) in zip(nodes.x, nodes.w) {
            let g = kernelBlocks(at: x).inverse
            guard g.isFinite else { throw CondensationError.nonFinite("G0 at ω = \(short(x))") }
            let c = Complex(w / (2 * Double.pi), 0)
            ba += c * g.k.ba
            bb += c * g.k.bb
            aa += c * g.k.aa
        }
        return (ba, bb, aa)
    }

    /// G^K_ba, G^K_bb, G^K_aa at τ = 0 (∫dω/2π) under a reading: G₀'s in closed form, the rest
    /// (G − G₀) by the node rule (nil nodes: G₀ only, whatever the reading).
    public func equalTimeKeldysh(_ reading: DysonReading, nodes: FrequencyNodes?) throws -> (ba: Complex<Double>, bb: Complex<Double>, aa: Complex<Double>) {
        run(equalTime, at: 0)
        let closed = try integrate(equalTimeIntegrals, count: 3)!
        var ba = closed[0], bb = closed[1], aa = closed[2]
        let twoPi = Complex(2 * Double.pi, 0)
        ba /= twoPi; bb /= twoPi; aa /= twoPi
        guard reading != .g0, let nodes else { return (ba, bb, aa) }
        var dba = Complex<Double>.zero, dbb = Complex<Double>.zero, daa = Complex<Double>.zero
        let table = reading == .selfConsistent ? try selfConsistentTable(nodes) : try nodes.x.map { try greens(at: $0, reading) }
        for ((x, w), (g, g0)) in zip(zip(nodes.x, nodes.w), table) {
            guard g.isFinite else { throw CondensationError.nonFinite("G at ω = \(short(x))") }
            let d = g.k - g0.k
            let c = Complex(w, 0)
            dba += c * d.ba
            dbb += c * d.bb
            daa += c * d.aa
        }
        return (ba + dba / twoPi, bb + dbb / twoPi, aa + daa / twoPi)
    }

    public private(set) var lastIterations = 0

    /// G = (G₀⁻¹ + sΣ[G])⁻¹ on the nodes at the condensate, iterated (`SelfConsistentDyson`; Σ
    /// depends on G's Nambu-diagonal entries only, A52).
    func selfConsistentTable(_ nodes: FrequencyNodes) throws -> [(g: NambuKeldysh, g0: NambuKeldysh)] {
        var k0: [NambuKeldysh] = [], g0: [NambuKeldysh] = [], sigma0: [NambuKeldysh] = []
        for x in nodes.x {
            let k = kernelBlocks(at: x)
            k0.append(k)
            g0.append(k.inverse)
            sigma0.append(try selfEnergy(at: x))
        }
        func diagonal(_ g: NambuKeldysh) -> [Complex<Double>] { [g.r.bb, g.k.bb, g.a.bb, g.r.aa, g.k.aa, g.a.aa] }
        let s = problem.selfEnergySign
        func dressed(_ i: Int, _ e: [Complex<Double>]) -> NambuKeldysh {
            let extra = NambuKeldysh(r: .diagonal(e[0], e[3]), k: .diagonal(e[1], e[4]), a: .diagonal(e[2], e[5]))
            return (k0[i] + (sigma0[i] + extra).scaled(s)).inverse
        }
        var dyson = SelfConsistentDyson(nodes: nodes, free: g0.map(diagonal), compiled: problem.density, density: density, parameters: values)
        if densityTable { dyson.linear = linear }
        let r = try dyson.solve { diagonal(dressed($0, $1)) }
        lastIterations = r.sweeps
        return r.extra.enumerated().map { (dressed($0.offset, $0.element), g0[$0.offset]) }
    }

    /// A38's left side divided by ψ_f (ψ_f = 0 always solves A38; the condensate is a root of
    /// the quotient), at G^K_ba(τ = 0) given.
    public func saddleQuotient(equalTime gk: Complex<Double>) -> Complex<Double> {
        for (k, v) in values.enumerated() { input[k] = v }
        input[values.count] = gk.real
        input[values.count + 1] = gk.imaginary
        input.withUnsafeBufferPointer { i in output.withUnsafeMutableBufferPointer { o in saddle.evaluate(inputs: i.baseAddress!, into: o.baseAddress!) } }
        return out(0) / Complex(values[problem.amplitude], 0)
    }
}
