import ArbitraryPrecision

/// Substitutions in one generator, on the exact terms (no expression round trip): the
/// evaluations, shifts and Taylor coefficients of evaluation–lifting factorisation.
extension Polynomial {
    /// Rebuilds from terms (exponents, coefficient) with any repeated monomials added.
    func withTerms(_ terms: [(exponents: [Int], coefficient: GaussianRational)]) -> Polynomial {
        Polynomial(terms: terms, generators: generators)
    }

    /// The polynomial with generators[k] = a.
    public func evaluated(_ k: Int, at a: BigInt) -> Polynomial {
        if a.isZero { return coefficient(ofDegree: 0, in: k) }
        let q = GaussianRational(BigRational(a))
        var powers = [GaussianRational.one]
        return withTerms(terms.map { t in
            var e = t.exponents
            while powers.count <= e[k] { powers.append(powers.last! * q) }
            let c = t.coefficient * powers[e[k]]
            e[k] = 0
            return (e, c)
        })
    }

    /// The polynomial with generators[k] replaced by generators[k] + a.
    public func translated(_ k: Int, by a: BigInt) -> Polynomial {
        if a.isZero { return self }
        let q = GaussianRational(BigRational(a))
        var powers = [GaussianRational.one]
        var out: [(exponents: [Int], coefficient: GaussianRational)] = []
        for t in terms {
            let n = t.exponents[k]
            while powers.count <= n { powers.append(powers.last! * q) }
            // (y + a)ⁿ = Σ C(n, j) a^(n−j) yʲ
            var binomial = BigInt.one
            for j in stride(from: n, through: 0, by: -1) {
                var e = t.exponents
                e[k] = j
                out.append((e, t.coefficient * powers[n - j] * GaussianRational(BigRational(binomial))))
                binomial = binomial * BigInt(j) / BigInt(n - j + 1)
            }
        }
        return withTerms(out)
    }

    /// The coefficient of generators[k]^m (a polynomial free of generators[k]).
    public func coefficient(ofDegree m: Int, in k: Int) -> Polynomial {
        withTerms(terms.compactMap { t in
            guard t.exponents[k] == m else { return nil }
            var e = t.exponents
            e[k] = 0
            return (e, t.coefficient)
        })
    }

    /// The coefficients of generators[k]⁰, generators[k]¹, … (lowest first).
    public func coefficients(in k: Int) -> [Polynomial] {
        let n = degree(in: k)
        if n < 0 { return [] }
        var buckets = [[(exponents: [Int], coefficient: GaussianRational)]](repeating: [], count: n + 1)
        for t in terms {
            var e = t.exponents
            let d = e[k]
            e[k] = 0
            buckets[d].append((e, t.coefficient))
        }
        return buckets.map { withTerms($0) }
    }

    /// The leading coefficient in generators[k].
    public func leadingCoefficient(in k: Int) -> Polynomial { coefficient(ofDegree: degree(in: k), in: k) }

    /// generators[k]^m.
    func power(of k: Int, _ m: Int) -> Polynomial {
        var e = [Int](repeating: 0, count: generators.count)
        e[k] = m
        return withTerms([(e, .one)])
    }

    /// self / b when b divides self exactly over ℚ (or ℚ(i)); nil otherwise. By Gauss's
    /// lemma the integer numerator divided by b's primitive part is integral when the
    /// division is exact, so real inputs run the integer recursive division.
    public func exactQuotient(_ b: Polynomial) -> Polynomial? {
        precondition(generators == b.generators, "polynomials in different generators")
        precondition(!b.isZero, "division by the zero polynomial")
        if isZero { return self }
        let vars = Polynomial.usedVariables([self, b])
        if vars.isEmpty { return scaled(by: GaussianRational.one / b.terms[0].coefficient) }
        if im.isZero && b.im.isZero {
            let pb = b.primitivePart
            guard let q = integerRecursive(vars).exactQuotient(pb.integerRecursive(vars)) else { return nil }
            return Polynomial.fromInteger(q, vars, generators: generators)
                .scaled(by: GaussianRational(BigRational.one / (BigRational(denominator) * b.content)))
        }
        guard let q = gaussianRecursive(vars).exactQuotient(b.gaussianRecursive(vars)) else { return nil }
        return Polynomial.fromGaussian(q, vars, generators: generators)
    }
}
