import ArbitraryPrecision

/// Why a factorisation was not attempted or could not finish.
public enum FactorizationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The recombination of modular factors would test more subsets than the limit.
    case tooManyModularFactors(count: Int, subsetSize: Int, degree: Int)
    /// A polynomial larger than the limits (degree, number of terms).
    case tooLarge(String)
    /// Operators or Grassmann factors: not a commutative polynomial.
    case notCommuting(Expr)
    /// Every evaluation point tried failed to lift (not expected: a safeguard).
    case liftingFailed(String)

    public var description: String {
        switch self {
        case .tooManyModularFactors(let r, let s, let n):
            return "factor: a degree-\(n) polynomial with \(r) modular factors left to recombine: the subsets of size \(s) would take the recombination past \(FactorizationLimits.maximumSubsets) subsets (FactorizationLimits.maximumSubsets)"
        case .tooLarge(let reason): return "factor: \(reason)"
        case .notCommuting(let e): return "factor: \(e) contains operators or Grassmann factors, which do not commute; factorisation needs a commutative polynomial"
        case .liftingFailed(let reason): return "factor: \(reason)"
        }
    }
}

/// The work bounds of factorisation, checked before the work starts (docs/limits.md).
public enum FactorizationLimits {
    /// The most subsets a recombination may test (2²²). Before the subsets of each size s
    /// are tried, the count so far plus C(r, s) for the r factors left is checked against it,
    /// so the search stops with an error before the work rather than running for hours; a
    /// polynomial whose factors are found early (many linear factors) is not refused. With no
    /// factor found, r ≤ 23 modular factors fit (Σ_{s ≤ r/2} C(r, s) ≤ 2²²).
    public static let maximumSubsets = 1 << 22
    /// Degree in any one variable.
    public static let maximumDegree = 400
    /// Terms of a polynomial to factor.
    public static let maximumTerms = 5000

    /// C(r, s), saturating at 2⁶².
    static func binomial(_ r: Int, _ s: Int) -> Int {
        var c = 1
        if s < 0 || s > r { return 0 }
        for j in 0..<min(s, r - s) {
            c = c * (r - j) / (j + 1)
            if c > 1 << 62 { return 1 << 62 }
        }
        return c
    }

    /// Throws when the subsets of size s of r factors would take the count `tested` past the limit.
    static func checkSubsets(tested: inout Int, remaining r: Int, size s: Int, degree n: Int) throws(FactorizationError) {
        tested += binomial(r, s)
        if tested > maximumSubsets { throw .tooManyModularFactors(count: r, subsetSize: s, degree: n) }
    }
}

/// Factorisation in ℤ[x] of a primitive square-free polynomial by Zassenhaus's algorithm:
/// a prime p keeping degree and square-freeness with the fewest modular factors among
/// several, the factors mod p, Hensel lifting to p^l above twice the Mignotte bound times
/// |lc|, then recombination of subsets of increasing size with the leading-coefficient trick.
enum ZassenhausFactorization {
    typealias Z = UnivariateIntegerPolynomials

    /// How many good primes are compared (the fewest modular factors wins).
    static let primesCompared = 5

