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
    /// The model's LaTeX names of its parameters (from the action the kernel was read from).
    public var latexNames: [Symbol: String] = [:]

    /// The Keldysh block (r, c) ∈ {0, 1}², a Nambu matrix.
    public func block(_ r: Int, _ c: Int) -> Matrix { matrix.block(r, c, size: sector.count) }

    /// Reads the kernel off an action whose density is time independent: every term with
    /// exactly one barred and one unbarred component of the sector (fermions outside it at
    /// zero, bosons outside it as background) is a kernel entry, a time
    /// derivative on a field giving −iω and on a barred field +iω (A12–A13: i∂_t → ω); the
    /// non-local kernels are added. A term of another degree in the sector (a source, an
    /// interaction) is an error: the sector is not Gaussian. `FourierTransform.kernel` reaches
    /// the same matrix by doing the transform on the binders; each route checks the other.
    public static func from(_ action: Action, sector names: [String]) throws -> KeldyshKernel {
        let (sector, terms) = try bilinearTerms(action, sector: names)
        let omega = Expr.symbol(Action.omega)
        return assemble(action, sector).filling(terms) { t in
            var c = t.coefficient
            if t.field.derivative { c = c * Expr.neg(Expr.i) * omega }
            if t.bar.derivative { c = c * Expr.i * omega }
            return c
        }
    }

    /// One term of the density bilinear in a sector: the barred and the unbarred component
    /// (each as a value or a time derivative), the term itself, and its coefficient with the
    /// barred component written first (a Grassmann term c·φ·φ̄ is −c·φ̄·φ) and any background
    /// in place.
    struct BilinearTerm {
        var term: Expr
        var bar: (component: FieldComponent, derivative: Bool)
        var field: (component: FieldComponent, derivative: Bool)
        var coefficient: Expr
    }

    /// The sector's fields and the density's terms bilinear in it (terms holding a fermion
    /// outside the sector drop: it is at zero, it cannot be a background).
    static func bilinearTerms(_ action: Action, sector names: [String]) throws -> ([Field], [BilinearTerm]) {
        guard action.basis == .keldysh else { throw FieldTheoryError.precondition("read kernels in the Keldysh basis") }
        var sector: [Field] = []
        for n in names {
            guard let f = action.field(named: n) else { throw FieldTheoryError.precondition("the action has no field \(n)") }
            sector.append(f)
        }
        guard let statistics = sector.first?.statistics, sector.allSatisfy({ $0.statistics == statistics }) else {
            throw FieldTheoryError.precondition("a sector's fields must all be bosons or all fermions")
        }
        let inSector = Set(sector)
        var out: [BilinearTerm] = []
        for term in action.densityTerms {
            if term.contains(Action.time) { throw FieldTheoryError.inconsistent("the density depends on t (a frame or ansatz is missing): \(term)") }
            let t = FieldTerm(term, action.componentSymbols)
            if t.factors.contains(where: { !inSector.contains($0.component.field) && $0.component.field.statistics == .fermion }) { continue }
            let own = t.factors.filter { inSector.contains($0.component.field) }
            if own.isEmpty { continue }
            let background = t.factors.filter { !inSector.contains($0.component.field) }
            guard own.count == 2, own.filter({ $0.component.barred }).count == 1 else {
                throw FieldTheoryError.inconsistent("the term \(term) is not bilinear in \(names.joined(separator: ", "))")
            }
            let (bar, field) = own[0].component.barred ? (own[0], own[1]) : (own[1], own[0])
            let sign: Expr = statistics == .fermion && !own[0].component.barred ? .minusOne : .one
            let c = sign * t.coefficient * Expr.mul(background.map { $0.derivative ? $0.component.derivativeExpr : $0.component.expr })
            out.append(BilinearTerm(term: term, bar: bar, field: field, coefficient: c))
        }
        return (sector, out)
    }

    /// An empty kernel of the sector (rows the barred components, columns the components,
    /// Keldysh index first), with the action's non-local kernels of the sector already in.
    static func assemble(_ action: Action, _ sector: [Field]) -> KernelBuilder {
        var b = KernelBuilder(sector: sector)
        b.latexNames = action.latexNames
        let inSector = Set(sector)
        for k in action.nonlocal where inSector.contains(k.bar.field) && inSector.contains(k.field.field) {
            b.add(k.kernel, row: k.bar, column: k.field)
        }
        return b
    }

    /// The kernel with every field of `action` outside the sector set to zero (values and time
    /// derivatives), and the fields that actually occurred. Without a background the kernel of
    /// a spinor still holds the boson it couples to (Eq. 7's λ_cl, λ_q); its G₀ is the free one,
    /// at zero field, and inverting it with the fields as symbols is neither wanted nor cheap.
    public func atZero(outside action: Action) -> (kernel: KeldyshKernel, fields: [Field]) {
        let inSector = Set(sector)
        var table: [Expr: Expr] = [:]
        var symbols: [Symbol: Field] = [:]
        for c in action.components where !inSector.contains(c.field) {
            table[c.expr] = .zero
            table[c.derivativeExpr] = .zero
            symbols[c.symbol] = c.field
            symbols[c.derivativeSymbol] = c.field
        }
        let present = Expr.freeSymbols(of: matrix.rowList.flatMap { $0 })
        let fields = action.fields.filter { f in present.contains { symbols[$0] == f } }
        if fields.isEmpty { return (self, []) }
        let m = Matrix(matrix.rowList.map { $0.map { $0.substitute(table).expand() } })
        return (KeldyshKernel(sector: sector, rows: rows, columns: columns, matrix: m, latexNames: latexNames), fields)
    }

    /// The kernel's LaTeX: K(ω) = [[…]] acting on (columns).
    public var latex: String {
        "\\mathbf{G}^{-1}(\\omega) = " + matrix.latex(entry: { $0.typeset(latexNames) })
    }
}

/// Entries of a kernel being filled, term by term.
struct KernelBuilder {
    let sector: [Field]
    let rows: [FieldComponent]
    let columns: [FieldComponent]
    var entries: [[Expr]]
    var latexNames: [Symbol: String] = [:]

    /// An empty kernel of the sector: columns the components, Keldysh index first, rows their bars.
    init(sector: [Field]) {
        self.sector = sector
        columns = sector[0].indices(.keldysh).flatMap { k in sector.map { $0.component(k) } }
        rows = columns.map(\.bar)
        entries = [[Expr]](repeating: [Expr](repeating: .zero, count: columns.count), count: columns.count)
    }

    mutating func add(_ value: Expr, row: FieldComponent, column: FieldComponent) {
        let r = rows.firstIndex(of: row)!, c = columns.firstIndex(of: column)!
        entries[r][c] = entries[r][c] + value
    }

    /// The kernel with the entries of another of the same sector added.
    func adding(_ k: KeldyshKernel) -> KeldyshKernel {
        var b = self
        for r in rows.indices { for c in columns.indices { b.entries[r][c] = b.entries[r][c] + k.matrix[r, c] } }
        return b.filling([]) { _ in .zero }
    }

    /// The kernel with each term's entry (`entry(term)`) added at its place.
    func filling(_ terms: [KeldyshKernel.BilinearTerm], _ entry: (KeldyshKernel.BilinearTerm) throws -> Expr) rethrows -> KeldyshKernel {
        var b = self
        for t in terms { b.add(try entry(t), row: t.bar.component, column: t.field.component) }
        return KeldyshKernel(sector: sector, rows: rows, columns: columns, matrix: Matrix(b.entries.map { $0.map { $0.expand() } }),
                             latexNames: latexNames)
    }
}
