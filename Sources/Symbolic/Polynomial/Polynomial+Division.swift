import ArbitraryPrecision

extension Polynomial {
    /// Multivariate division with remainder in graded-lex order over ℚ(i):
    /// self = quotient · divisor + remainder, where no term of the remainder is divisible by
    /// the leading monomial of the divisor. Returns nil for a zero divisor.
    public func divided(by divisor: Polynomial) -> (quotient: Polynomial, remainder: Polynomial)? {
        precondition(generators == divisor.generators, "polynomials in different generators")
        guard let (lm, lc) = divisor.leadingTerm else { return nil }
        var p = self
        var quotient = Polynomial.zero(generators: generators)
        var remainderTerms: [(exponents: [Int], coefficient: GaussianRational)] = []
        while let (m, c) = p.leadingTerm {
            if zip(m, lm).allSatisfy({ $0 >= $1 }) {
                let t = Polynomial(terms: [(zip(m, lm).map { $0 - $1 }, c / lc)], generators: generators)
                quotient = quotient + t
                p = p - t * divisor
            } else {
                let t = Polynomial(terms: [(m, c)], generators: generators)
                remainderTerms.append((m, c))
                p = p - t
            }
        }
        return (quotient, Polynomial(terms: remainderTerms, generators: generators))
    }

    /// self / divisor when the division leaves no remainder; nil otherwise.
    public func exactlyDivided(by divisor: Polynomial) -> Polynomial? {
        guard let (q, r) = divided(by: divisor), r.isZero else { return nil }
        return q
    }
}
