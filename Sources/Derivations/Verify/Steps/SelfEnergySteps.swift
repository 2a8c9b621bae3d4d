import FieldTheory
import Symbolic

/// The steps of paper 000 A21–A50 (`SelfEnergyChain`), read from the model's Keldysh
/// derivation for a spinor [x, y] (000: φ = [b, a]) and the model's `background` boson ψ:
///
/// * `interaction LABEL: SPINOR` — A21: the matrix of coefficients of x̄^i(t)y^j(t)ȳ^k(t′)x^l(t′)
///   in S_φφ, rows (i, j) and columns (k, l) in the order 11, 12, 21, 22;
/// * `selfenergy LABEL: SPINOR [; sign asA23|dyson]` — A23–A32: Σ(t, t′) (rows x̄¹, ȳ¹, x̄², ȳ²,
///   columns x¹, y¹, x², y²) and its entries by name, `xx11` = Σ_xx^{(1,1)}, …; `Q_per_G`, the
///   factor of A39 (Q = Q_per_G · G at the saddle point in Q);
/// * `causal LABEL: SPINOR` — A40–A50: Σ with Q^{(1,1)} = Q^R, … and the products of opposite
///   supports dropped, entries by name as above, and `support_xx11`, … each `retarded`,
///   `advanced`, `keldysh` (no causal constraint) or 0;
/// * `photonsaddle LABEL: SPINOR` — A35/A38: `eq` = δS_eff/δψ̄_q at ψ_q = 0.
///
/// Each step declares, for the transcriptions after it, names for the two-time atoms (the
/// manifest has no syntax for G^K_ψ(t, t′)): `GK`, `GR`, `GA` = G^X_ψ(t, t′) = G^X_ψ(τ), `GKm`, …
/// = G^X_ψ(t′, t) = G^X_ψ(−τ); `Qyy11` … = Q_yy^{(1,1)}(t, t′), `Qxx11` …; `QRy`, `QKy`, `QAy`, …
/// (A40–A43); `GK_xy0`, … = G^K_xy(τ = 0) (A38). A name the manifest already uses is not redeclared.
/// * `fluctuation LABEL: SPINOR` — B9–B15: `K1R` = K₁^R(ω) about the normal state, the loop an
///   integral over ν of the functions `GR_xx(ν)`, `GK_xx`, `GA_xx` (declared for the manifest);
///   `tree` and `loop` its parts, K₁^R = tree + ∫dν loop (`nu` declared, the loop variable); the
///   matrix δG₀⁻¹ of B6 (rows and columns as Σ's), in `dpsi_cl`, `dpsibar_q`, … (declared).
/// * `frequency LABEL: SPINOR [; convolution convolution|asA59]` — A51–A58: `R_bb`, `K_aa`, …
///   Σ^R_bb(ω) = ∫dν density, … (`SelfEnergyFrequency`), and `density_R_bb`, … the integrands per
///   dν, in the functions `GR_aa(ν)`, `GK_psi(·)` (declared); the matrix Σ(ω) of A52, laid out
///   as Σ(t, t′).
struct InteractionStep: DerivationStep {
    static let keyword = "interaction"
    static func run(_ arguments: StepArguments, in context: StepContext) throws(ModelError) -> (DerivedResults, Any?) {
        try ChainStep.run(arguments, context) { chain, _, r in
            let (x, y) = (chain.spinor[0], chain.spinor[1])
            let t = Expr.symbol(Action.time), t2 = Expr.symbol(PhotonMediatedInteraction.otherTime)
            func at(_ f: Field, _ c: ContourIndex, _ bar: Bool, _ time: Expr) -> Expr {
                PhotonMediatedInteraction.component(f.component(c, barred: bar), at: time)
            }
            let pairs: [(ContourIndex, ContourIndex)] = [(.one, .one), (.one, .two), (.two, .one), (.two, .two)]
            let s = distribute(chain.interaction.interaction)
            var rebuilt: [Expr] = []
            // Left derivatives in the order of the monomial: ∂_{x^l}∂_{ȳ^k}∂_{y^j}∂_{x̄^i}(c x̄^i y^j ȳ^k x^l) = c.
            r.matrix = pairs.map { (i, j) in
                let d = s.derivative(withRespectTo: at(x, i, true, t)).derivative(withRespectTo: at(y, j, false, t))
                return pairs.map { (k, l) in
                    let c = distribute(d.derivative(withRespectTo: at(y, k, true, t2)).derivative(withRespectTo: at(x, l, false, t2))).cancelledByWord()
                    rebuilt.append(Expr.mul([c, at(x, i, true, t), at(y, j, false, t), at(y, k, true, t2), at(x, l, false, t2)]))
                    return c
                }
            }
            guard distribute(s - Expr.add(rebuilt)).expand().cancelledByWord().isZero else {
                throw FieldTheoryError.inconsistent("S_φφ has terms that are not x̄(t)y(t)ȳ(t′)x(t′)")
            }
        }
    }
}