    /// The irreducible factors (primitive, positive leading coefficient) of f: primitive,
    /// square-free, degree ≥ 1, positive leading coefficient.
    static func factor(_ f: [BigInt]) throws(FactorizationError) -> [[BigInt]] {
        let n = f.count - 1
        if n <= 1 { return [f] }
        // x divides f: split it off (f square-free, so once) — keeps f(0) ≠ 0 for the tests below.
        if f[0].isZero {
            return [[.zero, .one]] + (try factor(Array(f.dropFirst())))
        }
        let lc = f.last!
        var best: (p: Int, ddf: [(product: [Int], degree: Int)], count: Int)? = nil
        var candidate = 2, good = 0
        while good < primesCompared {
            candidate = nextPrime(after: candidate)
            let P = BigInt(candidate)
            if lc.floorModulo(P).isZero { continue }
            let F = ModularPolynomials(candidate)
            let fp = F.monic(F.trimmed(f.map { $0.floorModulo(P).asInt! }))
            if !F.isSquareFree(fp) { continue }
            good += 1
            let ddf = F.distinctDegreeFactors(fp)
            let count = F.factorCount(ddf)
            if count == 1 { return [f] }
            if best == nil || count < best!.count { best = (candidate, ddf, count) }
        }
        let (p, ddf, _) = best!
        let F = ModularPolynomials(p)
        let fp = F.monic(F.trimmed(f.map { $0.floorModulo(BigInt(p)).asInt! }))
        let modular = F.factorSquareFree(fp, ddf: ddf)
        // Mignotte: every factor g of f has ‖g‖∞ ≤ 2ⁿ‖f‖₂; with the lc trick the candidates
        // are lc(f)/lc(g)·g, so p^l > 2·|lc|·2ⁿ‖f‖₂ recovers them from symmetric residues.
        let norm2 = (f.reduce(BigInt.zero) { $0 + $1 * $1 }.isqrt() ?? .zero) + 1
        let bound = (BigInt.one << n) * norm2 * lc.magnitude
        let P = BigInt(p)
        var l = 1, pl = P
        while pl <= 2 * bound { pl = pl * P; l += 1 }
        let lifted = HenselLifting.lift(p, f, modular, l)
        return try recombine(f, lifted, modulus: pl)
    }

    /// Zassenhaus recombination: subsets S of the lifted monic factors in increasing size;
    /// the candidate pp(lc·∏_S gᵢ mod p^l) is accepted when it divides f exactly (its constant
    /// term dividing f(0) is tested first). A divisor found from a smallest subset is
    /// irreducible, since its own factors would come from smaller subsets.
    static func recombine(_ f0: [BigInt], _ lifted: [[BigInt]], modulus pl: BigInt) throws(FactorizationError) -> [[BigInt]] {
        var f = f0
        var remaining = Array(lifted.indices)
        var factors: [[BigInt]] = []
        var size = 1
        var tested = 0, checkedSize = 0
        while 2 * size <= remaining.count {
            if size != checkedSize {
                try FactorizationLimits.checkSubsets(tested: &tested, remaining: remaining.count, size: size, degree: f0.count - 1)
                checkedSize = size
            }
            var found = false
            for subset in subsets(of: remaining, size: size) {
                let b = f.last!
                // The constant term first: cheap, and rejects most subsets.
                var c0 = b
                for i in subset { c0 = (c0 * lifted[i][0]).floorModulo(pl) }
                if c0 > pl / 2 { c0 = c0 - pl }
                // A true candidate lc(h)·g divides b·f = lc(g)lc(h)·g·h, so its constant
                // term divides b·f(0).
                if c0.isZero || !(b * f[0]).isDivisible(by: c0) { continue }
                var g: [BigInt] = [b]
                for i in subset { g = Z.symmetricModulo(Z.multiply(g, lifted[i]), pl) }
                g = Z.primitivePart(g)
                guard let q = Z.univariate(f).exactQuotient(Z.univariate(g)) else { continue }
                factors.append(g.last!.signum < 0 ? g.map { -$0 } : g)
                f = q.coefficients.map(\.groundValue)
                remaining.removeAll { subset.contains($0) }
                found = true
                break
            }
            if !found { size += 1 }
        }
        let rest = Z.primitivePart(f)
        return factors + [rest.last!.signum < 0 ? rest.map { -$0 } : rest]
    }

    /// The subsets of `items` of a given size, in lexicographic order of positions.
    static func subsets(of items: [Int], size: Int) -> AnySequence<[Int]> {
        AnySequence { () -> AnyIterator<[Int]> in
            var positions = Array(0..<size)
            var done = size > items.count
            return AnyIterator {
                if done { return nil }
                let out = positions.map { items[$0] }
                // Advance to the next combination.
                var k = size - 1
                while k >= 0 && positions[k] == items.count - size + k { k -= 1 }
                if k < 0 { done = true } else {
                    positions[k] += 1
                    for j in (k + 1)..<size { positions[j] = positions[j - 1] + 1 }
                }
                return out
            }
        }
    }

    static func nextPrime(after n: Int) -> Int {
        var c = n + 1
        while !isPrime(c) { c += 1 }
        return c
    }

    static func isPrime(_ n: Int) -> Bool {
        if n < 2 { return false }
        var d = 2
        while d * d <= n { if n % d == 0 { return false }; d += 1 }
        return true
    }
}
