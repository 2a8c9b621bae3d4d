import Symbolic

/// The Fourier step of paper 000 (A12–A13), done on the binders rather than by the rule
/// i∂_t → ω: every component of a sector becomes a function of time written through its
/// transform,
///
///   φ(t) = ∫dω/2π e^{−iωt} φ(ω),   φ̄(t) = ∫dν/2π e^{+iνt} φ̄(ν),
///
/// so ∂_t φ(t) = ∫dω/2π (−iω) e^{−iωt} φ(ω). A bilinear term ∫dt c φ̄_i(t) φ_j(t) is then
/// gathered under one triple integral, the t integral is moved innermost (Fubini), the
/// exponentials merged, ∫dt e^{i(ν−ω)t} = 2πδ(ν − ω) taken and the δ sifted, leaving
/// ∫dω/2π φ̄_i(ω) k_ij(ω) φ_j(ω): k_ij is read off by left derivatives (the Grassmann order is
/// the core's). Each move is a core operation (`mergingBinderProducts`, `exchangingBinderOrder`,
/// `combiningExponentials`, `splittingBinders`, `integratingPlaneWaves`, `siftingDeltas`), so
/// a wrong sign or a lost 2π in any of them shows here as a kernel different from
/// `KeldyshKernel.from`'s reading.
public enum FourierTransform {
    /// The sector's kernel by the transform, and the record of the step: the convention and
    /// the action of the sector in frequency. Throws when the transform leaves a term it cannot
    /// bring to the form ∫dω/2π φ̄(ω) k(ω) φ(ω), or when its kernel differs from the reading
    /// i∂_t → ω of `KeldyshKernel.from` (each route checks the other on every derivation).
    public static func kernel(_ action: Action, sector names: [String]) throws -> (KeldyshKernel, DerivationRecord) {
        let (sector, terms) = try KeldyshKernel.bilinearTerms(action, sector: names)
        // The local terms alone (what the transform produced), then with the baths' kernels.
        var builder = KernelBuilder(sector: sector)
        builder.latexNames = action.latexNames
        let local = try builder.filling(terms) { try entry(transform($0), $0) }
        let kernel = KeldyshKernel.assemble(action, sector).adding(local)
        // The second route: i∂_t → ω on the density. A disagreement is a bug in one of them.
        let reading = try KeldyshKernel.from(action, sector: names)
        for r in 0..<kernel.rows.count {
            for c in 0..<kernel.columns.count where !(kernel.matrix[r, c] - reading.matrix[r, c]).expand().isZero {
                throw FieldTheoryError.inconsistent("the Fourier step gives \(kernel.matrix[r, c]) for (\(kernel.rows[r]), \(kernel.columns[c])), the reading i∂_t → ω \(reading.matrix[r, c])")
            }
        }
        let conventions = "φ(t) = ∫dω/2π e^{−iωt} φ(ω), φ̄(t) = ∫dω/2π e^{iωt} φ̄(ω); ∫dt e^{i(ν−ω)t} = 2πδ(ν − ω)"
        let record = DerivationRecord(
            step: "fourier-transform", reference: "cf. paper 000 A12–A13",
            summary: "the local terms of \(names.joined(separator: ", ")) in frequency: " + conventions,
            text: "S_local = ∫dω/2π [" + bilinearText(local) + "]",
            latex: "S_{\\mathrm{local}} = \\int \\frac{d\\omega}{2\\pi} \\left[" + bilinearLatex(local) + "\\right]")
        return (kernel, record)
    }

    /// φ̄_i(ω) (k_ij) φ_j(ω) + …, the entries in the kernel's order.
    static func bilinearText(_ k: KeldyshKernel) -> String {
        var parts: [String] = []
        for r in 0..<k.rows.count { for c in 0..<k.columns.count where !k.matrix[r, c].isZero {
            parts.append("\(k.rows[r])(ω) (\(k.matrix[r, c])) \(k.columns[c])(ω)")
        } }
        return parts.isEmpty ? "0" : parts.joined(separator: " + ")
    }

