import Symbolic

/// The quadratic kernel of a sector of fields (a Nambu multiplet such as φ = [b, a], or one
/// boson ψ) in frequency: S ⊃ ∫dω/2π Σ_ij φ̄_i(ω) K_ij(ω) φ_j(ω), rows the barred components,
/// columns the components, both ordered Keldysh index first and field second — for φ = [b, a]
/// rows (b̄¹, ā¹, b̄², ā²) and columns (b¹, a¹, b², a²), so K is a 2 × 2 matrix of Nambu blocks,
/// [[R, K], [0, A]] for fermions (Eq. 7) and [[0, A], [R, K]] for a boson (A10).
public struct KeldyshKernel: Sendable {
    public let sector: [Field]
    public let rows: [FieldComponent]
    public let columns: [FieldComponent]
    public let matrix: Matrix

    /// The Keldysh block (r, c) ∈ {0, 1}², a Nambu matrix.
    public func block(_ r: Int, _ c: Int) -> Matrix { matrix.block(r, c, size: sector.count) }

    /// Reads the kernel off an action whose density is time independent: every term with
    /// exactly one barred and one unbarred component of the sector (fermions outside it at
    /// zero, bosons outside it as background) is a kernel entry, a time
    /// derivative on a field giving −iω and on a barred field +iω (A12–A13: i∂_t → ω); the
    /// non-local kernels are added. A term of another degree in the sector (a source, an
    /// interaction) is an error: the sector is not Gaussian.
    public static func from(_ action: Action, sector names: [String]) throws -> KeldyshKernel {
        guard action.basis == .keldysh else { throw FieldTheoryError.precondition("read kernels in the Keldysh basis") }
        var sector: [Field] = []
        for n in names {
            guard let f = action.field(named: n) else { throw FieldTheoryError.precondition("the action has no field \(n)") }
            sector.append(f)
        }
        guard let statistics = sector.first?.statistics, sector.allSatisfy({ $0.statistics == statistics }) else {
            throw FieldTheoryError.precondition("a sector's fields must all be bosons or all fermions")
        }
        let indices = sector[0].indices(.keldysh)
        let columns = indices.flatMap { k in sector.map { $0.component(k) } }
        let rows = columns.map(\.bar)
        let n = columns.count
        var entries = [[Expr]](repeating: [Expr](repeating: .zero, count: n), count: n)
        let inSector = Set(sector)
        let omega = Expr.symbol(Action.omega)
        for term in action.densityTerms {
            if term.contains(Action.time) { throw FieldTheoryError.inconsistent("the density depends on t (a frame or ansatz is missing): \(term)") }
            let t = FieldTerm(term, action.componentSymbols)
            // Grassmann fields outside the sector are at zero (they cannot be a background): their terms drop.
            if t.factors.contains(where: { !inSector.contains($0.component.field) && $0.component.field.statistics == .fermion }) { continue }
            let own = t.factors.filter { inSector.contains($0.component.field) }
            if own.isEmpty { continue }
            let background = t.factors.filter { !inSector.contains($0.component.field) }
            guard own.count == 2, own.filter({ $0.component.barred }).count == 1 else {
                throw FieldTheoryError.inconsistent("the term \(term) is not bilinear in \(names.joined(separator: ", "))")
            }
            let (bar, field) = own[0].component.barred ? (own[0], own[1]) : (own[1], own[0])
            // A Grassmann term c·φ·φ̄ (field first in the product) is −c·φ̄·φ.
            let sign: Expr = statistics == .fermion && !own[0].component.barred ? .minusOne : .one
            var c = sign * t.coefficient * Expr.mul(background.map { $0.derivative ? $0.component.derivativeExpr : $0.component.expr })
            if field.derivative { c = c * Expr.neg(Expr.i) * omega }
            if bar.derivative { c = c * Expr.i * omega }
            let r = rows.firstIndex(of: bar.component)!, col = columns.firstIndex(of: field.component)!
            entries[r][col] = entries[r][col] + c
        }
        for k in action.nonlocal where inSector.contains(k.bar.field) && inSector.contains(k.field.field) {
            let r = rows.firstIndex(of: k.bar)!, col = columns.firstIndex(of: k.field)!
            entries[r][col] = entries[r][col] + k.kernel
        }
        return KeldyshKernel(sector: sector, rows: rows, columns: columns,
                             matrix: Matrix(entries.map { $0.map { $0.expand() } }))
    }

    /// The kernel's LaTeX: K(ω) = [[…]] acting on (columns).
    public var latex: String {
        "\\mathbf{G}^{-1}(\\omega) = " + matrix.latex(entry: { $0.latex })
    }
}
