import ArbitraryPrecision
import Symbolic
import KeldyshNumerics

/// Which crossings `keldysh threshold` reports (`--crossing`).
public enum CrossingSelection: String, Sendable, CaseIterable {
    /// Where the state's stability changes: no eigenvalue with Re λ > 0 on one side of the
    /// root, some on the other (max Re λ changes sign). The default.
    case max
    /// Where a real eigenvalue crosses zero (pitchfork, superradiance), whatever the others do.
    case real
    /// Where a complex-conjugate pair crosses the imaginary axis at ±iω (Hopf, lasing).
    case complex
    /// Every crossing of either kind.
    case any
}

/// One real root of R(P) in the search interval and what the eigenvalues do there: the
/// unstable counts just below and just above it (at points with no other root of R between
/// them and the root, so the counts hold on each whole side), proven.
struct AxisRoot {
    /// The isolating interval, refined until the value has `digits` digits (or exact).
    var fine: RealRoot
    var value: String
    var exactValue: BigRational?
    /// Where the counts were taken: left < root < right, one root of R in [left, right].
    var left: BigRational
    var right: BigRational
    var below: UnstableCounts
    var above: UnstableCounts
    var evidence: [SignEvidence]

    /// (kind, direction) of each crossing: the real count changes by Δr (a real eigenvalue
    /// crosses 0), the non-real count by Δc (a complex pair crosses at ±iω); direction +1 when
    /// the count grows with P.
    var events: [(kind: CrossingKind, direction: Int)] {
        var out: [(CrossingKind, Int)] = []
        let dr = above.real - below.real, dc = above.complex - below.complex
        if dr != 0 { out.append((.real, dr > 0 ? 1 : -1)) }
        if dc != 0 { out.append((.complex, dc > 0 ? 1 : -1)) }
        return out
    }

    /// Stable (nothing with Re λ > 0) on exactly one side.
    var changesStability: Bool { (below.total == 0) != (above.total == 0) }
}

/// Every root of R(P) in [lower, upper] with proven unstable counts on both sides, in
/// increasing order.
func axisRoots(_ elimination: CrossingPolynomial, lower: BigRational, upper: BigRational,
               digits: Int) throws -> [AxisRoot] {
    var out: [AxisRoot] = []
    let sturm = elimination.sturm
    for root0 in elimination.realRoots(in: lower, upper) {
        var root = root0
        // Shrink until the interval lies inside [lower, upper] or outside it.
        while !root.isExact && root.lower < lower && root.upper > lower { root = root.refined(toWidth: root.width / 4) }
        while !root.isExact && root.lower < upper && root.upper > upper { root = root.refined(toWidth: root.width / 4) }
        if root.isExact {
            guard root.lower >= lower && root.lower <= upper else { continue }
        } else {
            guard root.lower >= lower && root.upper <= upper else { continue }
        }
        // Points on both sides with no other root of R in between and a regular Routh array
        // (or decided disks): the isolating interval's ends, or those of a narrower one.
        var around = root
        var shrink = 0
        var counted: ((UnstableCounts, SignEvidence), (UnstableCounts, SignEvidence), BigRational, BigRational)?
        while counted == nil && shrink < 12 {
            let (left, right) = try countingPoints(around, resultant: elimination.resultant, sturm: sturm, shrink: shrink)
            if let low = elimination.unstableCounts(at: left), let high = elimination.unstableCounts(at: right) {
                counted = (low, high, left, right)
                break
            }
            shrink += 1
            if !around.isExact { around = around.refined(toWidth: around.width / 3) }
        }
        guard let ((below, e1), (above, e2), left, right) = counted else {
            throw AnalysisError.numerical("cannot decide the number of unstable eigenvalues next to the root of R near \(root.lower.decimal)")
        }
        let (value, fine, exact) = try refinedValue(root, digits: digits)
        out.append(AxisRoot(fine: fine, value: value, exactValue: exact, left: left, right: right, below: below,
                            above: above, evidence: [e1, e2]))
    }
    return out
}

/// Two rationals left < root < right with exactly this root of R in [left, right]: the ends
/// of the isolating interval, or for an exact (rational) root q, q ± h with h small enough.
private func countingPoints(_ root: RealRoot, resultant: UnivariatePolynomial, sturm: SturmSequence,
                            shrink: Int) throws -> (BigRational, BigRational) {
    if !root.isExact { return (root.lower, root.upper) }
    let q = root.lower
    var h = max(q.abs, BigRational(1)) * BigRational(1, 1 << 20) / BigRational(BigInt(3).power(shrink))
    for _ in 0..<64 {
        // (q − h, q + h] holds q alone, and q − h is no root either.
        if sturm.countRoots(in: q - h, q + h) == 1 && !resultant.evaluate(q - h).isZero { return (q - h, q + h) }
        h = h / 16
    }
    throw AnalysisError.numerical("cannot separate the rational root \(q) of R from its neighbours")
}

/// The root to `digits` significant digits: refined until both ends of its isolating interval
/// round to the same digits (checked exactly, `commonDigits`); a rational root is exact.
func refinedValue(_ root: RealRoot, digits: Int) throws -> (String, RealRoot, BigRational?) {
    if root.isExact { return (decimalDigits(root.lower, digits), root, root.lower) }
    let scale = max(root.upper.abs, root.lower.abs, BigRational(1, 1 << 20))
    var bits = Int((Double(digits + 2) * 3.321928094887362).rounded(.up)) + max(0, -ilog2(scale))
    var fine = root.refined(toBits: bits)
    for _ in 0..<12 {
        if fine.isExact { return (decimalDigits(fine.lower, digits), fine, fine.lower) }
        if let v = commonDigits(fine.lower, fine.upper, digits) {
            if let q = fine.rationalRoot() { return (decimalDigits(q, digits), fine, q) }
            return (v, fine, nil)
        }
        bits += 16
        fine = fine.refined(toBits: bits)
    }
    throw AnalysisError.noCrossing("the root near \(fine.lower.decimal) sits on a rounding boundary at \(digits) digits")
}