struct SelfEnergyStep: DerivationStep {
    static let keyword = "selfenergy"
    static func run(_ arguments: StepArguments, in context: StepContext) throws(ModelError) -> (DerivedResults, Any?) {
        try ChainStep.run(arguments, context) { chain, _, r in
            ChainStep.entries(chain.selfEnergy.matrix, chain.spinor, into: &r)
            // Q = (2/λ)⟨X⟩ with ⟨X⟩ = ⟨y ȳ⟩ = iG (HubbardStratonovich.saddlePointFactor).
            r.values["Q_per_G"] = (chain.decoupling.saddlePointFactor * Expr.i).expand()
        }
    }
}

struct CausalStep: DerivationStep {
    static let keyword = "causal"
    static func run(_ arguments: StepArguments, in context: StepContext) throws(ModelError) -> (DerivedResults, Any?) {
        try ChainStep.run(arguments, context) { chain, _, r in
            let c = chain.causality
            ChainStep.entries(c.reduced, chain.spinor, into: &r)
            let words: [CausalSupport: Expr] = [.retarded: .symbol("retarded"), .advanced: .symbol("advanced"),
                                                 .unrestricted: .symbol("keldysh"), .empty: .zero]
            for name in ["retarded", "advanced", "keldysh"] { r.names[name] = .symbol(Symbol(name)) }
            for (name, row, col) in ChainStep.positions(chain.spinor) { r.values["support_" + name] = words[c.support[row][col]] }
        }
    }
}

struct PhotonSaddleStep: DerivationStep {
    static let keyword = "photonsaddle"
    static func run(_ arguments: StepArguments, in context: StepContext) throws(ModelError) -> (DerivedResults, Any?) {
        try ChainStep.run(arguments, context) { chain, _, r in
            r.values["eq"] = chain.saddlePoint.equation
        }
    }
}

struct FluctuationStep: DerivationStep {
    static let keyword = "fluctuation"
    static func run(_ arguments: StepArguments, in context: StepContext) throws(ModelError) -> (DerivedResults, Any?) {
        try ChainStep.run(arguments, context) { chain, _, r in
            r.values["K1R"] = chain.fluctuations.retarded
            r.values["tree"] = chain.fluctuations.tree
            r.values["loop"] = chain.fluctuations.loopDensity
            r.names["nu"] = .symbol(chain.fluctuations.nu)
            // B6: δG₀⁻¹ as the step's matrix, in the fluctuation's components by name (dpsibar_q, …).
            r.matrix = chain.fluctuations.vertex.rowList
            let d = chain.interaction.fluctuation
            for c in d.indices(.keldysh) {
                for bar in [false, true] { r.names[d.component(c, barred: bar).description] = d.component(c, barred: bar).expr }
            }
            for x in ["R", "K", "A"] {
                for f in chain.spinor { r.functions.append(PhotonFluctuationKernel.function(x, f.name + f.name)) }
            }
        }
    }
}

struct FrequencyStep: DerivationStep {
    static let keyword = "frequency"
    static func run(_ arguments: StepArguments, in context: StepContext) throws(ModelError) -> (DerivedResults, Any?) {
        try ChainStep.run(arguments, context) { chain, reading, r in
            let f = try chain.frequency(reading)
            // Σ(ω) whole, ∫dν over the density (compared as one expression: the comparison joins
            // the printed integral with it), and each density by name (`density_R_bb`).
            for (name, density) in f.densities {
                r.values[name] = Expr.integral(density, f.nu, from: -Expr.infinity, to: .infinity)
                r.values["density_" + name] = density
            }
            r.names["nu"] = .symbol(f.nu)
            r.matrix = f.matrix.rowList
            let boson = String(chain.interaction.fluctuation.name.dropFirst())
            for x in ["R", "K", "A"] {
                r.functions.append(Symbol.function("G\(x)_\(boson)"))
                for s in chain.spinor { r.functions.append(PhotonFluctuationKernel.function(x, s.name + s.name)) }
            }
        }
    }
}

