import Analysis
import FieldTheory
import KeldyshNumerics
import Symbolic

/// A model with a condensate ansatz and a `selfenergy` statement (paper 000) made ready for
/// numbers: its normal-state equations derived (`NormalStateEquations`), Σ[G₀] split into
/// closed-form fractions (`SelfEnergyFractions`), everything compiled (`CondensationProblem`).
/// The frame frequency of the background boson (μ_S) is found from the `frame` statement.
public struct CondensationModel: Sendable {
    public let model: Model
    public let equations: NormalStateEquations
    public let fractions: SelfEnergyFractions
    public let problem: CondensationProblem
    /// The condensate's frequency (the background boson's frame rate, a parameter).
    public let frequency: Symbol
    public let parameters: ParameterContext
    /// What the condensed state (ψ_f ≠ 0) is built from (`CondensateModel`).
    public let kernelWithBackground: KeldyshKernel
    public let saddlePoint: PhotonSaddlePoint
    public let background: [Symbol]
    /// G₀ of the spinor and A38's integrand under G = G₀, derived on first use: only
    /// `--reading g0` asks, and G's symbolic inverse is a third of the whole derivation.
    private let g0: ComputedOnce<Result<(greens: GreensFunction, integrand: Expr), any Error>>

    /// G₀ of the spinor (the symbolic inverse of its kernel).
    public func greensFunction() throws -> GreensFunction { try g0.value.get().greens }

    /// A38 under G = G₀ (GK_ba0's integrand, G₀^K_ba(ω), distributions written out).
    public func saddlePointIntegrand() throws -> Expr { try g0.value.get().integrand }

    private static let memo = BoundedMemo<String, CondensationModel>(capacity: 4)

    public static func load(path: String) throws -> CondensationModel {
        let text = try readModelText(path)
        return try memo.value(path + "\u{0}" + text) {
            let model: Model
            do { model = try Model.parse(text, file: path) } catch { throw error }
            return try CondensationModel(model)
        }
    }

    public init(_ model: Model) throws {
        self.model = model
        let k = model.keldysh
        guard let se = k.selfEnergy, let bg = k.background else {
            throw AnalysisError.numerical("\(model.file): the condensation threshold needs a `background` and a `selfenergy` statement (docs/model-files.md)")
        }
        guard let rate = k.frame[bg.mode], let mu = rate.symbol else {
            throw AnalysisError.numerical("\(model.file): the background \(bg.mode) needs a frame rate that is a parameter (`frame \(bg.mode): muS, …`)")
        }
        frequency = mu
        let undefined = k.baths.compactMap(\.distribution.head).filter { f in !k.distributions.contains { $0.function == f } }
        if let f = undefined.first {
            throw AnalysisError.numerical("\(model.file): numbers need the formula of \(f.name): add `distribution \(f.name) = …` (in omega)")
        }
        let derivation = try model.keldyshDerivation()
        let chain = try derivation.selfEnergyChain(se.spinor, sign: se.sign)
        let kernel = try derivation.kernel(se.spinor)
        let background = Array(Expr.freeSymbols(of: [bg.classical]))
        equations = try NormalStateEquations(chain: chain, frequency: try chain.frequency(se.reading), kernel: kernel,
                                             background: background, distributions: k.distributions, sign: se.sign)
        fractions = try SelfEnergyFractions(equations)
        let spinor = se.spinor, distributions = k.distributions
        g0 = ComputedOnce {
            Result {
                let greens = try derivation.greens(spinor)
                return (greens, greens.matrix[0, 3].expandingDefinitions(distributions))
            }
        }
        kernelWithBackground = kernel
        saddlePoint = chain.saddlePoint
        self.background = background
        problem = try Self.compile(equations, fractions)
        parameters = ParameterContext(symbols: problem.parameters + [frequency], model: model)
    }

    /// Whether, under G = G₀, neither the saddle point A38 nor K₁^R(0) depends on p — checked
    /// symbolically: the derivative of G₀^K_ba(ω), of every entry of G₀⁻¹, of the tree and of
    /// the loop density (in G's entries by name) is identically 0.
    public func independentUnderG0(of p: Symbol) throws -> Bool {
        let pieces = [try saddlePointIntegrand(), equations.tree, equations.loopDensity] + equations.kernel.entries
        return pieces.allSatisfy { $0.derivative(p).cancel().isZero }
    }

    /// The fractions' coefficients in one list (numerator, each denominator factor, then tanh's
    /// slope and offset), and where each piece's sit in it.
    static func pack(_ entries: [(entry: Int, pieces: [SelfEnergyFractions.Piece])]) -> (coefficients: [Expr], pieces: [CondensationProblem.Piece]) {
        var coefficients: [Expr] = [], pieces: [CondensationProblem.Piece] = []
        for (n, list) in entries {
            for p in list {
                let a = coefficients.count
                coefficients += p.numerator
                var factors: [(range: Range<Int>, exponent: Int)] = []
                for f in p.denominator {
                    let b = coefficients.count
                    coefficients += f.coefficients
                    factors.append((b..<coefficients.count, f.exponent))
                }
                let c = coefficients.count
                var t: (Int, Int)?
                if let (slope, offset) = p.tanh {
                    coefficients += [slope, offset]
                    t = (c, c + 1)
                }
                pieces.append(.init(entry: n, numerator: a..<(a + p.numerator.count), denominator: factors, tanh: t))
            }
        }
        return (coefficients, pieces)
    }

