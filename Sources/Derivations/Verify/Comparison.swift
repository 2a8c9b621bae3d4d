import Algebra
import ArbitraryPrecision
import KeldyshNumerics
import Symbolic

/// The outcome of comparing one derived expression with the printed one, both ways the
/// design card asks for: the difference simplified (distributed, then expanded) is 0, and
/// the two evaluate equal at random points at 100 digits (`NumericIdentityCheck`: user
/// functions as random smooth functions, integrals by quadrature at two precisions, which may
/// verify fewer digits: `numericDigits`).
struct Comparison {
    /// Derived − printed, simplified.
    let difference: Expr
    let symbolic: Bool
    /// nil when the expressions could not be evaluated (the reason is in `numericNote`).
    let numeric: Bool?
    let maxRelativeDifference: String
    /// The digits the numeric check verified: `digits`, or fewer where its integrals' quadrature
    /// verified fewer.
    let numericDigits: Int
    let numericNote: String?
    /// Why the printed difference is not in lowest terms, when it is not.
    let symbolicNote: String?
    /// How the symbolic check reached 0 when distributing and expanding the difference did not:
    /// `integrals joined` (derived − printed joined under one binder per range, the integrand
    /// simplified), `re/im by conjugates` (re u = (u + ū)/2, im u = (u − ū)/2i), or both.
    let symbolicMethod: String?
    /// How the numeric check was made when it is not the plain one: `by integrands` when the
    /// integrals have no value at the random functions (they do not decay on an infinite range)
    /// and the two sides were compared range by range, integrand against integrand at random ν
    /// (equal integrands give equal integrals; different ones need not give different integrals).
    let numericMethod: String?

    static let digits = 100
    static let points = 3

    var agrees: Bool { symbolic || numeric == true }

    /// Above this many generators the cancelled difference is not computed: the multivariate
    /// gcd over Q(i) (primitive PRS) grows too fast to be part of a report, and zero-ness does
    /// not need it (one fraction over the distinct denominator factors is zero exactly when
    /// its numerator is).
    static let cancelGenerators = 8

    init(derived: Expr, printed: Expr, seed: UInt64) {
        var d = distribute(derived - printed)
        if !d.isZero { d = d.expand() }
        var methods: [String] = []
        // Integrals: c ∫dν f − ∫dμ g is one integral ∫dν (c f − g[μ → ν]), 0 when its integrand is.
        if !d.isZero, Self.containsBinder(d) {
            let joined = d.joiningBinders().mappingBinderBodies(Self.simplified)
            if joined != d { d = joined; methods.append("integrals joined") }
            if d.isZero { methods = ["integrals joined"] }
        }
        // re and im of non-real names: written by conjugates, the difference is a polynomial in
        // the names and their conjugates (kept only when that takes it to 0; the difference is
        // printed as it was otherwise).
        if !d.isZero {
            let pairs = Self.simplified(d.realPartsAsConjugates()).joiningBinders().mappingBinderBodies(Self.simplified)
            if pairs.isZero { d = .zero; methods.append("re/im by conjugates") }
        }
        if !d.isZero { methods = [] }
        symbolicMethod = methods.isEmpty ? nil : methods.joined(separator: ", ")
        var note: String?
        // Rational functions (steady states, eliminated variables, Green's functions): cancel
        // common factors where that is affordable, otherwise decide zero-ness by the numerator.
        if !d.isZero {
            if let r = try? RationalFunction(d), r.generators.count > Self.cancelGenerators {
                // A square root is a generator of its own in the polynomial: √u·√u stays a
                // product there; rebuilt as an expression it is u again, so the numerator is
                // multiplied out once more before it is judged.
                if r.numerator.isZero || r.numerator.toExpr().expand().isZero { d = .zero } else {
                    note = "the difference, a rational function of \(r.generators.count) generators, is not reduced to lowest terms"
                }
            } else {
                d = d.cancel()
            }
        }
        difference = d
        symbolic = d.isZero
        symbolicNote = note
        var how: String? = nil
        do {
            var found: (equal: Bool, maxRelativeDifference: BigFloat, digits: Int)? = nil
            // Integrals first by integrands: equal integrands settle it (and cost one evaluation
            // per point, where quadrature costs thousands); so do different ones whose integrals
            // have no value at the random functions (a body that does not decay on an infinite
            // range: quadrature would spend its whole budget to say so). Otherwise quadrature, as
            // two integrals with different integrands can still be equal.
            let byIntegrands = (try? Self.integrandCheck(derived, printed, seed: seed)) ?? nil
            if let b = byIntegrands, b.equal || b.divergent {
                found = (b.equal, b.maxRelativeDifference, b.digits)
                how = "by integrands"
            }
            if found == nil {
                do {
                    let c = try NumericIdentityCheck.run(derived, printed, digits: Self.digits, samples: Self.points, seed: seed)
                    found = (c.equal, c.maxRelativeDifference, c.digits)
                } catch {
                    guard let b = byIntegrands else { throw error }
                    found = (b.equal, b.maxRelativeDifference, b.digits)
                    how = "by integrands"
                }
            }
            let check = found!
            numeric = check.equal
            numericDigits = check.digits
            let worst = check.maxRelativeDifference
            maxRelativeDifference = worst.isZero ? "0" : worst.toString(digits: 3)
            numericNote = nil
        } catch {
            numeric = nil
            numericDigits = Self.digits
            maxRelativeDifference = "-"
            numericNote = "not evaluable: \(error)"
        }
        numericMethod = how
    }

