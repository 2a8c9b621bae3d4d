import ArbitraryPrecision
import Symbolic
import KeldyshNumerics

/// How many eigenvalues lie in the open right half-plane at one parameter value, split into
/// real ones and non-real ones (for a real characteristic polynomial the latter come in
/// conjugate pairs). Eigenvalues of the removed P-independent factor are not counted.
public struct UnstableCounts: Sendable, Equatable, CustomStringConvertible {
    public var real: Int
    public var complex: Int
    /// Eigenvalues on the imaginary axis for every parameter value near this one (the roots
    /// of an axis factor, `AxisFactor`): not unstable, but not decaying either.
    public var marginal: Int
    public var total: Int { real + complex }

    public init(real: Int, complex: Int, marginal: Int = 0) {
        self.real = real
        self.complex = complex
        self.marginal = marginal
    }

    public static func + (a: Self, b: Self) -> Self {
        Self(real: a.real + b.real, complex: a.complex + b.complex, marginal: a.marginal + b.marginal)
    }

    public var description: String {
        let axis = marginal == 0 ? "" : " (+ \(marginal) on the imaginary axis)"
        return (total == 0 ? "0" : "\(total) (\(real) real, \(complex) non-real)") + axis
    }
}

extension CrossingPolynomial {
    /// v^D·q_k(u/v) for all k (v > 0, D the largest degree in P): a positive multiple of
    /// det(t − d·A(value)) without the removed factor, on the integer route with real q.
    func integerCharacteristic(at value: BigRational) -> [BigInt]? {
        guard let q = axisFactor?.quotient ?? scaledCharacteristic else {
            // The `Expr` route: the rational coefficients over one denominator.
            guard let a = realCharacteristic(at: value) else { return nil }
            var l = BigInt.one
            for c in a { l = BigInt.lcm(l, c.denominator) }
            return a.map { $0.numerator * l.exactlyDivided(by: $0.denominator) }
        }
        let u = value.numerator, v = value.denominator
        let top = q.map { $0.count - 1 }.max() ?? 0
        return q.map { c -> BigInt in
            let h = BigInt.rationalHorner(c, numerator: u, denominator: v)
            let missing = top - max(c.count - 1, 0)
            return missing > 0 ? h * v.power(missing) : h
        }
    }

    /// The exact reduced characteristic coefficients q_k(value) over ℚ(i) (t-scaled on the
    /// integer route, s on the `Expr` route; either way a positive multiple's roots are fixed).
    func exactReducedCoefficients(at value: BigRational) -> [GaussianRational] {
        if let q = scaled {
            return q.map { c in
                GaussianRational(BigRational.horner(c.re, at: value), BigRational.horner(c.im, at: value))
            }
        }
        return reducedCharacteristic.map { c in
            c.isZero ? .zero : c.evaluate(c.generators.isEmpty ? [] : [GaussianRational(value)])
        }
    }

    /// Eigenvalues with Re > 0 at `value`, proven. With real coefficients: the total from the
    /// Routh array and the real ones by Sturm sequences of the square-free factors on (0, ∞),
    /// both exact; nil when the Routh array is singular there (the caller moves the point).
    /// Otherwise from verified inclusion disks of the roots (`rootInclusion`); nil when a disk
    /// still meets the imaginary axis at the highest precision tried.
    func unstableCounts(at value: BigRational) -> (UnstableCounts, SignEvidence)? {
        if let ints = integerCharacteristic(at: value) {
            // With an axis factor, ints is r = q/h(−t²) (possibly a constant) and h's roots
            // are counted apart.
            var counts = UnstableCounts(real: 0, complex: 0)
            if ints.count > 1 {
                guard let total = routhUnstableCount(integers: ints) else { return nil }
                // Non-real roots of a real polynomial come in conjugate pairs on one side of
                // the axis, so the real ones number total mod 2 when total ≤ 1.
                let real = total <= 1 ? total : positiveRealRootCount(ints)
                counts = UnstableCounts(real: real, complex: total - real)
            }
            if let a = axisFactor {
                guard let c = a.counts(at: value) else { return nil }
                counts = counts + c
            }
            let total = counts.total
            // max Re λ is 0, not negative, where eigenvalues sit on the axis and none is unstable.
            var evidence = SignEvidence(at: value, digits: 0, maxReal: nil, error: nil,
                                         sign: total > 0 ? 1 : (counts.marginal > 0 ? 0 : -1),
                                         unstableCount: total, counts: counts)
            evidence.axisSplit = axisFactor != nil
            return (counts, evidence)
        }
        let c = exactReducedCoefficients(at: value)
        let isReal = c.allSatisfy(\.isReal)
        for digits in [20, 60] {
            guard let clusters = try? verifiedRoots(digits: digits, realFamily: isReal, maxBits: 1024, {
                _ in c.map { ComplexBall($0) }
            }) else { return nil }
            if clusters.contains(where: { $0.realPartSign == 0 }) { continue }
            var real = 0, complex = 0
            var best: RootCluster?
            for k in clusters {
                if best == nil || k.center.re > best!.center.re { best = k }
                guard k.realPartSign > 0 else { continue }
                if k.isReal { real += k.count } else { complex += k.count }
            }
            let counts = UnstableCounts(real: real, complex: complex)
            let p = BigFloat.bits(forDigits: digits + 10)
            let scale = BigFloat(scale, precision: p)
            let evidence = SignEvidence(at: value, digits: digits, maxReal: BigFloat(best!.center.re, precision: p) / scale,
                                        error: BigFloat(best!.radius, precision: 64) / scale, sign: counts.total > 0 ? 1 : -1,
                                        unstableCount: counts.total, counts: counts, disks: true)
            return (counts, evidence)
        }
        return nil
    }
}

/// Real roots in (0, ∞), with multiplicity, of an integer polynomial (lowest degree first),
/// over ℤ: the Sturm chain of f (positive pseudo-remainders) counts its distinct roots
/// V(0) − V(∞) and ends in g = gcd(f, f′) = Π (t − r)^(m_r − 1), so the count with
/// multiplicity is that of f's distinct roots plus g's count, recursively (no rational
/// square-free factorisation); Descartes' rule of signs first.
func positiveRealRootCount(_ ints: [BigInt]) -> Int {
    // Roots at 0 are not positive: drop the factor t^k (then f(0) ≠ 0, and g(0) ≠ 0 too).
    var f = Array(UnivariateIntegerPolynomials.trimmed(ints).drop { $0.isZero })
    // Descartes: V sign variations of the coefficients bound the count, V − count is even;
    // V ≤ 1 decides it (a stable-looking polynomial, all signs alike, has V = 0).
    let variations = signChanges(f.map(\.signum))
    if variations <= 1 { return variations }
    var count = 0
    while f.count >= 2 {
        let chain = SturmSequence.chain(f)
        count += signChanges(chain.map { $0[0].signum }) - signChanges(chain.map { $0.last!.signum })
        f = chain.last!
    }
    return count
}

private func signChanges(_ signs: [Int]) -> Int {
    var count = 0, last = 0
    for s in signs where s != 0 {
        if last != 0 && s != last { count += 1 }
        last = s
    }
    return count
}

extension BigRational {
    /// Σ c_k x^k for integer coefficients, exactly.
    static func horner(_ c: [BigInt], at x: BigRational) -> BigRational {
        if c.isEmpty { return .zero }
        let h = BigInt.rationalHorner(c, numerator: x.numerator, denominator: x.denominator)
        return BigRational(h, x.denominator.power(c.count - 1))
    }
}
