import Symbolic

/// `paper003 LABEL: NAME` — a derivation of a variant of paper 003 done by the library
/// (`Paper003Model` in Sources/Algebra/Variants: Appendix B limits, C1, D1–D4, Eq. 3),
/// whose results a manifest compares with `value LABEL.KEY = …` transcriptions.
///
/// The library builds its own copy of Eqs. (1)–(2) with the symbols ω_c, ω_z, ω'_z, λ, η,
/// η', κ, γ↑, γ↓, N; the step first checks that this copy has the same Heisenberg equations
/// as the manifest's model file (so the comparison is still "from the model"), then renames
/// those symbols to the model file's parameters `wc, wz, wz', lambda, eta, eta', kappa, gup,
/// gdown, N` (which must be declared there).
extension StepKind {
    static var paper003: StepKind {
        StepKind(keyword: "paper003") { (args, context) throws(ModelError) in
            let name = args.text
            guard let derive = Paper003Library.derivations[name] else {
                throw args.error("unknown paper003 derivation '\(name)' (known: "
                                 + Paper003Library.derivations.keys.sorted().joined(separator: ", ") + ")")
            }
            let m = Paper003Model()
            var rename: [Symbol: Expr] = [:]
            for (e, modelName) in Paper003Library.parameterNames(m) {
                guard let s = context.model.scope.context.symbol(named: modelName) else {
                    throw args.error("paper003 steps need the model parameter '\(modelName)' (for \(e))")
                }
                rename[e.symbol!] = .symbol(s)
            }
            do {
                if let mismatch = try Paper003Library.mismatch(m, context.model, rename) {
                    return (DerivedResults(failure: mismatch), nil)
                }
                var r = DerivedResults()
                for (key, value) in try derive(m) { r.values[key] = value.substitute(rename) }
                return (r, nil)
            } catch {
                return (DerivedResults(failure: "\(name) failed: \(error)"), nil)
            }
        }
    }
}

enum Paper003Library {
    static func parameterNames(_ m: Paper003Model) -> [(Expr, String)] {
        [(m.omegaC, "wc"), (m.omegaZ, "wz"), (m.omegaZPrime, "wz'"), (m.lambda, "lambda"), (m.eta, "eta"),
         (m.etaPrime, "eta'"), (m.kappa, "kappa"), (m.gammaUp, "gup"), (m.gammaDown, "gdown"), (m.systemSize, "N")]
    }

    /// Why the library's model is not the model file's, or nil when their Heisenberg
    /// equations of a, S^-, S^z, T^-, T^z agree.
    static func mismatch(_ m: Paper003Model, _ model: Model, _ rename: [Symbol: Expr]) throws -> String? {
        let library = try m.openSystem()
        for (op, name) in [(m.a.annihilation, "a"), (m.S.minus, "S-"), (m.S.z, "Sz"), (m.T.minus, "T-"), (m.T.z, "Tz")] {
            guard let o = model.operators[name] else { return "the model file has no operator \(name)" }
            // Operators with the same name and group are the same symbols in both algebras, so
            // the canonical forms compare directly.
            let theirs = try model.system.algebra.normalOrder((try library.heisenberg(op)).substitute(rename))
            let mine = try model.system.heisenberg(o)
            if !distribute(theirs - mine).isZero { return "the library's Eqs. (1)-(2) differ from the model file in d\(name)/dt" }
        }
        return nil
    }

    typealias Derivation = @Sendable (Paper003Model) throws -> [String: Expr]

    /// Each derivation and the values it exposes to `value LABEL.KEY` lines.
    static let derivations: [String: Derivation] = [
        // Appendix B, Dicke limit η = η' = 0: λ_c², the superradiant ⟨S^z⟩, and ⟨a⟩/⟨S^x⟩.
        "dicke-steady-states": { m in
            let d = try m.dickeSteadyStates()
            guard let b = d.superradiant.first else { throw AlgebraError.missing("superradiant branch") }
            let (al, sm, sz) = (try m.variable(m.a.annihilation), try m.variable(m.S.minus), try m.variable(m.S.z))
            var out: [String: Expr] = ["lambdaC2": d.criticalCouplingSquared, "Sz": b[sz]!]
            if let sx = b.parts[sm]?.re, !sx.isZero { out["a_per_Sx"] = (b[al]! / sx).cancel() }
            return out
        },
        // Appendix B, Tavis–Cummings limit η' = λ = 0: (B2), and (B3) at ω'_z = ω_c.
        "tavis-cummings-lasing": { m in
            let tc = try m.tavisCummingsLasing()
            let resonant: [Expr: Expr] = [m.omegaZPrime: m.omegaC]
            return ["Delta": tc.frequency, "Tz": tc.tz, "T0abs2": tc.tModulusSquared, "n": tc.photonNumber,
                    "Delta_resonant": tc.frequency.substitute(resonant).cancel(),
                    "Tz_resonant": tc.tz.substitute(resonant).cancel(),
                    "T0abs2_resonant": tc.tModulusSquared.substitute(resonant).cancel()]
        },
        // Appendix D: (D1)–(D4) and the effective spin equation after (D4).
        "adiabatic-elimination": { m in
            let ad = try m.adiabaticElimination()
            return ["Tminus": ad.tMinus, "Tplus": ad.tPlus, "Tz": ad.tz, "a_dot": ad.boson,
                    "omegaTilde": ad.omegaTilde, "kappaTilde": ad.kappaTilde, "S_dot": ad.spin]
        },
        // Appendix C: the boson equation (C1), d⟨a⟩/dt of the Gilbert-damped model.
        "gilbert-damping": { m in
            let mf = try m.gilbertDamped()
            return ["a_dot": try mf.rhs(for: try m.variable(m.a.annihilation))]
        },
        // Eq. (3): the polariton frequencies squared.
        "polaritons": { m in
            let p = try m.polaritonFrequencies()
            return ["OmegaU2": p.upperSquared, "OmegaL2": p.lowerSquared]
        },
    ]
}
