import ArbitraryPrecision
import CMPFR

/// Double-exponential quadrature in MPFR (Takahasi–Mori): after the change
/// of variables the integrand decays doubly exponentially and the trapezoid
/// rule with step h converges like exp(−c/h). The rule follows the interval:
/// tanh-sinh on [a, b], exp-sinh on [a, ∞) (mirrored for (−∞, b]), sinh-sinh
/// on (−∞, ∞). Bounds are BigFloat; pass ±infinity for infinite ends.
///
/// Level k uses h = 2^(−k−1) (only the new odd nodes are evaluated), each level's node sweep
/// stops where the terms fall below 2^(−20)·10^(−digits)·|I|, and the error estimate is
/// max(|I_k − I_(k−1)|, truncation bound, rounding bound); it stops when that is at most
/// 10^(−digits)·max(|I|, 10^(−digits)·∫|f|) at level ≥ 3 (see `runDoubleExponential`).
/// f receives points at `BigFloat.bits(forDigits: digits)` bits and should compute at the
/// precision of its argument; NaN or ±∞ values throw `nonFiniteValue`.
///
/// Nodes near a finite endpoint c ≠ 0 are rounded to that precision, so an integrand singular
/// there sees 1 − x (say) to only p bits absolute: its result is honest (the truncation part of
/// the estimate grows and `converged` turns false) but not accurate. Move such a singularity to
/// 0 (∫₀¹ f(1 − y) dy), where the distance to the endpoint is kept exactly.
public func preciseIntegrate(_ f: (BigFloat) throws -> BigFloat, from a: BigFloat, to b: BigFloat,
                             digits: Int, maxLevel: Int = 12) throws -> QuadratureResult<BigFloat> {
    try withoutActuallyEscaping(f) { f in
        try doubleExponentialIntegral(from: a, to: b, digits: digits) { lo, hi, p in
            var summand = ClosureSummand(f: f, lo: lo, hi: hi, precision: p)
            return try runDoubleExponential(&summand, kind: summand.kind, precision: p, digits: digits, maxLevel: maxLevel)
        }
    }
}

/// Which substitution an interval takes.
func doubleExponentialKind(lo: BigFloat, hi: BigFloat) -> DoubleExponentialKind {
    switch (lo.isInfinite, hi.isInfinite) {
    case (false, false): .tanhSinh
    case (true, true): .sinhSinh
    default: .expSinh
    }
}

/// A BigFloat closure as a summand: x and the weight from the cached node tables.
private struct ClosureSummand: DoubleExponentialSummand {
    let f: (BigFloat) throws -> BigFloat
    let lo: BigFloat, hi: BigFloat, halfWidth: BigFloat
    let kind: DoubleExponentialKind
    let p: Int
    let storage: MPFRScratch
    let endpointRounding: EndpointRoundingTally
    var evaluations = 0
    var term: UnsafeMutablePointer<__mpfr_struct> { storage[0] }

    init(f: @escaping (BigFloat) throws -> BigFloat, lo: BigFloat, hi: BigFloat, precision p: Int) {
        self.f = f
        self.lo = lo
        self.hi = hi
        self.p = p
        halfWidth = (hi - lo) / BigFloat(2, precision: p)
        kind = doubleExponentialKind(lo: lo, hi: hi)
        storage = MPFRScratch(count: 2, precision: p)
        endpointRounding = EndpointRoundingTally(lo: lo, hi: hi)
    }

    mutating func evaluate(_ table: DoubleExponentialLevel, _ i: Int, negative: Bool) throws -> Bool {
        let x: BigFloat, weight: BigFloat
        var distance: BigFloat?  // to the endpoint this side approaches, if finite
        switch kind {
        case .tanhSinh:
            // t ≥ 0 approaches hi, t < 0 approaches lo, by halfWidth·gap.
            let d = halfWidth * table.value[i]
            x = negative ? lo + d : hi - d
            if x <= lo || x >= hi { return false }
            weight = halfWidth * table.weight[i]
            distance = d
        case .expSinh:
            let e = negative ? table.negativeValue[i] : table.value[i]
            let rising = hi.isInfinite
            x = rising ? lo + e : hi - e
            if x == (rising ? lo : hi) { return false }
            weight = negative ? table.negativeWeight[i] : table.weight[i]
            if negative { distance = e }
        case .sinhSinh:
            x = negative ? -table.value[i] : table.value[i]
            weight = table.weight[i]
        }
        evaluations += 1
        let y = try f(x)
        guard y.isFinite else { throw NumericsError.nonFiniteValue(at: x.toDouble()) }
        // A zero weight far out times a huge f would be 0·∞: the term is negligible.
        let v = weight.isZero || y.isZero ? BigFloat(0, precision: p) : weight * y
        v.withUnsafeMPFR { _ = mpfr_set(term, $0, MPFR_RNDN) }
        if let distance {
            // tanh-sinh: t < 0 nears lo; exp-sinh: t < 0 nears the finite end.
            let high = kind == .tanhSinh ? !negative : !hi.isInfinite
            distance.withUnsafeMPFR { endpointRounding.add(term: term, distance: $0, high: high) }
        }
        return true
    }
}