    /// Distributed, then expanded: the normal form the symbolic check judges.
    static func simplified(_ e: Expr) -> Expr {
        let d = distribute(e)
        return d.isZero ? d : d.expand()
    }

    static func containsDelta(_ e: Expr) -> Bool { e.containsSubexpression { $0.builtin == .delta } }

    static func containsBinder(_ e: Expr) -> Bool { e.containsSubexpression { $0.kind == .binder } }

    /// The numeric check by integrands: both sides as their binder-free part and one sum or
    /// integral per range (`binderTerms`, every range opened with the same variable), compared
    /// part by part, each at random points of its free names and the variable; equal when every
    /// part is. nil when it does not apply: no binder, or a binder left in a binder-free part (a
    /// product of two integrals, or a Dirac δ under an integral). The digits are the fewest any part verified.
    static func integrandCheck(_ derived: Expr, _ printed: Expr, seed: UInt64) throws(EvaluationError)
        -> (equal: Bool, maxRelativeDifference: BigFloat, digits: Int, divergent: Bool)? {
        guard containsBinder(derived) || containsBinder(printed) else { return nil }
        var variables: [Int: Symbol] = [:]
        let variable = { (kind: BinderKind, a: Assumptions) -> Symbol in
            let key = kind.rawValue | Int(a.rawValue) << 8
            if let v = variables[key] { return v }
            let v = Symbol.fresh(kind == .integral ? "ν" : "k", a)
            variables[key] = v
            return v
        }
        let d = distribute(derived).binderTerms(variable: variable)
        let p = distribute(printed).binderTerms(variable: variable)
        guard !containsBinder(d.rest), !containsBinder(p.rest) else { return nil }
        // A Dirac δ is a distribution: its integrand has no values to compare (quadrature says why).
        guard !(d.binders + p.binders).contains(where: { containsDelta($0.body) }) else { return nil }
        var pairs: [(Expr, Expr)] = [(d.rest, p.rest)]
        var unmatched = p.binders
        for b in d.binders {
            if let j = unmatched.firstIndex(where: { $0.kind == b.kind && $0.lower == b.lower && $0.upper == b.upper && $0.variable == b.variable }) {
                pairs.append((b.body, unmatched[j].body))
                unmatched.remove(at: j)
            } else {
                pairs.append((b.body, .zero))
            }
        }
        pairs += unmatched.map { (.zero, $0.body) }
        var equal = true, worst: BigFloat? = nil, digits = Self.digits
        let ends: Set<Expr> = [Expr.infinity, -Expr.infinity]
        let infinite = (d.binders + p.binders).filter { ends.contains($0.lower) || ends.contains($0.upper) }
        var divergent = false
        for b in infinite where !divergent { divergent = try Self.growsAtInfinity(b.body, b.variable, seed: seed) }
        for (a, b) in pairs where a != b {
            let c = try NumericIdentityCheck.run(a, b, digits: Self.digits, samples: Self.points, seed: seed)
            equal = equal && c.equal
            if worst == nil || c.maxRelativeDifference > worst! { worst = c.maxRelativeDifference }
            digits = Swift.min(digits, c.digits)
        }
        return (equal, worst ?? BigFloat(0, precision: 64), digits, divergent)
    }

    /// Whether |body(ν)|·|ν| at ν = ±2²⁰ (the other names at one random point) is above 1: an
    /// integrand that does not fall faster than 1/ν there, whose integral over an infinite range
    /// quadrature cannot give (the random smooth functions tend to constants).
    static func growsAtInfinity(_ body: Expr, _ v: Symbol, seed: UInt64) throws(EvaluationError) -> Bool {
        let precision = 128
        var grows = false
        try Expr.forEachRandomPoint(of: [body], samples: 1, seed: seed, precision: precision) { point throws(EvaluationError) in
            for far in [1 << 20, -(1 << 20)] {
                var at = point
                at[v] = BigComplex(BigFloat(far, precision: precision))
                let value = try IdentitySample(body, .zero, at: at, precision: precision, seed: seed).a
                if value.abs * BigFloat(abs(far), precision: precision) > BigFloat(1, precision: precision) { grows = true }
            }
        }
        return grows
    }

    /// A seed fixed by the item's name, so a report is the same on every run and machine.
    static func seed(_ name: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in name.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }
}
