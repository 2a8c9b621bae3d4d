/// Exact complex number re + im·i with rational parts (the field Q(i)): the one exact
/// number type of the symbolic layers (expression number nodes, collected coefficients,
/// the coefficients of the mean-field derivation, Gaussian integers of exact elimination).
///
/// The numbers of a derivation are small (±1, ±i, ±1/2, ±2) and are added and multiplied
/// millions of times, which on four arbitrary-precision integers (each operation copying
/// and reducing them) cost more than the rest of the derivation's arithmetic. So a value
/// whose reduced form (re + im·i)/den — den > 0, gcd(re, im, den) = 1 — fits in machine
/// integers is held as those three Ints, and only a value that does not fit holds its two
/// `BigRational` parts. Which form a value takes depends on the value alone (every
/// operation puts a result that fits back into the small form), so each value has one
/// representation and equality and hashing compare fields.
public struct GaussianRational: Sendable {
    @usableFromInline
    enum Storage: Sendable {
        /// (re + im·i)/den, den > 0, gcd(re, im, den) = 1.
        case small(re: Int, im: Int, den: Int)
        /// A value whose reduced form does not fit in machine integers.
        case big(GaussianRationalParts)
    }

    @usableFromInline let storage: Storage

    /// Trusts the caller that den > 0 and gcd(re, im, den) = 1.
    @inlinable
    init(reduced re: Int, _ im: Int, _ den: Int) { storage = .small(re: re, im: im, den: den) }

    public init(_ re: BigRational, _ im: BigRational = 0) {
        if let a = re.numerator.asInt, let b = re.denominator.asInt,
           let c = im.numerator.asInt, let d = im.denominator.asInt,
           let s = GaussianRational.commonDenominator(a, b, c, d) {
            self = s
        } else {
            storage = .big(GaussianRationalParts(re, im))
        }
    }

    @inlinable
    public init(_ v: Int) { storage = .small(re: v, im: 0, den: 1) }

    /// a/b + i·c/d (both reduced, b, d > 0) over their least common denominator, when it fits.
    /// No further reduction: a prime dividing the lcm divides b or d to its full power there,
    /// so it cannot divide the matching numerator after scaling.
    static func commonDenominator(_ a: Int, _ b: Int, _ c: Int, _ d: Int) -> GaussianRational? {
        if b == d { return GaussianRational(reduced: a, c, b) }
        let g = Int(truncatingIfNeeded: gcd(b.magnitude, d.magnitude))
        let (l, o1) = (b / g).multipliedReportingOverflow(by: d)
        let (x, o2) = a.multipliedReportingOverflow(by: d / g)
        let (y, o3) = c.multipliedReportingOverflow(by: b / g)
        if o1 || o2 || o3 { return nil }
        return GaussianRational(reduced: x, y, l)
    }

    @inlinable @inline(__always)
    static func gcd(_ a: UInt, _ b: UInt) -> UInt {
        var (u, v) = (a, b)
        while v != 0 { (u, v) = (v, u % v) }
        return u
    }

    @inlinable public static var i: GaussianRational { GaussianRational(reduced: 0, 1, 1) }
    @inlinable public static var zero: GaussianRational { GaussianRational(reduced: 0, 0, 1) }
    @inlinable public static var one: GaussianRational { GaussianRational(reduced: 1, 0, 1) }

    public var re: BigRational {
        switch storage {
        case .small(let r, _, let d): return d == 1 ? BigRational(r) : BigRational(BigInt(r), BigInt(d))
        case .big(let p): return p.re
        }
    }

    public var im: BigRational {
        switch storage {
        case .small(_, let m, let d): return d == 1 ? BigRational(m) : BigRational(BigInt(m), BigInt(d))
        case .big(let p): return p.im
        }
    }

    /// The value as a machine integer, when it is a real integer that fits.
    @inlinable
    public var asInt: Int? {
        if case .small(let r, 0, 1) = storage { return r }
        return nil
    }

    @inlinable
    public var isReal: Bool {
        switch storage {
        case .small(_, let m, _): return m == 0
        case .big(let p): return p.im.isZero
        }
    }

    // Zero and one always fit, so they are always small.
    @inlinable
    public var isZero: Bool {
        if case .small(0, 0, _) = storage { return true }
        return false
    }

    @inlinable
    public var isOne: Bool {
        if case .small(1, 0, 1) = storage { return true }
        return false
    }
}

/// The parts of a value that does not fit in machine integers.
@usableFromInline
final class GaussianRationalParts: Sendable {
    @usableFromInline let re: BigRational
    @usableFromInline let im: BigRational

    init(_ re: BigRational, _ im: BigRational) {
        self.re = re
        self.im = im
    }
}

extension GaussianRational: Hashable {
    @inlinable
    public static func == (x: GaussianRational, y: GaussianRational) -> Bool {
        switch (x.storage, y.storage) {
        case let (.small(a, b, c), .small(d, e, f)): return a == d && b == e && c == f
        case let (.big(p), .big(q)): return p === q || (p.re == q.re && p.im == q.im)
        default: return false
        }
    }

    @inlinable
    public func hash(into h: inout Hasher) {
        switch storage {
        case .small(let a, let b, let c):
            h.combine(a)
            h.combine(b)
            h.combine(c)
        case .big(let p):
            h.combine(p.re)
            h.combine(p.im)
        }
    }
}

extension GaussianRational: ExpressibleByIntegerLiteral {
    @inlinable
    public init(integerLiteral value: Int) { self.init(value) }
}

extension GaussianRational: CustomStringConvertible {
    /// "3/2", "2i", "1 + 2i", "-1/2 - 3/4i"; a unit imaginary part prints as "i". Number
    /// nodes hash this text, so it must not change.
    public var description: String {
        let (re, im) = (self.re, self.im)
        if im.isZero { return re.description }
        let imagMagnitude = im.abs.isOne ? "i" : "\(im.abs)i"
        if re.isZero { return im.signum < 0 ? "-" + imagMagnitude : imagMagnitude }
        return "\(re) \(im.signum < 0 ? "-" : "+") \(imagMagnitude)"
    }
}