    static func bilinearLatex(_ k: KeldyshKernel) -> String {
        var parts: [String] = []
        for r in 0..<k.rows.count { for c in 0..<k.columns.count where !k.matrix[r, c].isZero {
            parts.append(k.rows[r].latex("\\omega") + "\\left(" + k.matrix[r, c].typeset(k.latexNames) + "\\right)" + k.columns[c].latex("\\omega"))
        } }
        return parts.isEmpty ? "0" : parts.joined(separator: " + ")
    }

    /// φ(t) for a component (a function of time; its transform has the same name and a
    /// frequency slot, so the two are different symbols).
    static func timeFunction(_ c: FieldComponent) -> Symbol {
        Symbol.function(c.description, commutation: c.field.statistics == .fermion ? .grassmann : .commuting, slots: [.time])
    }

    static func frequencyFunction(_ c: FieldComponent) -> Symbol {
        Symbol.function(c.description, commutation: c.field.statistics == .fermion ? .grassmann : .commuting, slots: [.frequency])
    }

    /// ∫dt term, with the sector's components as functions of t written through their
    /// transforms, carried to a single integral over frequency.
    static func transform(_ t: KeldyshKernel.BilinearTerm) throws -> Expr {
        let time = Symbol.fresh("t", [.real])
        var table: [Expr: Expr] = [:]
        for (c, derivative) in [t.bar, t.field] {
            let w = Symbol.fresh(c.barred ? "ν" : "ω", [.real])
            // The barred field carries e^{+iνt}, the field e^{−iωt}.
            let phase = Expr.exp((c.barred ? Expr.i : Expr.neg(.i)) * .symbol(w) * .symbol(time))
            let integral = Expr.integral(phase * Expr.apply(frequencyFunction(c), [.symbol(w)]) / (2 * Expr.pi), w,
                                         from: Expr.neg(.infinity), to: .infinity)
            table[derivative ? c.derivativeExpr : c.expr] = derivative ? integral.derivative(time) : integral
        }
        let timeDomain = Expr.integral(t.term.substitute(table), time, from: Expr.neg(.infinity), to: .infinity)
        var e = timeDomain.mergingBinderProducts()
        e = e.sinkingOutermostBinder()
        e = e.combiningExponentials().splittingBinders().integratingPlaneWaves().siftingDeltas().splittingBinders()
        return e
    }

    /// k(ω) of a term transformed to c · ∫dω φ̄(ω) … φ(ω) (the 1/2π inside or out): 2π times the
    /// left derivatives of the integrand with respect to φ̄(ω), then φ(ω).
    static func entry(_ s: Expr, _ t: KeldyshKernel.BilinearTerm) throws -> Expr {
        let omega = Expr.symbol(Action.omega)
        let factors = s.kind == .mul ? Array(s.children) : [s]
        let binders = factors.filter { $0.kind == .binder }
        let constant = Expr.mul(factors.filter { $0.kind != .binder })
        guard binders.count == 1, let integral = binders.first, integral.binderKind == .integral, integral.binderParts?.lower == Expr.neg(.infinity),
              integral.binderParts?.upper == .infinity else {
            throw FieldTheoryError.inconsistent("the Fourier transform of \(t.term) is not a single integral over frequency: \(s)")
        }
        let body = integral.instantiateBinder(with: omega)
        let bar = Expr.apply(frequencyFunction(t.bar.component), [omega])
        let field = Expr.apply(frequencyFunction(t.field.component), [omega])
        let k = (2 * Expr.pi * constant * body.derivative(withRespectTo: bar).derivative(withRespectTo: field)).expand()
        guard !k.applies(frequencyFunction(t.bar.component)), !k.applies(frequencyFunction(t.field.component)) else {
            throw FieldTheoryError.inconsistent("the Fourier transform of \(t.term) is not bilinear in frequency: \(s)")
        }
        return k
    }
}
