import ArbitraryPrecision
import Symbolic

/// What to solve for: the steady states of a mean-field system, d⟨x⟩/dt = 0 for every
/// variable, as closed-form expressions in the parameters.
///
/// Complex variables are split into real and imaginary parts (real unknowns named
/// "Re⟨a⟩", "Im⟨a⟩"; ⟨S^-⟩ = S^x − iS^y, so Re⟨S^-⟩ = ⟨S^x⟩ and Im⟨S^-⟩ = −⟨S^y⟩ in the
/// convention σ^± = σ^x ± iσ^y of 003), real variables stay as they are, and each
/// right-hand side gives one (real variable) or two (complex variable) real polynomial
/// equations over the parameters, which must be declared real.
public struct SteadyStateProblem: Sendable {
    public var system: MeanFieldSystem
    /// Extra polynomial equations = 0 in the mean-field variables (and their conjugates),
    /// e.g. conserved quantities from `spinLength`.
    public var constraints: [Expr]
    /// Complex variables whose phase is fixed (imaginary part 0): the gauge choice of a
    /// U(1)-symmetric system such as a rotating-frame lasing solution.
    public var realVariables: [Expr]
    /// Real parameter symbols that are unknowns too, e.g. the frequency Δ of a rotating frame.
    public var extraUnknowns: [Expr]

    public init(system: MeanFieldSystem, constraints: [Expr] = [], realVariables: [Expr] = [], extraUnknowns: [Expr] = []) {
        self.system = system
        self.constraints = constraints
        self.realVariables = realVariables
        self.extraUnknowns = extraUnknowns
    }

    /// |⟨S⟩|² = (S^x)² + (S^y)² + (S^z)² − length² as a constraint, from ⟨S^-⟩ and ⟨S^z⟩
    /// (|⟨S^-⟩|² = (S^x)² + (S^y)²). For spin-1/2 ensembles in intensive units the length
    /// is 1/2. In mean field a spin ensemble with no dissipator of its own precesses,
    /// d⟨S⟩/dt = ⟨S⟩ × h_eff, so its length is conserved and the steady-state equations
    /// alone leave it free (every ⟨S^z⟩ with ⟨S^±⟩ = 0 is stationary): the constraint
    /// selects the sector of the pure initial state, as the paper's ⟨S^z⟩ = ±1/2 does.
    public static func spinLength(minus: Expr, z: Expr, length: Expr = .half) -> Expr {
        minus * Expr.conj(minus) + z * z - length * length
    }
}

/// A steady state: values of every variable in the parameters, valid when every radicand
/// is ≥ 0 (and the generic divisors are nonzero).
public struct SteadyStateBranch: Sendable {
    /// Mean-field variable (⟨a⟩, ⟨S^z⟩, ...) or extra unknown → its value.
    public let values: [Expr: Expr]
    /// The real unknowns of the polynomial system and their values.
    public let realValues: [Symbol: Expr]
    /// Unknowns the steady-state equations leave free (a family of steady states).
    public let free: [Expr]
    /// Each must be ≥ 0 for the branch to be real (they are the radicands of its square
    /// roots, cancelled).
    public let realityConditions: [Expr]
    /// Parameter expressions divided by (the branch holds where they are nonzero).
    public let genericDivisors: [Expr]
    /// Whether substituting the branch into every equation gave 0 after `cancel`.
    public let verifiedSymbolically: Bool
    /// Real and imaginary parts of each mean-field variable (real expressions wherever the
    /// reality conditions hold).
    public let parts: [Expr: (re: Expr, im: Expr)]

    public subscript(_ v: Expr) -> Expr? { values[v] }

    /// |v|² = Re² + Im² (a square root of a radicand ≥ 0 is real, so this needs no conj).
    public func modulusSquared(_ v: Expr) -> Expr? {
        parts[v].map { ($0.re * $0.re + $0.im * $0.im).expand().cancel() }
    }
}

