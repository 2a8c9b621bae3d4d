// Each operator works on the machine-integer form when both operands have it, checking every
// step for overflow; an overflow, or a big operand, takes the exact route on BigRational
// parts, whose result goes back to the small form whenever it fits.

extension GaussianRational {
    /// (re + im·i)/den in lowest terms; den > 0.
    @inlinable @inline(__always)
    static func reducing(_ re: Int, _ im: Int, _ den: Int) -> GaussianRational {
        if den == 1 { return GaussianRational(reduced: re, im, 1) }
        // The gcd divides den, so it is at most Int.max.
        let g = Int(truncatingIfNeeded: gcd(gcd(re.magnitude, im.magnitude), den.magnitude))
        if g == 1 { return GaussianRational(reduced: re, im, den) }
        return GaussianRational(reduced: re / g, im / g, den / g)
    }

    @inlinable
    public static func + (x: GaussianRational, y: GaussianRational) -> GaussianRational {
        if case .small(let a, let b, let d) = x.storage, case .small(let c, let e, let f) = y.storage {
            if d == f {
                let (r, o1) = a.addingReportingOverflow(c)
                let (i, o2) = b.addingReportingOverflow(e)
                if !(o1 || o2) { return reducing(r, i, d) }
            } else {
                let (p, o1) = a.multipliedReportingOverflow(by: f)
                let (q, o2) = c.multipliedReportingOverflow(by: d)
                let (u, o3) = b.multipliedReportingOverflow(by: f)
                let (v, o4) = e.multipliedReportingOverflow(by: d)
                let (n, o5) = d.multipliedReportingOverflow(by: f)
                if !(o1 || o2 || o3 || o4 || o5) {
                    let (r, o6) = p.addingReportingOverflow(q)
                    let (i, o7) = u.addingReportingOverflow(v)
                    if !(o6 || o7) { return reducing(r, i, n) }
                }
            }
        }
        return exactSum(x, y)
    }

    @inlinable
    public static prefix func - (x: GaussianRational) -> GaussianRational {
        if case .small(let a, let b, let d) = x.storage, a != .min, b != .min {
            return GaussianRational(reduced: -a, -b, d)
        }
        return GaussianRational(-x.re, -x.im)
    }

    @inlinable
    public static func - (x: GaussianRational, y: GaussianRational) -> GaussianRational { x + (-y) }

    @inlinable
    public static func * (x: GaussianRational, y: GaussianRational) -> GaussianRational {
        if case .small(let a, let b, let d) = x.storage, case .small(let c, let e, let f) = y.storage {
            let (n, o0) = d.multipliedReportingOverflow(by: f)
            if b == 0 && e == 0 {
                let (r, o1) = a.multipliedReportingOverflow(by: c)
                if !(o0 || o1) { return reducing(r, 0, n) }
            } else {
                // (a + bi)(c + ei) = (ac − be) + (ae + bc)i
                let (ac, o1) = a.multipliedReportingOverflow(by: c)
                let (be, o2) = b.multipliedReportingOverflow(by: e)
                let (ae, o3) = a.multipliedReportingOverflow(by: e)
                let (bc, o4) = b.multipliedReportingOverflow(by: c)
                if !(o0 || o1 || o2 || o3 || o4) {
                    let (r, o5) = ac.subtractingReportingOverflow(be)
                    let (i, o6) = ae.addingReportingOverflow(bc)
                    if !(o5 || o6) { return reducing(r, i, n) }
                }
            }
        }
        return exactProduct(x, y)
    }

    public static func / (x: GaussianRational, y: GaussianRational) -> GaussianRational {
        precondition(!y.isZero, "division by zero")
        if case .small(let a, let b, let d) = x.storage, case .small(let c, let e, let f) = y.storage,
           let q = smallQuotient(a, b, d, c, e, f) {
            return q
        }
        if y.isReal { return GaussianRational(x.re / y.re, x.im / y.re) }
        // z / w = z · conj(w) / |w|².
        let n = y.norm
        let p = x * y.conjugate
        return GaussianRational(p.re / n, p.im / n)
    }

    /// ((a + bi)/d) / ((c + ei)/f) = (a + bi)(c − ei)·f / (d·(c² + e²)), when every step fits.
    static func smallQuotient(_ a: Int, _ b: Int, _ d: Int, _ c: Int, _ e: Int, _ f: Int) -> GaussianRational? {
        var (re, im, n) = (a, b, c)
        if e != 0 {
            let (cc, o1) = c.multipliedReportingOverflow(by: c)
            let (ee, o2) = e.multipliedReportingOverflow(by: e)
            let (ac, o3) = a.multipliedReportingOverflow(by: c)
            let (be, o4) = b.multipliedReportingOverflow(by: e)
            let (bc, o5) = b.multipliedReportingOverflow(by: c)
            let (ae, o6) = a.multipliedReportingOverflow(by: e)
            if o1 || o2 || o3 || o4 || o5 || o6 { return nil }
            let (s, o7) = cc.addingReportingOverflow(ee)
            let (r, o8) = ac.addingReportingOverflow(be)
            let (i, o9) = bc.subtractingReportingOverflow(ae)
            if o7 || o8 || o9 { return nil }
            (re, im, n) = (r, i, s)
        }
        let (p, o1) = re.multipliedReportingOverflow(by: f)
        let (q, o2) = im.multipliedReportingOverflow(by: f)
        let (m, o3) = n.multipliedReportingOverflow(by: d)
        if o1 || o2 || o3 { return nil }
        if m > 0 { return reducing(p, q, m) }
        if p == .min || q == .min || m == .min { return nil }
        return reducing(-p, -q, -m)
    }

    @usableFromInline
    static func exactSum(_ x: GaussianRational, _ y: GaussianRational) -> GaussianRational {
        GaussianRational(x.re + y.re, x.im + y.im)
    }

    @usableFromInline
    static func exactProduct(_ x: GaussianRational, _ y: GaussianRational) -> GaussianRational {
        let (a, b, c, e) = (x.re, x.im, y.re, y.im)
        if b.isZero && e.isZero { return GaussianRational(a * c) }
        return GaussianRational(a * c - b * e, a * e + b * c)
    }

    public static func += (lhs: inout GaussianRational, rhs: GaussianRational) { lhs = lhs + rhs }
    public static func -= (lhs: inout GaussianRational, rhs: GaussianRational) { lhs = lhs - rhs }
    public static func *= (lhs: inout GaussianRational, rhs: GaussianRational) { lhs = lhs * rhs }
    public static func /= (lhs: inout GaussianRational, rhs: GaussianRational) { lhs = lhs / rhs }

    @inlinable
    public var conjugate: GaussianRational {
        if case .small(let a, let b, let d) = storage, b != .min { return GaussianRational(reduced: a, -b, d) }
        return GaussianRational(re, -im)
    }

    /// |z|² = re² + im², which stays rational.
    public var norm: BigRational {
        let (re, im) = (self.re, self.im)
        return re * re + im * im
    }

    /// zⁿ by repeated squaring; negative n requires z != 0.
    public func power(_ n: Int) -> GaussianRational {
        if n < 0 { return (GaussianRational.one / self).power(-n) }
        if isReal { return GaussianRational(re.power(n)) }
        var result = GaussianRational.one, base = self, e = n
        while e > 0 {
            if e & 1 == 1 { result = result * base }
            e >>= 1
            if e > 0 { base = base * base }
        }
        return result
    }
}
