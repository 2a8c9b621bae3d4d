import ArbitraryPrecision

/// A factor written as `base^exponent` (exponent 1 for a plain factor).
struct Factor {
    var base: Expr
    var exponent: Expr
}

/// A term of a sum laid out the way people write it: a sign, a numerator (coefficient,
/// then commuting factors, then Grassmann and operator factors in their stored order) and a
/// denominator (the coefficient's denominator and commuting factors with negative exponents).
/// Both printers use it, so `x/y`, `-x` and `I*ω/2` read the same in text and LaTeX.
struct TermLayout {
    var negative = false
    /// The integer magnitude of the coefficient's numerator (real or imaginary part), if ≠ 1.
    var coefficientNumerator: BigInt?
    /// The coefficient is purely imaginary: the unit is written after its magnitude.
    var imaginary = false
    /// A coefficient with nonzero real and imaginary parts, written in parentheses.
    var complexCoefficient: GaussianRational?
    var coefficientDenominator: BigInt?
    var commuting: [Factor] = []
    /// Grassmann and operator factors: their order is meaning, so it is kept.
    var ordered: [Factor] = []
    var denominator: [Factor] = []

    init(_ term: Expr) {
        var coefficient = GaussianRational(1)
        var factors: [Expr] = []
        if let q = term.numberValue {
            coefficient = q
        } else if term.kind == .mul, let q = term.children[0].numberValue {
            coefficient = q
            factors = Array(term.children.dropFirst())
        } else if term.kind == .mul {
            factors = Array(term.children)
        } else {
            factors = [term]
        }
        setCoefficient(coefficient)
        for f in factors {
            let (base, exponent) = f.asPower
            let plain = !f.flags.contains(.noncommuting) && !f.flags.contains(.odd)
                && !f.flags.contains(.hasGrassmann)
            if plain && exponent.hasNegativeCoefficient && !base.isZero {
                denominator.append(Factor(base: base, exponent: Self.negated(exponent)))
            } else if f.isCommuting && !f.flags.contains(.hasGrassmann) {
                commuting.append(Factor(base: base, exponent: exponent))
            } else {
                ordered.append(Factor(base: base, exponent: exponent))
            }
        }
    }

    private mutating func setCoefficient(_ q: GaussianRational) {
        var magnitude: BigRational
        if q.isReal {
            negative = q.re.signum < 0
            magnitude = q.re.abs
        } else if q.re.isZero {
            negative = q.im.signum < 0
            magnitude = q.im.abs
            imaginary = true
        } else {
            negative = q.re.signum < 0
            complexCoefficient = negative ? -q : q
            return
        }
        if !magnitude.numerator.isOne { coefficientNumerator = magnitude.numerator }
        if !magnitude.denominator.isOne { coefficientDenominator = magnitude.denominator }
    }

    static func negated(_ e: Expr) -> Expr {
        if let q = e.numberValue { return .number(-q) }
        return .neg(e)
    }

    /// The common denominator of the coefficient (of its real and imaginary parts).
    static func coefficientDenominator(of term: Expr) -> BigInt {
        let q: GaussianRational
        if let v = term.numberValue { q = v }
        else if term.kind == .mul, let v = term.children[0].numberValue { q = v }
        else { return 1 }
        let a = q.re.denominator, b = q.im.denominator
        return a / BigInt.gcd(a, b) * b
    }

    /// Polynomial degree of a term (negative for denominators), for the printed order of a sum:
    /// higher degree first, as in `x^2 + 2*x + 1`.
    static func degree(_ e: Expr) -> Double {
        if e.flags.contains(.numeric) { return 0 }
        switch e.kind {
        case .integer, .number: return 0
        case .mul: return e.children.reduce(0) { $0 + degree($1) }
        case .add: return e.children.map(degree).max() ?? 0
        case .pow:
            let (b, x) = e.asPower
            if let q = x.rationalValue { return q.toDouble() * degree(b) }
            return degree(b)
        default: return 1
        }
    }

    /// Whether a term's coefficient is purely imaginary (such terms are written first,
    /// as physicists write `-iω - κ/2`).
    static func hasImaginaryCoefficient(_ term: Expr) -> Bool {
        let q: GaussianRational?
        if let v = term.numberValue { q = v }
        else if term.kind == .mul { q = term.children[0].numberValue }
        else { q = nil }
        guard let q else { return false }
        return q.re.isZero && !q.im.isZero
    }
}

/// The terms of a sum as they are printed: a complex constant split into its real and
/// imaginary parts.
func printedTerms(of e: Expr) -> [Expr] {
    var out: [Expr] = []
    let terms: [Expr] = e.kind == .add ? Array(e.children) : [e]
    for t in terms {
        if let q = t.numberValue, !q.re.isZero, !q.im.isZero {
            out.append(.number(q.re))
            out.append(.number(GaussianRational(0, q.im)))
        } else {
            out.append(t)
        }
    }
    return out
}
