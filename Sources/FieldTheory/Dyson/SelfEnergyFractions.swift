import Symbolic

/// Σ[G₀](ω) of the normal state as sums of convolutions with closed forms: with G₀ and the
/// photon's G written out (distributions included), each density of A53–A58 is a rational
/// function of ν plus rational functions of ν times tanh(slope·ν + offset) — the fermion
/// distributions F = tanh(β(ν − μ)/2) of Eq. 5 are the only non-rational factors, the drive's
/// F_Ψ = 1 + 2n_B being rational for a Lorentzian n_B (Eq. 22). ∫dν of the first is a sum of
/// residues, of the others a sum of digammas at the poles (`TanhConvolution`); `pieces` holds
/// the fractions by their coefficients in ν (lowest degree first), themselves expressions in
/// ω and the parameters, for the numerics to compile.
///
/// The split is checked on the way: the pieces, put back together, must expand to the density.
public struct SelfEnergyFractions: Sendable {
    public struct Piece: Sendable {
        /// tanh(slope·ν + offset) multiplies the fraction; nil for a purely rational piece.
        public let tanh: (slope: Expr, offset: Expr)?
        public let numerator: [Expr]
        /// The denominator as found (`together`, not expanded: its poles stay well conditioned
        /// however far apart they are), factor by factor, each by its coefficients in ν, with
        /// its exponent.
        public let denominator: [(coefficients: [Expr], exponent: Int)]
    }

    /// Per entry of Σ (`NormalStateEquations.entries`).
    public let pieces: [String: [Piece]]
    /// G₀ of the normal state per entry, in ω (what the densities were given).
    public let greens: [String: Expr]
    /// Advanced entries whose density is, for real ν, ω and real parameters, the complex
    /// conjugate of the retarded one ("A_bb": "R_bb"), checked symbolically on the written
    /// densities: on the real axis Σ^A(ω) = Σ^R(ω)‾, so the numerics may skip A's fractions.
    public let conjugates: [String: String]

    public init(_ eqs: NormalStateEquations) throws {
        let k = eqs.kernel
        var g: [String: Expr] = [:]
        for (i, s) in ["bb", "aa"].enumerated() {
            let r = Expr.pow(k[i, i], .minusOne), a = Expr.pow(k[2 + i, 2 + i], .minusOne)
            g["R_" + s] = r.cancel()
            g["A_" + s] = a.cancel()
            g["K_" + s] = (Expr.neg(r) * k[i, 2 + i] * a).cancel()
        }
        try self.init(eqs, greens: g)
    }

    /// Σ's fractions with the six entries of G given (`NormalStateEquations.entries`, in ω):
    /// at a condensate ψ ≠ 0 they are the Nambu-diagonal entries of the 4 × 4 G₀, whose
    /// denominators are the Nambu determinants (`CondensedStateEquations`).
    public init(_ eqs: NormalStateEquations, greens g: [String: Expr]) throws {
        greens = g
        var fermion: [Symbol: String] = [:]
        for (e, f) in eqs.fermionFunctions { fermion[f] = e }
        var photon: [Symbol: String] = [:]
        for (x, f) in eqs.photonFunctions { photon[f] = x }
        var out: [String: [Piece]] = [:], written: [String: Expr] = [:]
        for entry in NormalStateEquations.entries {
            guard let density = eqs.densities[entry] else { throw FieldTheoryError.precondition("no density \(entry)") }
            var values: [Expr: Expr] = [:]
            for app in density.applications(of: Set(fermion.keys).union(photon.keys)) {
                let arg = app.children[0]
                if let e = fermion[app.head!] { values[app] = g[e]!.substitute([eqs.omega: arg]) }
                else if let x = photon[app.head!] { values[app] = eqs.photon[x]!.substitute([eqs.omega: arg]) }
            }
            written[entry] = density.substitute(values)
            out[entry] = try Self.split(written[entry]!, in: eqs.nu, what: "Σ^" + entry)
        }
        pieces = out
        var pairs: [String: String] = [:]
        for s in ["bb", "aa"] {
            if let a = written["A_" + s], let r = written["R_" + s], Self.isConjugate(a, of: r) { pairs["A_" + s] = "R_" + s }
        }
        conjugates = pairs
    }

