import ArbitraryPrecision

extension Polynomial {
    /// The greatest common divisor in normal form (see `normalForm`): over ℤ and ℚ it is
    /// the primitive integer gcd with a positive leading coefficient; over ℚ(i) the
    /// Gaussian-primitive gcd with the unit fixed by the same rule as rational-function
    /// denominators. gcd(0, 0) = 0.
    ///
    /// Real inputs run the heuristic GCD on the integer numerators (with the primitive PRS
    /// as guaranteed fallback); inputs with imaginary coefficients run the primitive PRS
    /// over ℚ(i). Only generators that occur become variables.
    public static func gcd(_ a: Polynomial, _ b: Polynomial) -> Polynomial {
        cofactors(a, b).gcd
    }

    /// The gcd g (as `gcd`) and the cofactors a/g, b/g.
    public static func cofactors(_ a: Polynomial, _ b: Polynomial)
        -> (gcd: Polynomial, a: Polynomial, b: Polynomial) {
        precondition(a.generators == b.generators, "polynomials in different generators")
        let gens = a.generators
        if a.isZero && b.isZero { return (a, a, b) }
        if a.isZero || b.isZero {
            let (c, p) = (a.isZero ? b : a).normalForm()
            let one = Polynomial(c, generators: gens)
            return a.isZero ? (p, a, one) : (p, one, b)
        }
        let vars = usedVariables([a, b])
        if vars.isEmpty {
            return (Polynomial(1, generators: gens), a, b)
        }
        var g: Polynomial, ca: Polynomial, cb: Polynomial
        if a.im.isZero && b.im.isZero {
            let (h, x, y) = RecursiveGCD.integerCofactors(a.integerRecursive(vars), b.integerRecursive(vars))
            g = fromInteger(h, vars, generators: gens)
            ca = fromInteger(x, vars, generators: gens).scaled(by: GaussianRational(BigRational(1, a.denominator)))
            cb = fromInteger(y, vars, generators: gens).scaled(by: GaussianRational(BigRational(1, b.denominator)))
        } else {
            let (h, x, y) = RecursiveGCD.prsCofactors(a.gaussianRecursive(vars), b.gaussianRecursive(vars))
            g = fromGaussian(h, vars, generators: gens)
            ca = fromGaussian(x, vars, generators: gens)
            cb = fromGaussian(y, vars, generators: gens)
        }
        let (c, normal) = g.normalForm()
        if !c.isOne {
            ca = ca.scaled(by: c)
            cb = cb.scaled(by: c)
        }
        return (normal, ca, cb)
    }

    /// The least common multiple in normal form.
    public static func lcm(_ a: Polynomial, _ b: Polynomial) -> Polynomial {
        if a.isZero || b.isZero { return .zero(generators: a.generators) }
        let (_, ca, _) = cofactors(a, b)
        return (ca * b).normalForm().primitive
    }

    /// self = coefficient · primitive, where `primitive` has Gaussian-integer coefficients
    /// with gcd 1 in ℤ[i] and its unit (±1, ±i) is fixed so that associates get the same
    /// representative:
    /// 1. more purely real than purely imaginary coefficients (rotate by i otherwise);
    /// 2. then the first real coefficient, in graded-lex order, is positive — or, when
    ///    real and imaginary coefficients are equally many, the first coefficient on an
    ///    axis is made positive real;
    /// 3. with no coefficient on an axis, the leading coefficient lies in re > 0, im ≥ 0.
    /// For a real polynomial this is the primitive part with positive leading coefficient.
    public func normalForm() -> (coefficient: GaussianRational, primitive: Polynomial) {
        if isZero { return (.one, self) }
        var content: GaussianRational
        if im.isZero {
            content = GaussianRational(BigRational(re.content, denominator))
        } else {
            let scale = GaussianRational(BigRational(denominator))
            var g = GaussianRational.zero
            for t in terms {
                g = GaussianRational.gaussianIntegerGCD(g, t.coefficient * scale)
                if g.norm.isOne { break }
            }
            content = g / scale
        }
        let coefficients = terms.map { $0.coefficient / content }
        let isReal = { (z: GaussianRational) in z.im.isZero }
        let isImaginary = { (z: GaussianRational) in z.re.isZero }
        let reals = coefficients.filter(isReal).count, imaginaries = coefficients.filter(isImaginary).count
        var unit = GaussianRational.one
        if reals != imaginaries {
            if imaginaries > reals { unit = -GaussianRational.i }
            let first = coefficients.first { imaginaries > reals ? isImaginary($0) : isReal($0) }!
            if (first * unit).re.signum < 0 { unit = -unit }
        } else if let first = coefficients.first(where: { isReal($0) || isImaginary($0) }) {
            unit = GaussianRational.one / (isReal(first) ? GaussianRational(BigRational(first.re.signum)) : GaussianRational(0, BigRational(first.im.signum)))
        } else {
            let l = coefficients[0]
            // The associate of l in the quadrant re > 0, im ≥ 0.
            for u in [GaussianRational.one, GaussianRational.i, -GaussianRational.one, -GaussianRational.i] {
                let v = l * u
                if v.re.signum > 0 && v.im.signum >= 0 { unit = u; break }
            }
        }
        content = content / unit
        if content.isOne { return (.one, self) }
        return (content, scaled(by: GaussianRational.one / content))
    }
}
