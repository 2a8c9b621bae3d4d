import ArbitraryPrecision
import Symbolic

/// An exact number of Q(i), (re + i·im)/den, held in machine integers while they fit and as
/// an exact number node (`Expr.number`) beyond.
///
/// The coefficients of a derivation are small (±1, ±i, ±1/2, ±2) and are added and multiplied
/// thousands of times; `GaussianRational` does each step on four arbitrary-precision
/// integers (and copies them), which cost more than the rest of the derivation's arithmetic.
/// The small form is reduced (gcd(re, im, den) = 1, den > 0), so equal values have equal
/// fields; every operation that would overflow is done on `GaussianRational` instead (and a
/// value that fits is always held small, so each value has one representation).
struct GaussianQ: Sendable, Hashable, CustomStringConvertible {
    private var re: Int
    private var im: Int
    private var den: Int
    /// A value that does not fit, as its number node (`Expr.number` keeps the exact value
    /// and makes this type a plain value: copying it touches no reference count).
    private var big: Expr?

    static let zero = GaussianQ(small: 0, 0, 1)
    static let one = GaussianQ(small: 1, 0, 1)
    static let i = GaussianQ(small: 0, 1, 1)

    /// Already reduced.
    private init(small re: Int, _ im: Int, _ den: Int) {
        self.re = re
        self.im = im
        self.den = den
        big = nil
    }

    private var isBig: Bool { big != nil }

    init(_ v: Int) { self.init(small: v, 0, 1) }

    init(_ q: GaussianRational) {
        if let a = q.re.numerator.asInt, let b = q.re.denominator.asInt,
           let c = q.im.numerator.asInt, let d = q.im.denominator.asInt,
           let s = GaussianQ.reduced(a, b, c, d) {
            self = s
        } else {
            self.init(small: 0, 0, 1)
            big = Expr.number(q)
        }
    }

    init(_ q: BigRational) { self.init(GaussianRational(q)) }

    /// a/b + i c/d, when it fits.
    private static func reduced(_ a: Int, _ b: Int, _ c: Int, _ d: Int) -> GaussianQ? {
        if b == d { return reduced(a, c, b) }
        let g = gcd(b, d)
        let (bd, o1) = (b / g).multipliedReportingOverflow(by: d)
        let (x, o2) = a.multipliedReportingOverflow(by: d / g)
        let (y, o3) = c.multipliedReportingOverflow(by: b / g)
        if o1 || o2 || o3 { return nil }
        return reduced(x, y, bd)
    }

    /// (re + i·im)/den in lowest terms with den > 0 (den != 0), when it fits.
    private static func reduced(_ re: Int, _ im: Int, _ den: Int) -> GaussianQ? {
        if den == 1 { return GaussianQ(small: re, im, 1) }
        if den == .min { return nil }
        var g = gcd(gcd(re, im), den)
        if den < 0 { g = -g }
        if g == -1 && (re == .min || im == .min || den == .min) { return nil }
        return GaussianQ(small: re / g, im / g, den / g)
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int {
        var (u, v) = (a.magnitude, b.magnitude)
        while v != 0 { (u, v) = (v, u % v) }
        return Int(truncatingIfNeeded: u)
    }

    var value: GaussianRational {
        if let big { return big.numberValue! }
        if den == 1 { return GaussianRational(BigRational(re), BigRational(im)) }
        return GaussianRational(BigRational(BigInt(re), BigInt(den)), BigRational(BigInt(im), BigInt(den)))
    }

    // A value that fits is never held big: zero and one are small.
    var isZero: Bool { re == 0 && im == 0 && big == nil }
    var isOne: Bool { re == 1 && im == 0 && den == 1 && big == nil }

    var conjugate: GaussianQ {
        if isBig { return GaussianQ(value.conjugate) }
        return im == .min ? GaussianQ(value.conjugate) : GaussianQ(small: re, -im, den)
    }

    static func == (x: GaussianQ, y: GaussianQ) -> Bool {
        // Each value has one representation, and number nodes are unique.
        x.re == y.re && x.im == y.im && x.den == y.den && x.big == y.big
    }

    func hash(into h: inout Hasher) {
        h.combine(re)
        h.combine(im)
        h.combine(den)
        h.combine(big)
    }

    static func + (x: GaussianQ, y: GaussianQ) -> GaussianQ {
        if !x.isBig && !y.isBig {
            if x.den == y.den {
                let (r, o1) = x.re.addingReportingOverflow(y.re)
                let (i, o2) = x.im.addingReportingOverflow(y.im)
                if !o1 && !o2, let s = reduced(r, i, x.den) { return s }
            } else {
                let (p, o1) = x.re.multipliedReportingOverflow(by: y.den)
                let (q, o2) = y.re.multipliedReportingOverflow(by: x.den)
                let (u, o3) = x.im.multipliedReportingOverflow(by: y.den)
                let (v, o4) = y.im.multipliedReportingOverflow(by: x.den)
                let (d, o5) = x.den.multipliedReportingOverflow(by: y.den)
                if !(o1 || o2 || o3 || o4 || o5) {
                    let (r, o6) = p.addingReportingOverflow(q)
                    let (i, o7) = u.addingReportingOverflow(v)
                    if !o6 && !o7, let s = reduced(r, i, d) { return s }
                }
            }
        }
        return GaussianQ(x.value + y.value)
    }

    static prefix func - (x: GaussianQ) -> GaussianQ {
        if !x.isBig && x.re != .min && x.im != .min { return GaussianQ(small: -x.re, -x.im, x.den) }
        return GaussianQ(-x.value)
    }

    static func - (x: GaussianQ, y: GaussianQ) -> GaussianQ { x + (-y) }

    static func * (x: GaussianQ, y: GaussianQ) -> GaussianQ {
        if !x.isBig && !y.isBig {
            if x.im == 0 && y.im == 0 {
                let (r, o1) = x.re.multipliedReportingOverflow(by: y.re)
                let (d, o2) = x.den.multipliedReportingOverflow(by: y.den)
                if !o1 && !o2, let s = reduced(r, 0, d) { return s }
            } else {
                // (a + bi)(c + ei) = (ac − be) + (ae + bc)i
                let (ac, o1) = x.re.multipliedReportingOverflow(by: y.re)
                let (be, o2) = x.im.multipliedReportingOverflow(by: y.im)
                let (ae, o3) = x.re.multipliedReportingOverflow(by: y.im)
                let (bc, o4) = x.im.multipliedReportingOverflow(by: y.re)
                let (d, o5) = x.den.multipliedReportingOverflow(by: y.den)
                if !(o1 || o2 || o3 || o4 || o5) {
                    let (r, o6) = ac.subtractingReportingOverflow(be)
                    let (i, o7) = ae.addingReportingOverflow(bc)
                    if !o6 && !o7, let s = reduced(r, i, d) { return s }
                }
            }
        }
        return GaussianQ(x.value * y.value)
    }

    var description: String { value.description }
}
