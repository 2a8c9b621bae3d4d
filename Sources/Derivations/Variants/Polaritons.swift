import Algebra
import ArbitraryPrecision
import Symbolic

/// The normal-state polariton frequencies of the Dicke block (Eq. (3) of 003).
public struct PolaritonFrequencies: Sendable {
    /// det(s·1 − A) of the 4×4 block (δa, δa*, δS^-, δS^+) at η = η' = κ = 0.
    public let characteristicPolynomial: Expr
    public let s: Symbol
    /// Ω_U², Ω_L²: the two roots in Ω² of the characteristic polynomial at s = −iΩ.
    public let upperSquared: Expr
    public let lowerSquared: Expr
}

/// First-order perturbation theory for the upper-polariton eigenvalue of (A2) at η' = η.
public struct PolaritonDecay: Sendable {
    /// s₀ = −iΩ_U, the eigenvalue at κ = η = 0.
    public let unperturbed: Expr
    /// ∂s/∂κ and ∂s/∂(η²) at κ = η = 0 (implicit differentiation of det(s − A2) = 0).
    public let dsdKappa: Expr
    public let dsdEtaSquared: Expr
    /// κ_U ≈ −Re(κ ∂s/∂κ + η² ∂s/∂(η²)): the amplitude decay rate to first order in κ and
    /// η², the quantity Eq. (4) estimates (complex-valued expression: take its real part).
    public var decayFirstOrder: Expr { Expr.neg(kappaSymbol * dsdKappa + etaSymbol * etaSymbol * dsdEtaSquared) }
    let kappaSymbol: Expr, etaSymbol: Expr
    /// det(s − A2) at η' = η, expanded, in `s`.
    public let characteristicPolynomial: Expr
    public let s: Symbol
}

extension Paper003Model {
    /// Eq. (3) of 003: Ω_{U/L}² are the roots of det(s − A) for the Dicke block at κ = 0,
    /// s = −iΩ. Derived from (A2), so a printed factor (16λ²ω_zω_c) is checked, not assumed.
    public func polaritonFrequencies() throws -> PolaritonFrequencies {
        let m = dicke.restricted([kappa: .zero])
        let mf = try m.meanField([a.annihilation, S.z, S.minus])
        let (al, sm, sz) = (try m.variable(a.annihilation), try m.variable(S.minus), try m.variable(S.z))
        let lin = try mf.linearize(variables: [al, Expr.conj(al), sm, Expr.conj(sm)],
                                   about: [al: .zero, sm: .zero, sz: Expr.rational(-1, 2)])
        let s = Symbol("s", [])
        let p = try lin.stabilityMatrix.characteristicPolynomial(in: s).expr.expand()
        let omega = Expr.symbol("Ω", [.positive])
        let roots = try solveForSquare(p.substitute([Expr.symbol(s): Expr.neg(Expr.i) * omega]).expand(), parameter: omega)
        guard roots.count == 2 else { throw SteadyStateError.degreeTooHigh(variable: "Ω²", polynomial: p) }
        // The upper root is the one with +√: compare numerically at a sample point.
        let (r0, r1) = (roots[0], roots[1])
        let larger = (try? Expr.numericallyEqual(r0 - r1, Expr.sqrt((r0 - r1) * (r0 - r1)), digits: 30, samples: 3, seed: 3).equal) ?? true
        return PolaritonFrequencies(characteristicPolynomial: p, s: s,
                                    upperSquared: larger ? r0 : r1, lowerSquared: larger ? r1 : r0)
    }

    /// Eq. (4) of 003 estimates the upper-polariton decay κ_U at η = η'. Derived here as
    /// first-order perturbation of the eigenvalue s₀ = −iΩ_U of (A2) in κ and η²:
    /// s ≈ s₀ + κ ∂s/∂κ + η² ∂s/∂(η²), both from implicit differentiation of
    /// P(s) = det(s − A2) = 0 (∂s/∂x = −∂_xP/∂_sP at s₀, κ = η = 0).
    public func upperPolaritonDecay() throws -> PolaritonDecay {
        let m = restricted([etaPrime: value(eta)])
        let s = Symbol("s", [])
        let se = Expr.symbol(s)
        let p = try m.normalStateStabilityMatrix().characteristicPolynomial(in: s).expr.expand()
        let freq = try polaritonFrequencies()
        let s0 = Expr.neg(Expr.i) * Expr.sqrt(freq.upperSquared)
        let zero: [Expr: Expr] = [kappa: .zero, eta: .zero]
        let at = { (e: Expr) in e.substitute(zero).substitute([se: s0]) }
        let ps = at(p.derivative(s))
        let pk = at(p.derivative(kappa.symbol!))
        let pe = at(p.coefficient(of: eta.symbol!, degree: 2))
        return PolaritonDecay(unperturbed: s0, dsdKappa: Expr.neg(pk) / ps, dsdEtaSquared: Expr.neg(pe) / ps,
                              kappaSymbol: kappa, etaSymbol: eta, characteristicPolynomial: p, s: s)
    }
}

/// Where a stability matrix A(g), with entries polynomial in one parameter g and rational
/// numbers otherwise, can have an eigenvalue on the imaginary axis s = iω: P(iω) = 0 with
/// P = det(s − A) means Re P(iω) = Im P(iω) = 0, and their resultant in ω is a polynomial
/// in g whose real roots contain every such crossing (Hopf points and real zero
/// eigenvalues). Returned with its real roots isolated in exact rational brackets.
public func imaginaryAxisCrossings(of matrix: Matrix, parameter g: Symbol) throws
    -> (polynomial: Expr, roots: [RealRoot]) {
    let s = Symbol("s_crossing", [])
    let omega = Symbol("ω_crossing", [.real])
    let p = try matrix.characteristicPolynomial(in: s).expr.expand()
    let onAxis = p.substitute([Expr.symbol(s): Expr.i * Expr.symbol(omega)]).expand()
    let re = realPart(onAxis).expand(), im = ((onAxis - Expr.conjugate(onAxis)) / (2 * Expr.i)).expand()
    var r = clearedNumerator(try Expr.resultant(re, im, in: omega))
    if r.isZero { throw SteadyStateError.stuck([re, im]) }
    let poly = try Polynomial(r, generators: [Expr.symbol(g)])
    guard poly.generators.count == 1, let u = UnivariatePolynomial(poly, variable: 0) else {
        throw SteadyStateError.stuck([r])
    }
    let sf = u.squareFreePart
    r = sf.polynomial(variable: 0, generators: poly.generators).toExpr()
    return (r, sf.realRoots())
}