    /// The six Σ densities with the photon's G written out and G's entries at ν as slots (in
    /// `NormalStateEquations.entries` order): Σ[G] for a G known only at nodes.
    static func densityFunctions(_ eqs: NormalStateEquations) throws -> (expressions: [Expr], slots: [Symbol]) {
        let nu = Expr.symbol(eqs.nu)
        var slots: [Symbol] = [], fermion: [Expr: Expr] = [:]
        for (n, e) in NormalStateEquations.entries.enumerated() {
            let s = Symbol("gslot_\(n)")
            slots.append(s)
            fermion[Expr.apply(eqs.fermionFunctions[e]!, [nu])] = .symbol(s)
        }
        var photon: [Symbol: String] = [:]
        for (x, f) in eqs.photonFunctions { photon[f] = x }
        let heads = Set(eqs.fermionFunctions.values)
        var out: [Expr] = []
        for e in NormalStateEquations.entries {
            let d = eqs.densities[e]!
            var values = fermion
            for app in d.applications(of: Set(photon.keys)) { values[app] = eqs.photon[photon[app.head!]!]!.substitute([eqs.omega: app.children[0]]) }
            let written = d.substitute(values)
            if written.applies(anyOf: heads) {
                throw FieldTheoryError.unsupported("Σ^\(e)'s density applies G at a frequency other than ν: \(written)")
            }
            out.append(written)
        }
        return (out, slots)
    }

    /// The densities' nonzero coefficients of their slots, when every density is proven linear in
    /// the slots: a polynomial of degree ≤ 1 in them (`Expr.polynomialDegree`) that vanishes with
    /// them. Then density_e = Σ_k c_ek slot_k, c_ek being the density at slot_k = 1 and the other
    /// slots 0. nil otherwise: the numerics then evaluate the densities at every pair of nodes and
    /// sweep. `inputs`: the compiled function's, (ν, ω) and the parameters.
    static func linearDensities(_ densities: (expressions: [Expr], slots: [Symbol]), inputs: [Symbol]) throws -> LinearDensities? {
        let variables = Set(densities.slots)
        let zero = Dictionary(uniqueKeysWithValues: densities.slots.map { ($0, Expr.zero) })
        var coefficients: [Expr] = [], terms: [(entry: Int, slot: Int)] = []
        for (e, d) in densities.expressions.enumerated() {
            guard let degree = d.polynomialDegree(in: variables), degree <= 1, d.substitute(zero).isZero else { return nil }
            for (k, s) in densities.slots.enumerated() {
                var unit = zero
                unit[s] = .one
                let c = d.substitute(unit)
                if !c.isZero {
                    coefficients.append(c)
                    terms.append((e, k))
                }
            }
        }
        return LinearDensities(coefficients: try CompiledFunction(coefficients, parameters: inputs), terms: terms)
    }

    static func compile(_ eqs: NormalStateEquations, _ fr: SelfEnergyFractions) throws -> CondensationProblem {
        let omega = eqs.omega, nu = eqs.nu
        var slots: [Expr: Expr] = [:], slotSymbols: [Symbol] = []
        for (n, e) in NormalStateEquations.entries.enumerated() {
            let f = eqs.fermionFunctions[e]!
            for (m, arg) in [Expr.symbol(nu), Expr.symbol(nu) - .symbol(omega)].enumerated() {
                let s = Symbol("slot\(m)_\(n)")
                slots[Expr.apply(f, [arg])] = .symbol(s)
                slotSymbols.append(s)
            }
        }
        // Slots in the order the numerics fill them: the six entries at ν, then at ν − ω.
        let ordered = (0..<2).flatMap { m in (0..<6).map { n in slotSymbols[2 * n + m] } }
        let loop = eqs.loopDensity.substitute(slots)
        let fermionHeads = Set(eqs.fermionFunctions.values)
        if loop.applies(anyOf: fermionHeads) {
            throw FieldTheoryError.unsupported("the loop of K₁^R applies G at a frequency other than ν or ν − ω: \(loop)")
        }
        let (coefficients, pieces) = pack(NormalStateEquations.entries.enumerated().map { ($0.offset, fr.pieces[$0.element] ?? []) })
        let densities = try densityFunctions(eqs)
        let everything = eqs.kernel.entries + coefficients + [loop, eqs.tree] + densities.expressions
        let excluded: Set<Symbol> = Set([omega, nu] + slotSymbols + densities.slots)
        let parameters = Expr.freeSymbols(of: everything).filter { !excluded.contains($0) && !$0.info.isFunction }
            .sorted { $0.name < $1.name }
        if let complex = parameters.first(where: { !$0.info.assumptions.contains(.real) }) {
            throw AnalysisError.numerical("the normal state's numbers take real parameters; \(complex.name) is not declared real")
        }
        return CondensationProblem(parameters: parameters,
                                   kernel: try CompiledFunction(eqs.kernel, parameters: [omega] + parameters),
                                   sigma: try CompiledFunction(coefficients, parameters: [omega] + parameters),
                                   pieces: pieces,
                                   loop: try CompiledFunction(loop, parameters: [nu, omega] + parameters + ordered),
                                   tree: try CompiledFunction(eqs.tree, parameters: [omega] + parameters),
                                   density: try CompiledFunction(densities.expressions, parameters: [nu, omega] + parameters + densities.slots),
                                   selfEnergySign: eqs.selfEnergySign,
                                   conjugateEntries: entryPairs(fr.conjugates),
                                   linearDensities: try linearDensities(densities, inputs: [nu, omega] + parameters))
    }

    /// `SelfEnergyFractions.conjugates` by entry index (`NormalStateEquations.entries` order).
    static func entryPairs(_ conjugates: [String: String]) -> [(entry: Int, of: Int)] {
        conjugates.compactMap { a, r -> (entry: Int, of: Int)? in
            guard let i = NormalStateEquations.entries.firstIndex(of: a), let j = NormalStateEquations.entries.firstIndex(of: r) else { return nil }
            return (i, j)
        }.sorted { $0.entry < $1.entry }
    }
}
