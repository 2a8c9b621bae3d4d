/// Arithmetic of tail bounds. Throughout, a has |a| ∈ [L_a, U_a]·|ν|^(−k_a) and likewise b, for
/// every |ν| ≥ R; each operation states why its result holds for every such ν.
extension TailBound {
    static func sameRegion(_ a: TailBound, _ b: TailBound, _ op: String) throws(TailRefusal) {
        guard a.log2R == b.log2R else {
            throw TailRefusal(op: op, reason: "operands on different tails (R = 2^\(a.log2R) and 2^\(b.log2R))")
        }
    }

    /// a + b. Order the terms so p has the smaller order k_p ≤ k_q (the dominant one) and let
    /// f = R^(k_p − k_q) ≤ 1, so |q| ≤ U_q f |ν|^(−k_p). Then
    /// - |a + b| ≤ |p| + |q| ≤ (U_p + U_q f)|ν|^(−k_p);
    /// - |a + b| ≥ |p| − |q| ≥ (L_p − U_q f)|ν|^(−k_p) (at equal orders f = 1 and the roles may
    ///   swap: max(L_p − U_q, L_q − U_p)); when that is positive, a + b has p's sign;
    /// - when a and b have one known sign, |a + b| = |a| + |b| ≥ (L_p + L_q)|ν|^(−k) at equal
    ///   orders, ≥ L_p|ν|^(−k_p) at different ones (|q|'s lower bound decays faster, so it only
    ///   gives 0 relative to |ν|^(−k_p)), and the sum keeps the sign.
    /// At equal orders of unknown signs the terms may cancel; the bound is then max(0, …) above.
    public static func + (a: TailBound, b: TailBound) throws(TailRefusal) -> TailBound {
        try sameRegion(a, b, "+")
        guard let ka = a.quarters else { return b }
        guard let kb = b.quarters else { return a }
        let (p, q) = ka <= kb ? (a, b) : (b, a)
        let kp = Swift.min(ka, kb), kq = Swift.max(ka, kb)
        let f = p.rPowerAbove(kp - kq)
        let qAligned = Bound.product(q.upper, f)
        let upper = Bound.sum(p.upper, qAligned)
        if p.sign == q.sign && p.sign != .unknown {
            let lower = kp == kq ? Bound.sumBelow(p.lower, q.lower) : p.lower
            return try TailBound(log2R: a.log2R, quarters: kp, upper: upper, lower: lower, sign: p.sign, op: "+")
        }
        var lower = Bound.differenceBelow(p.lower, qAligned)
        var sign: TailSign = lower > 0 ? p.sign : .unknown
        if kp == kq {
            let other = Bound.differenceBelow(q.lower, p.upper)
            if other > lower { (lower, sign) = (other, q.sign) }
        }
        return try TailBound(log2R: a.log2R, quarters: kp, upper: upper, lower: lower, sign: sign, op: "+")
    }

    /// −a: the same moduli, the sign flipped.
    public static prefix func - (a: TailBound) -> TailBound { a.with(sign: a.sign.flipped) }

    /// a − b = a + (−b).
    public static func - (a: TailBound, b: TailBound) throws(TailRefusal) -> TailBound {
        do { return try a + (-b) } catch { throw TailRefusal(op: "−", reason: error.reason) }
    }

    /// |ab| = |a||b| ∈ [L_a L_b, U_a U_b]·|ν|^(−(k_a + k_b)); the signs multiply.
    public static func * (a: TailBound, b: TailBound) throws(TailRefusal) -> TailBound {
        try sameRegion(a, b, "×")
        guard let ka = a.quarters, let kb = b.quarters else { return try .zero(log2R: a.log2R) }
        return try TailBound(log2R: a.log2R, quarters: ka + kb, upper: Bound.product(a.upper, b.upper),
                             lower: Bound.productBelow(a.lower, b.lower), sign: .product(a.sign, b.sign), op: "×")
    }

    /// a·a: as a × a, and nonnegative.
    public func squared() throws(TailRefusal) -> TailBound {
        do { return try (self * self).with(sign: .nonnegative) } catch { throw TailRefusal(op: "square", reason: error.reason) }
    }

    /// |a/b| = |a|/|b| ∈ [L_a/U_b, U_a/L_b]·|ν|^(−(k_a − k_b)); refused when L_b = 0 (b may vanish
    /// somewhere on the tail, or decay faster than any bound it has).
    public static func / (a: TailBound, b: TailBound) throws(TailRefusal) -> TailBound {
        try sameRegion(a, b, "÷")
        guard let kb = b.quarters else { throw TailRefusal(op: "÷", reason: "division by an exact 0") }
        guard b.lower > 0 else {
            throw TailRefusal(op: "÷", reason: "the divisor's lower bound is 0 (\(b)): it may vanish on the tail")
        }
        guard let ka = a.quarters else { return a }
        return try TailBound(log2R: a.log2R, quarters: ka - kb, upper: Bound.quotient(a.upper, b.lower),
                             lower: Bound.quotientBelow(a.lower, b.upper), sign: .product(a.sign, b.sign), op: "÷")
    }