/// What the six steps share: the chain from the model, the names of its atoms, the
/// `values` clause.
enum ChainStep {
    static func run(_ arguments: StepArguments, _ context: StepContext,
                    _ read: (SelfEnergyChain, ConvolutionReading, inout DerivedResults) throws -> Void) throws(ModelError) -> (DerivedResults, Any?) {
        let clauses = try StepClauses(arguments.fragment, keywords: ["sign", "convolution"], main: true)
        let model = try clauses.model(context)
        var sign = SelfEnergySign.asA23
        if let s = clauses["sign"] {
            guard let v = SelfEnergySign(rawValue: s.text) else { throw s.error("expected `sign asA23` or `sign dyson`") }
            sign = v
        }
        var reading = ConvolutionReading.convolution
        if let c = clauses["convolution"] {
            guard let v = ConvolutionReading(rawValue: c.text) else { throw c.error("expected `convolution convolution` or `convolution asA59`") }
            reading = v
        }
        var r = DerivedResults()
        let chain: SelfEnergyChain
        do {
            chain = try model.keldyshDerivation().selfEnergyChain(clauses.main!.text, sign: sign)
            r.names = atomNames(chain)
            try read(chain, reading, &r)
        } catch {
            return (DerivedResults(failure: "the self-energy chain failed: \(error)"), nil)
        }
        if let values = clauses["values"] {
            var scope = model.scope
            for (name, value) in (r.names.merging(r.values) { _, v in v }).sorted(by: { $0.key < $1.key }) where scope.declared[name] == nil {
                try scope.define(name, value, at: values)
            }
            r.values.merge(try StepValues.evaluate(values, parameters: clauses["parameters"], scope: scope,
                                                   sources: ValueSources())) { _, new in new }
        }
        return (r, chain)
    }

    /// The names of the two-time atoms (see `InteractionStep`).
    static func atomNames(_ chain: SelfEnergyChain) -> [String: Expr] {
        let t = Expr.symbol(Action.time), t2 = Expr.symbol(PhotonMediatedInteraction.otherTime)
        let boson = chain.interaction.fluctuation.name.dropFirst()
        var out: [String: Expr] = [:]
        for x in ["K", "R", "A"] {
            out["G" + x] = PhotonMediatedInteraction.propagator(x, String(boson), t, t2)
            out["G" + x + "m"] = PhotonMediatedInteraction.propagator(x, String(boson), t2, t)
            for f in chain.spinor {
                out["Q" + x + f.name] = SelfEnergyChain.causalQ(x, f.name)
                for g in chain.spinor { out["G\(x)_\(f.name)\(g.name)0"] = PhotonSaddlePoint.equalTime(x, f.name + g.name) }
            }
        }
        let indices: [(ContourIndex, String)] = [(.one, "1"), (.two, "2")]
        for f in chain.spinor {
            for (c, cn) in indices {
                for (d, dn) in indices { out["Q\(f.name)\(f.name)\(cn)\(dn)"] = HubbardStratonovich.auxiliary(f, c, d, t, t2) }
            }
        }
        return out
    }

    /// (name, row, column) of each entry of a Keldysh ⊗ Nambu matrix of the spinor: `ba12` is
    /// row x̄=b at index 1, column a at index 2.
    static func positions(_ spinor: [Field]) -> [(String, Int, Int)] {
        let n = spinor.count
        var out: [(String, Int, Int)] = []
        for c in 0..<2 {
            for d in 0..<2 {
                for (i, f) in spinor.enumerated() {
                    for (j, g) in spinor.enumerated() { out.append(("\(f.name)\(g.name)\(c + 1)\(d + 1)", c * n + i, d * n + j)) }
                }
            }
        }
        return out
    }

    static func entries(_ m: Matrix, _ spinor: [Field], into r: inout DerivedResults) {
        r.matrix = m.rowList
        for (name, row, col) in positions(spinor) { r.values[name] = m[row, col] }
    }
}
