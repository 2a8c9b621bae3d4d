import ArbitraryPrecision

/// GCDs of recursive polynomials: the primitive polynomial remainder sequence over any
/// GCD domain (the guaranteed method), and the heuristic GCD over ℤ (fast path).
enum RecursiveGCD {
    /// The associate with a normalised leading ground coefficient (positive in ℤ, 1 in a field).
    static func normalized<C>(_ p: RecursivePolynomial<C>) -> RecursivePolynomial<C> {
        if p.isZero { return p }
        let u = p.groundLeading.normalizingUnit
        return u == C.one ? p : p.timesGround(u)
    }

    /// gcd of the main-variable coefficients (one level down), normalised.
    static func content<C>(_ p: RecursivePolynomial<C>) -> RecursivePolynomial<C> {
        let a = p.coefficients
        guard var g = a.last else { preconditionFailure("content of zero") }
        g = normalized(g)
        for c in a.dropLast().reversed() {
            if g.isGroundConstant && isUnit(g) { break }
            g = prs(g, c)
        }
        return g
    }

    /// Whether a normalised constant is the unit 1.
    static func isUnit<C>(_ p: RecursivePolynomial<C>) -> Bool {
        p.groundLeading == C.one
    }

    /// The gcd by the primitive PRS (Collins/Brown): at each step the pseudo-remainder is
    /// reduced to its primitive part, which bounds coefficient growth; the gcd is
    /// gcd(contents) · (last nonzero remainder). Normalised.
    static func prs<C>(_ a: RecursivePolynomial<C>, _ b: RecursivePolynomial<C>) -> RecursivePolynomial<C> {
        if case .ground(let x) = a, case .ground(let y) = b { return .ground(C.gcd(x, y)) }
        if a.isZero { return normalized(b) }
        if b.isZero { return normalized(a) }
        let ca = content(a), cb = content(b)
        let c = prs(ca, cb)
        var f = primitivePart(a, content: ca), g = primitivePart(b, content: cb)
        if f.degree < g.degree { swap(&f, &g) }
        while g.degree > 0 {
            let r = f.pseudoRemainder(g)
            if r.isZero { break }
            f = g
            if r.degree == 0 { g = .poly([RecursivePolynomial.oneLike(r.coefficients[0])]); break }
            g = primitivePart(r, content: content(r))
        }
        if g.degree == 0 { return normalized(.poly([c])) }
        return normalized(g.timesCoefficient(c))
    }

    static func primitivePart<C>(_ p: RecursivePolynomial<C>, content c: RecursivePolynomial<C>) -> RecursivePolynomial<C> {
        if c.isGroundConstant && c.groundLeading == C.one { return p }
        return .poly(p.coefficients.map { $0.exactQuotient(c)! })
    }

    /// gcd with cofactors (g, a/g, b/g) by the primitive PRS.
    static func prsCofactors<C>(_ a: RecursivePolynomial<C>, _ b: RecursivePolynomial<C>)
        -> (RecursivePolynomial<C>, RecursivePolynomial<C>, RecursivePolynomial<C>) {
        let g = prs(a, b)
        if g.isZero { return (g, a, b) }
        return (g, a.exactQuotient(g)!, b.exactQuotient(g)!)
    }
}

/// The heuristic GCD failed to find the gcd within its evaluation budget.
struct HeuristicGCDFailure: Error {}

extension RecursiveGCD {
    typealias Z = RecursivePolynomial<BigInt>

    /// gcd with cofactors over ℤ: the heuristic GCD, falling back to the primitive PRS.
    static func integerCofactors(_ f: Z, _ g: Z) -> (Z, Z, Z) {
        if let r = try? heuristic(f, g) { return r }
        return prsCofactors(f, g)
    }

    /// GCDHEU (Char, Geddes & Gonnet 1989, in the form SymPy uses): evaluate the main
    /// variable at a large integer ξ, take the gcd of the images recursively, rebuild a
    /// candidate from its ξ-adic digits (symmetric residues), and accept it only when it
    /// divides both inputs exactly — which, for ξ above twice the coefficient bound, proves
    /// it is the gcd. Cofactors are tried as well. Six evaluation points, then failure.
    static func heuristic(_ f: Z, _ g: Z) throws(HeuristicGCDFailure) -> (Z, Z, Z) {
        if case .ground(let a) = f, case .ground(let b) = g {
            let h = BigInt.gcd(a, b)
            if h.isZero { return (.ground(0), .ground(0), .ground(0)) }
            return (.ground(h), .ground(a.exactlyDivided(by: h)), .ground(b.exactlyDivided(by: h)))
        }
        if f.isZero && g.isZero { return (f, f, g) }
        if f.isZero {
            let s = g.groundLeading.signum < 0 ? BigInt(-1) : BigInt(1)
            return (g.timesGround(s), f, .poly([constantLike(g.leading, s)]))
        }
        if g.isZero {
            let s = f.groundLeading.signum < 0 ? BigInt(-1) : BigInt(1)
            return (f.timesGround(s), .poly([constantLike(f.leading, s)]), g)
        }
        let common = BigInt.gcd(f.groundContent, g.groundContent)
        let f1 = f.exactQuotient(ground: common)!, g1 = g.exactQuotient(ground: common)!
        let fNorm = f1.maxNorm, gNorm = g1.maxNorm
        let b = BigInt(2) * min(fNorm, gNorm) + 29
        let bound = BigInt(2) * min(fNorm / f1.groundLeading.magnitude, gNorm / g1.groundLeading.magnitude) + 2
        var x = max(min(b, BigInt(99) * (b.isqrt() ?? b)), bound)
        for _ in 0..<6 {
            let ff = f1.evaluated(atInteger: x), gg = g1.evaluated(atInteger: x)
            if !ff.isZero && !gg.isZero {
                let (h0, cff0, cfg0) = try heuristic(ff, gg)
                var h = interpolate(h0, x)
                h = h.exactQuotient(ground: h.groundContent)!
                if let cf = f1.exactQuotient(h), let cg = g1.exactQuotient(h) {
                    return (h.timesGround(common), cf, cg)
                }
                let cff = interpolate(cff0, x)
                if let h2 = f1.exactQuotient(cff), let cg = g1.exactQuotient(h2) {
                    return (h2.timesGround(common), cff, cg)
                }
                let cfg = interpolate(cfg0, x)
                if let h3 = g1.exactQuotient(cfg), let cf = f1.exactQuotient(h3) {
                    return (h3.timesGround(common), cf, cfg)
                }
            }
            let r = x.isqrt()!.isqrt()!
            x = BigInt(73794) * x * r / BigInt(27011)
        }
        throw HeuristicGCDFailure()
    }

    static func constantLike(_ coefficient: Z, _ s: BigInt) -> Z {
        RecursivePolynomial.oneLike(coefficient).timesGround(s)
    }

    /// The polynomial in the main variable whose value at ξ is h, with coefficients the
    /// symmetric ξ-adic digits of h; sign normalised.
    static func interpolate(_ h0: Z, _ x: BigInt) -> Z {
        var h = h0
        var out: [Z] = []
        let half = x / 2
        while !h.isZero {
            let g = h.mapGround { (c: BigInt) -> BigInt in
                let r = c.floorModulo(x)
                return r > half ? r - x : r
            }.trimmedDeep()
            out.append(g)
            h = (h - g).exactQuotient(ground: x)!
        }
        let p = RecursivePolynomial<BigInt>.trimmed(out)
        return p.groundLeading.signum < 0 ? -p : p
    }
}