    /// a^n for an integer n: repeated products (each rounded outward), even powers nonnegative,
    /// negative powers the reciprocal (refused when L_a = 0). a^0 = 1.
    public func power(_ n: Int) throws(TailRefusal) -> TailBound {
        guard Swift.abs(n) <= Self.maximumQuarters else { throw TailRefusal(op: "^", reason: "exponent \(n) too large") }
        if n == 0 { return try .constant(1, log2R: log2R) }
        if n < 0 { return try (.constant(1, log2R: log2R)) / power(-n) }
        var result = self
        for _ in 1..<n { result = try result * self }
        return n % 2 == 0 ? result.with(sign: .nonnegative) : result
    }

    /// √a for a ≥ 0: √|a| ∈ [√L, √U]·|ν|^(−k/2); refused for a sign not known nonnegative (the
    /// real square root is not defined there) and when k/2 is not a multiple of ¼.
    public func squareRoot() throws(TailRefusal) -> TailBound {
        guard let k = quarters else { return self }
        guard sign == .nonnegative else { throw TailRefusal(op: "√", reason: "the argument's sign is not known nonnegative (\(self))") }
        guard k % 2 == 0 else { throw TailRefusal(op: "√", reason: "order \(Double(k) / 8) is not a multiple of 1/4") }
        return try TailBound(log2R: log2R, quarters: k / 2, upper: Bound.root(upper), lower: Bound.rootBelow(lower),
                             sign: .nonnegative, op: "√")
    }

    /// |a|: the same moduli, nonnegative.
    public var magnitude: TailBound { with(sign: .nonnegative) }

    /// √(a² + b²), also the modulus |a + ib| of a complex quantity. With p the dominant term and
    /// f = R^(k_p − k_q) ≤ 1 as in `+`: a² + b² ≤ (U_p² + (U_q f)²)|ν|^(−2k_p); and
    /// a² + b² ≥ (L_p² + L_q²)|ν|^(−2k) at equal orders, ≥ L_p²|ν|^(−2k_p) otherwise.
    public static func hypot(_ a: TailBound, _ b: TailBound) throws(TailRefusal) -> TailBound {
        try sameRegion(a, b, "hypot")
        guard let ka = a.quarters else { return b.magnitude }
        guard let kb = b.quarters else { return a.magnitude }
        let (p, q) = ka <= kb ? (a, b) : (b, a)
        let kp = Swift.min(ka, kb), kq = Swift.max(ka, kb)
        let qAligned = Bound.product(q.upper, p.rPowerAbove(kp - kq))
        let upper = Bound.root(Bound.sum(Bound.product(p.upper, p.upper), Bound.product(qAligned, qAligned)))
        let lower = kp == kq
            ? Bound.rootBelow(Bound.sumBelow(Bound.productBelow(p.lower, p.lower), Bound.productBelow(q.lower, q.lower)))
            : p.lower
        return try TailBound(log2R: a.log2R, quarters: kp, upper: upper, lower: lower, sign: .nonnegative, op: "hypot")
    }

    /// |re + i·im| of a complex quantity given by its parts (see `hypot`).
    public static func modulus(re: TailBound, im: TailBound) throws(TailRefusal) -> TailBound { try hypot(re, im) }

    /// ∫_{|ν| ≥ R} |x(ν)| dν ≤ U ∫_{|ν| ≥ R} |ν|^(−k) dν = 2U·R^(1−k)/(k − 1) for k > 1 (both
    /// tails), rounded up; 0 for x ≡ 0. Refused for k ≤ 1 (the integral need not converge).
    public func tailIntegralBound() throws(TailRefusal) -> Double {
        guard let k = quarters else { return 0 }
        guard k > 4 else { throw TailRefusal(op: "∫", reason: "order \(Double(k) / 4) ≤ 1: the tail integral of |ν|^(−k) diverges") }
        // 2U·R^((4 − 4k)/4)·4/(4k − 4), each factor rounded up.
        let scaled = Bound.product(Bound.product(2 * upper, rPowerAbove(4 - k)), 4)
        let bound = Bound.quotient(scaled, Double(k - 4))
        guard bound.isFinite else { throw TailRefusal(op: "∫", reason: "the bound is beyond Double's range") }
        return bound
    }
}
