import Symbolic

/// How A53–A58's ∘ is read (A59 defines it, and the paper's two uses disagree; docs/errata.md):
/// `convolution` — (f ∘ g)(ω) = ∫dν f(ν)g(ω − ν), what the convolution theorem of A12–A13 gives
/// for a product f(τ)g(τ) in time (SelfEnergyFrequencyTests checks it with the core's Fourier
/// moves); `asA59` — ∫dν f(ν)g(ν − ω), A59 as printed.
public enum ConvolutionReading: String, Sendable {
    case convolution, asA59
}

/// The causal self-energy in frequency (paper 000 A51–A58): each entry of the causally reduced
/// Σ(t, t′) (`CausalityReduction`) is a sum of products c · G^X_ψ(±τ) · Q^Y_s(τ); with Q at its
/// saddle point, Q^Y_s = q · G^Y_ss (A39, q = 2 as derived, −2 as printed), and the transform
/// ∫dτ e^{iωτ} of a product by the convolution theorem (A12–A13: f(τ) = ∫dν/2π e^{−iντ} f(ν), so
/// f(τ)g(τ) → ∫dν/2π g(ν)f(ω − ν), and f(−τ) → f(−ν)):
///
///     c G^X_ψ(sτ) Q^Y_s(τ)  →  ∫dν [c q/2π] G^Y_ss(ν) G^X_ψ(s(ω − ν)).
///
/// `densities` holds the integrands per dν (the fermion at ν, as A53–A58 place it), by name:
/// `R_bb` for Σ^R_bb, …, as functions `GR_aa(ν)` (`PhotonFluctuationKernel.function`) and
/// `GK_psi(·)`. With `.asA59` the photon's argument is s(ν − ω) instead.
public struct SelfEnergyFrequency: Sendable {
    public let densities: [String: Expr]
    /// Σ(ω) in the layout of the causal Σ (A52: rows x̄¹, ȳ¹, x̄², ȳ², columns x¹, y¹, x², y²), each
    /// entry ∫dν over its density (the zero entries 0: A46's (2,1) block, and Nambu off-diagonal).
    public let matrix: Matrix
    public let nu: Symbol
    public let reading: ConvolutionReading

    public init(_ chain: SelfEnergyChain, qPerG q: Expr, reading: ConvolutionReading = .convolution) throws {
        self.reading = reading
        let nu = Symbol("nu", [.real])
        self.nu = nu
        let boson = String(chain.interaction.fluctuation.name.dropFirst())
        let t = Expr.symbol(Action.time), t2 = Expr.symbol(PhotonMediatedInteraction.otherTime)
        let omega = Expr.symbol(Action.omega), v = Expr.symbol(nu)
        var photon: [Expr: (String, Int)] = [:], aux: [Expr: (String, String)] = [:]
        for x in ["K", "R", "A"] {
            photon[PhotonMediatedInteraction.propagator(x, boson, t, t2)] = (x, 1)
            photon[PhotonMediatedInteraction.propagator(x, boson, t2, t)] = (x, -1)
            for f in chain.spinor { aux[SelfEnergyChain.causalQ(x, f.name)] = (x, f.name) }
        }
        func transform(_ entry: Expr) throws -> Expr {
            var out: [Expr] = []
            for term in distribute(entry).terms where !term.isZero {
                var c: [Expr] = [], g: (String, Int)?, qy: (String, String)?
                for factor in term.kind == .mul ? Array(term.children) : [term] {
                    if let p = photon[factor] { g = p } else if let a = aux[factor] { qy = a } else { c.append(factor) }
                }
                guard let (x, s) = g, let (y, species) = qy else {
                    throw FieldTheoryError.unsupported("a term of Σ that is not c·G_ψ·Q: \(term)")
                }
                let arg = reading == .convolution ? Expr.integer(s) * (omega - v) : Expr.integer(s) * (v - omega)
                out.append(Expr.mul(c) * q / (2 * Expr.pi)
                           * Expr.apply(PhotonFluctuationKernel.function(y, species + species), [v])
                           * Expr.apply(Symbol.function("G\(x)_\(boson)"), [arg]))
            }
            return Expr.add(out).expand()
        }
        let n = chain.spinor.count, m = chain.causality.reduced
        var d: [String: Expr] = [:]
        for (i, f) in chain.spinor.enumerated() {
            let e = f.name + f.name
            d["R_" + e] = try transform(m[i, i])
            d["K_" + e] = try transform(m[i, n + i])
            d["A_" + e] = try transform(m[n + i, n + i])
        }
        densities = d
        matrix = try Matrix(rows: m.rows, columns: m.columns) { i, j in
            let density = try transform(m[i, j])
            return density.isZero ? .zero : Expr.integral(density, nu, from: -Expr.infinity, to: .infinity)
        }
    }

    public var record: DerivationRecord {
        let names = densities.keys.sorted()
        return DerivationRecord(step: "self-energy-frequency", reference: "paper 000 A51–A59",
                                summary: "Σ(ω) = ∫dν (density), Q = qG (A39), ∘ read as "
                                    + (reading == .convolution ? "a convolution, f(ν)g(ω − ν)" : "A59 prints it, f(ν)g(ν − ω)"),
                                text: names.map { "Sigma^\($0)(ω) = ∫dν [\(densities[$0]!)]" }.joined(separator: "\n"),
                                latex: names.map { "\\Sigma^{\($0.replacingOccurrences(of: "_", with: "}_{"))}(\\omega) = \\int\\mathrm{d}\\nu\\,\\left[" + densities[$0]!.latex + "\\right]" }
                                    .joined(separator: ",\\quad "))
    }
}