extension SteadyStateProblem {
    /// The real unknowns and the substitution variable → Re + i·Im.
    func splitting() -> (unknowns: [Symbol], map: [Symbol: Expr], parts: [Expr: (Expr, Expr)]) {
        var unknowns: [Symbol] = []
        var map: [Symbol: Expr] = [:]
        var parts: [Expr: (Expr, Expr)] = [:]
        for v in system.variables {
            let s = v.symbol!
            if v.isReal { unknowns.append(s); parts[v] = (v, .zero); continue }
            let re = Symbol("Re" + s.name, [.real])
            unknowns.append(re)
            if realVariables.contains(v) {
                map[s] = .symbol(re)
                parts[v] = (.symbol(re), .zero)
            } else {
                let im = Symbol("Im" + s.name, [.real])
                unknowns.append(im)
                map[s] = Expr.symbol(re) + Expr.i * Expr.symbol(im)
                parts[v] = (.symbol(re), .symbol(im))
            }
        }
        for x in extraUnknowns { unknowns.append(x.symbol!) }
        return (unknowns, map, parts)
    }

    /// The real polynomial equations (expanded), in the real unknowns.
    public func realEquations() throws -> (unknowns: [Symbol], equations: [Expr]) {
        let (unknowns, map, _) = splitting()
        var eqs: [Expr] = []
        func add(_ f: Expr, complex: Bool) throws {
            let g = f.substitute(map).expand()
            let c = Expr.conjugate(g).expand()
            let re = ((g + c) / 2).expand()
            if hasConjugate(re) { throw SteadyStateError.complexParameter(conjugated(re)) }
            eqs.append(re)
            if complex { eqs.append(((g - c) / (2 * Expr.i)).expand()) }
        }
        for e in system.equations {
            // A complex variable gives two equations, also when its phase is fixed.
            try add(e.rhs, complex: !e.variable.isReal)
        }
        for c in constraints { try add(c, complex: false) }
        return (unknowns, eqs.filter { !$0.isZero })
    }

    /// Every steady state, by case-split elimination (see `Triangularization`) of the real
    /// polynomial system, back-substituted to closed form. Branches that coincide, or that
    /// violate their own "u ≠ 0" assumption, are dropped. Each branch is checked by
    /// substituting it back into the equations (`verifiedSymbolically`).
    public func solve() throws -> [SteadyStateBranch] {
        let (unknowns, eqs) = try realEquations()
        let (_, _, parts) = splitting()
        let raw = try Triangularization(unknowns: unknowns).run(eqs)
        var out: [SteadyStateBranch] = []
        var seen: [[Symbol: Expr]] = []
        for b in raw {
            // Back substitution: a value contains only unknowns solved after it.
            var values: [Symbol: Expr] = [:]
            for (s, v) in b.solved.reversed() { values[s] = simplified(v.substitute(values)) }
            if b.nonzero.contains(where: { simplified($0.substitute(values)).isZero }) { continue }
            if seen.contains(values) { continue }
            seen.append(values)
            let free = unknowns.filter { values[$0] == nil }.map { Expr.symbol($0) }
            var full: [Expr: Expr] = [:]
            var split: [Expr: (re: Expr, im: Expr)] = [:]
            for v in system.variables {
                let (re, im) = parts[v]!
                split[v] = (simplified(re.substitute(values)), simplified(im.substitute(values)))
                full[v] = simplified(split[v]!.re + Expr.i * split[v]!.im)
            }
            for x in extraUnknowns { full[x] = values[x.symbol!] ?? x }
            let verified = eqs.allSatisfy { simplified($0.substitute(values).expand()).isZero }
            let radicands = b.radicands.map { simplified($0.substitute(values)) }
            out.append(SteadyStateBranch(values: full, realValues: values, free: free, realityConditions: radicands,
                                         genericDivisors: b.genericDivisors, verifiedSymbolically: verified, parts: split))
        }
        return out
    }
}

private func hasConjugate(_ e: Expr) -> Bool {
    if e.builtin == .conj { return true }
    return e.children.contains(where: hasConjugate)
}

private func conjugated(_ e: Expr) -> String {
    if e.builtin == .conj { return e.children[0].description }
    for c in e.children where hasConjugate(c) { return conjugated(c) }
    return e.description
}
