/// Exact complex number re + im·i with rational parts (the field Q(i)).
public struct GaussianRational: Sendable, Hashable {
    public let re: BigRational
    public let im: BigRational

    public init(_ re: BigRational, _ im: BigRational = 0) {
        self.re = re
        self.im = im
    }

    public static let i = GaussianRational(0, 1)
    public static let zero = GaussianRational(0)
    public static let one = GaussianRational(1)

    public var isReal: Bool { im.isZero }
    public var isZero: Bool { re.isZero && im.isZero }
    public var isOne: Bool { re.isOne && im.isZero }
    public var conjugate: GaussianRational { GaussianRational(re, -im) }

    /// |z|² = re² + im², which stays rational.
    public var norm: BigRational { re * re + im * im }

    public static func + (lhs: GaussianRational, rhs: GaussianRational) -> GaussianRational {
        GaussianRational(lhs.re + rhs.re, lhs.im + rhs.im)
    }

    public static func - (lhs: GaussianRational, rhs: GaussianRational) -> GaussianRational {
        GaussianRational(lhs.re - rhs.re, lhs.im - rhs.im)
    }

    public static prefix func - (z: GaussianRational) -> GaussianRational {
        GaussianRational(-z.re, -z.im)
    }

    public static func * (lhs: GaussianRational, rhs: GaussianRational) -> GaussianRational {
        if lhs.isReal && rhs.isReal { return GaussianRational(lhs.re * rhs.re) }
        return GaussianRational(lhs.re * rhs.re - lhs.im * rhs.im,
                                lhs.re * rhs.im + lhs.im * rhs.re)
    }

    public static func / (lhs: GaussianRational, rhs: GaussianRational) -> GaussianRational {
        precondition(!rhs.isZero, "division by zero")
        if rhs.isReal { return GaussianRational(lhs.re / rhs.re, lhs.im / rhs.re) }
        // z / w = z · conj(w) / |w|².
        let n = rhs.norm
        let p = lhs * rhs.conjugate
        return GaussianRational(p.re / n, p.im / n)
    }

    public static func += (lhs: inout GaussianRational, rhs: GaussianRational) { lhs = lhs + rhs }
    public static func -= (lhs: inout GaussianRational, rhs: GaussianRational) { lhs = lhs - rhs }
    public static func *= (lhs: inout GaussianRational, rhs: GaussianRational) { lhs = lhs * rhs }
    public static func /= (lhs: inout GaussianRational, rhs: GaussianRational) { lhs = lhs / rhs }

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

extension GaussianRational: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self.init(BigRational(value)) }
}

extension GaussianRational: CustomStringConvertible {
    /// "3/2", "2i", "1 + 2i", "-1/2 - 3/4i"; a unit imaginary part prints as "i".
    public var description: String {
        if im.isZero { return re.description }
        let imagMagnitude = im.abs.isOne ? "i" : "\(im.abs)i"
        if re.isZero { return im.signum < 0 ? "-" + imagMagnitude : imagMagnitude }
        return "\(re) \(im.signum < 0 ? "-" : "+") \(imagMagnitude)"
    }
}