    /// Whether a = r‾ when every free symbol is real (the symbols not declared real are
    /// replaced by real ones first: ν and ω range over the real axis here).
    static func isConjugate(_ a: Expr, of r: Expr) -> Bool {
        var real: [Symbol: Expr] = [:]
        for x in Expr.freeSymbols(of: [a, r]) where !x.info.isFunction && !x.info.assumptions.contains(.real) {
            real[x] = .symbol(Symbol.fresh(x.name, [.real]))
        }
        let ar = a.substitute(real), rr = r.substitute(real)
        let difference = Expr.conjugate(rr) - ar
        if difference.expand().isZero { return true }
        return difference.cancel().isZero
    }

    /// `written` (a function of `nu` with every G written out) as a sum of fractions and of
    /// fractions times one tanh of a linear function of `nu`, checked by reassembly.
    public static func split(_ written: Expr, in nu: Symbol, what: String) throws -> [Piece] {
        let x = Expr.symbol(nu)
        let tanhHead = Expr.tanh(x).head!
        let tanhs = written.applications(of: [tanhHead])
        var tau: [Expr: Expr] = [:], symbols: [Symbol] = []
        for (n, t) in tanhs.enumerated() {
            let s = Symbol("tau\(n)")
            symbols.append(s)
            tau[t] = .symbol(s)
        }
        let e = written.substitute(tau).expand()
        var pieces: [Piece] = []
        var rebuilt: [Expr] = []
        let free = e.substitute(Dictionary(uniqueKeysWithValues: symbols.map { ($0, Expr.zero) }))
        if !free.isZero {
            pieces.append(try piece(free, tanh: nil, nu: nu))
            rebuilt.append(free)
        }
        for (n, s) in symbols.enumerated() {
            let c = e.coefficient(of: s, degree: 1)
            if c.isZero { continue }
            if symbols.contains(where: { c.contains($0) }) || !e.coefficient(of: s, degree: 2).isZero {
                throw FieldTheoryError.unsupported("a term of \(what) holds two fermion distributions: no closed form")
            }
            let arg = tanhs[n].children[0]
            let slope = arg.derivative(nu).expand(), offset = arg.substitute([nu: .zero]).expand()
            guard !slope.contains(nu), (slope * x + offset - arg).expand().isZero else {
                throw FieldTheoryError.unsupported("a distribution of \(what) is not tanh of a linear function of \(nu.name): \(tanhs[n])")
            }
            pieces.append(try piece(c, tanh: (slope, offset), nu: nu))
            rebuilt.append(c * .symbol(s))
        }
        guard (Expr.add(rebuilt) - e).expand().isZero else {
            throw FieldTheoryError.inconsistent("\(what) is not a sum of fractions and fractions times one distribution")
        }
        return pieces
    }

    /// c as N/(Π factors) with N and each factor a polynomial in ν, by coefficients.
    static func piece(_ c: Expr, tanh: (slope: Expr, offset: Expr)?, nu: Symbol) throws -> Piece {
        let r = try RationalFunction(c, generators: [.symbol(nu)])
        let factors = try r.denominatorFactors.map { (try coefficients($0.factor.toExpr().expand(), nu), $0.exponent) }
        return Piece(tanh: tanh, numerator: try coefficients(r.numerator.toExpr().expand(), nu), denominator: factors)
    }

    static func coefficients(_ p: Expr, _ x: Symbol) throws -> [Expr] {
        var out: [Expr] = []
        var rest = p
        for n in 0...24 {
            let c = p.coefficient(of: x, degree: n)
            out.append(c)
            rest = (rest - c * Expr.pow(.symbol(x), .integer(n))).expand()
            if rest.isZero {
                while out.count > 1, out.last!.isZero { out.removeLast() }
                return out
            }
        }
        throw FieldTheoryError.unsupported("not a polynomial of degree ≤ 24 in \(x.name): \(p)")
    }
}