/// ⌊log2 |q|⌋ for q ≠ 0 (from bit widths; within one of the truth).
func ilog2(_ q: BigRational) -> Int { q.numerator.magnitude.bitWidth - q.denominator.bitWidth }

/// q to `digits` significant digits (round to nearest).
func decimalDigits(_ q: BigRational, _ digits: Int) -> String {
    BigFloat(q, precision: BigFloat.bits(forDigits: digits + 30)).toString(digits: digits)
}

/// The `digits`-digit decimal that every number of [lower, upper] rounds to, or nil: the
/// rounding of `lower`, accepted when [lower, upper] lies within half a unit of its last
/// digit (an exact comparison in integers, so no rounding boundary hides inside; at the
/// boundary itself `upper` must round to the same digits).
func commonDigits(_ lower: BigRational, _ upper: BigRational, _ digits: Int) -> String? {
    let s = decimalDigits(lower, digits)
    guard let (n, shift) = decimalMantissa(s) else { return nil }
    let two = BigInt(2)
    guard compare(lower, halfUnit: n * two - .one, shift: shift) >= 0 else { return nil }
    switch compare(upper, halfUnit: n * two + .one, shift: shift) {
    case ..<0: return s
    case 0: return decimalDigits(upper, digits) == s ? s : nil
    default: return nil
    }
}

/// The sign of q − m·10^shift/2, in integers (no gcd).
func compare(_ q: BigRational, halfUnit m: BigInt, shift: Int) -> Int {
    let ten = BigInt(10)
    // q = a/b (b > 0) against m·10^shift/2: 2a·10^(−shift) against m·b, or 2a against m·10^shift·b.
    let a2 = q.numerator * BigInt(2)
    let (l, r) = shift >= 0 ? (a2, m * ten.power(shift) * q.denominator) : (a2 * ten.power(-shift), m * q.denominator)
    return l < r ? -1 : (l == r ? 0 : 1)
}

/// "d.ddd…e±N" as the integer n of its digits (signed) and the power of ten of its last
/// digit: the value is n·10^shift. Read on the UTF-8 bytes, 18 digits per machine word.
func decimalMantissa(_ s: String) -> (BigInt, Int)? {
    var n = BigInt.zero, chunk = 0, chunkDigits = 0, fraction = 0
    var negative = false, seenPoint = false, sawDigit = false
    var exponent = 0, exponentSign = 1, inExponent = false, sawExponentDigit = false
    let scale18 = BigInt(1_000_000_000_000_000_000)
    for b in s.utf8 {
        if inExponent {
            switch b {
            case UInt8(ascii: "-") where !sawExponentDigit && exponentSign == 1: exponentSign = -1
            case UInt8(ascii: "+") where !sawExponentDigit: continue
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard exponent < 100_000_000 else { return nil }
                exponent = exponent * 10 + Int(b - UInt8(ascii: "0"))
                sawExponentDigit = true
            default: return nil
            }
            continue
        }
        switch b {
        case UInt8(ascii: "-") where !sawDigit && !negative: negative = true
        case UInt8(ascii: "."): guard !seenPoint else { return nil }; seenPoint = true
        case UInt8(ascii: "e"), UInt8(ascii: "E"): guard sawDigit else { return nil }; inExponent = true
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            sawDigit = true
            chunk = chunk * 10 + Int(b - UInt8(ascii: "0"))
            chunkDigits += 1
            if seenPoint { fraction += 1 }
            if chunkDigits == 18 {
                n = n * scale18 + BigInt(chunk)
                chunk = 0
                chunkDigits = 0
            }
        default: return nil
        }
    }
    guard sawDigit, sawExponentDigit else { return nil }
    if chunkDigits > 0 { n = n * BigInt(10).power(chunkDigits) + BigInt(chunk) }
    return (negative ? -n : n, exponentSign * exponent - fraction)
}

/// "d.ddd…e±N" as an exact rational and the value of one unit in its last digit.
func decimalValue(_ s: String) -> (BigRational, BigRational)? {
    guard let (n, shift) = decimalMantissa(s) else { return nil }
    let ten = BigInt(10)
    let unit = shift >= 0 ? BigRational(ten.power(shift)) : BigRational(.one, ten.power(-shift))
    return (BigRational(n) * unit, unit)
}

extension CrossingPolynomial {
    /// Whether q has real coefficients (then eigenvalues are real or conjugate pairs).
    var isRealCharacteristic: Bool {
        if let q = scaled { return q.allSatisfy { $0.im.isEmpty } }
        return reducedCharacteristic.allSatisfy { $0.domain != .gaussianRationals }
    }

    /// The reduced characteristic coefficients as dense polynomials in P over ℚ(i), lowest
    /// degree first (in t = d·s on the integer route).
    var reducedCoefficientPolynomials: [[GaussianRational]] {
        if let q = scaled {
            return q.map { c in
                (0..<max(c.re.count, c.im.count)).map { j in
                    GaussianRational(BigRational(j < c.re.count ? c.re[j] : .zero), BigRational(j < c.im.count ? c.im[j] : .zero))
                }
            }
        }
        return reducedCharacteristic.map { c in
            var dense: [GaussianRational] = []
            for t in c.terms {
                let k = t.exponents.isEmpty ? 0 : t.exponents[0]
                while dense.count <= k { dense.append(.zero) }
                dense[k] = dense[k] + t.coefficient
            }
            return dense
        }
    }
}
