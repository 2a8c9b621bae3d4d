import ArbitraryPrecision

/// A dense recursive polynomial: a polynomial in the outermost variable whose coefficients
/// are polynomials in the remaining ones, down to ground elements (SymPy's "dmp" layout).
///
/// This is the shape the Euclidean-type algorithms want — pseudo-remainders, contents,
/// evaluation of the main variable, ξ-adic interpolation all act on the coefficient list
/// of the main variable — so GCDs and resultants convert into it from the sparse kernel
/// and back. A polynomial in n variables is nested exactly n deep: `.ground` only at
/// level 0, `.poly` (coefficients lowest degree first, no trailing zero) at levels ≥ 1, so
/// the zero polynomial of level n ≥ 1 is `.poly([])`.
enum RecursivePolynomial<C: GCDDomain>: Equatable, Sendable {
    case ground(C)
    case poly([RecursivePolynomial<C>])

    typealias R = RecursivePolynomial<C>

    static func zero(level n: Int) -> R { n == 0 ? .ground(.zero) : .poly([]) }
    static func constant(_ c: C, level n: Int) -> R {
        if n == 0 { return .ground(c) }
        if c.isZero { return .poly([]) }
        return .poly([constant(c, level: n - 1)])
    }

    var isZero: Bool {
        switch self {
        case .ground(let c): return c.isZero
        case .poly(let a): return a.isEmpty
        }
    }

    var coefficients: [R] {
        if case .poly(let a) = self { return a }
        preconditionFailure("ground element has no coefficients")
    }

    var groundValue: C {
        if case .ground(let c) = self { return c }
        preconditionFailure("not a ground element")
    }

    /// Degree in the main variable (−1 for zero).
    var degree: Int { coefficients.count - 1 }

    /// Leading coefficient in the main variable.
    var leading: R { coefficients.last! }

    /// The leading ground coefficient (following leading coefficients down).
    var groundLeading: C {
        switch self {
        case .ground(let c): return c
        case .poly(let a): return a.last?.groundLeading ?? .zero
        }
    }

    /// Whether the polynomial is a constant (degree ≤ 0 in every variable).
    var isGroundConstant: Bool {
        switch self {
        case .ground: return true
        case .poly(let a): return a.count <= 1 && (a.first?.isGroundConstant ?? true)
        }
    }

    static func trimmed(_ a: [R]) -> R {
        var a = a
        while let l = a.last, l.isZero { a.removeLast() }
        return .poly(a)
    }

    // MARK: Ring operations

    static func + (x: R, y: R) -> R {
        switch (x, y) {
        case (.ground(let a), .ground(let b)): return .ground(a + b)
        case (.poly(let a), .poly(let b)):
            if a.isEmpty { return y }
            if b.isEmpty { return x }
            var out = a.count >= b.count ? a : b
            let other = a.count >= b.count ? b : a
            for k in 0..<other.count { out[k] = out[k] + other[k] }
            return a.count == b.count ? trimmed(out) : .poly(out)
        default: preconditionFailure("level mismatch")
        }
    }

    static prefix func - (x: R) -> R {
        switch x {
        case .ground(let a): return .ground(-a)
        case .poly(let a): return .poly(a.map { -$0 })
        }
    }

    static func - (x: R, y: R) -> R { x + (-y) }

    static func * (x: R, y: R) -> R {
        switch (x, y) {
        case (.ground(let a), .ground(let b)): return .ground(a * b)
        case (.poly(let a), .poly(let b)):
            if a.isEmpty || b.isEmpty { return .poly([]) }
            if b.count == 1 { return x.timesCoefficient(b[0]) }
            if a.count == 1 { return y.timesCoefficient(a[0]) }
            var out = [R?](repeating: nil, count: a.count + b.count - 1)
            for i in 0..<a.count where !a[i].isZero {
                for j in 0..<b.count where !b[j].isZero {
                    let t = a[i] * b[j]
                    out[i + j] = out[i + j].map { $0 + t } ?? t
                }
            }
            let z = zeroLike(a[0])
            return trimmed(out.map { $0 ?? z })
        default: preconditionFailure("level mismatch")
        }
    }

    /// The zero of the same level as `x`.
    static func zeroLike(_ x: R) -> R {
        if case .ground = x { return .ground(.zero) }
        return .poly([])
    }

    /// Multiplies every main-variable coefficient by `c` (one level down).
    func timesCoefficient(_ c: R) -> R {
        if c.isZero { return .poly([]) }
        return R.trimmed(coefficients.map { $0 * c })
    }

    func timesGround(_ c: C) -> R {
        switch self {
        case .ground(let a): return .ground(a * c)
        case .poly(let a):
            if c.isZero { return .poly([]) }
            return .poly(a.map { $0.timesGround(c) })
        }
    }

    /// Multiplies by the main variable to the power k.
    func shifted(_ k: Int) -> R {
        if isZero || k == 0 { return self }
        return .poly([R](repeating: R.zeroLike(coefficients[0]), count: k) + coefficients)
    }

    func power(_ n: Int) -> R {
        precondition(n >= 0)
        var result: R? = nil, base = self, e = n
        while e > 0 {
            if e & 1 == 1 { result = result.map { $0 * base } ?? base }
            e >>= 1
            if e > 0 { base = base * base }
        }
        return result ?? R.oneLike(self)
    }

    static func oneLike(_ x: R) -> R {
        switch x {
        case .ground: return .ground(.one)
        case .poly(let a):
            // A nonzero coefficient tells the level below; the zero polynomial of level ≥ 2
            // does not, and callers never pass it.
            let inner: R = a.first(where: { !$0.isZero }).map { oneLike($0) } ?? .ground(.one)
            return .poly([inner])
        }
    }

    /// Divides every ground coefficient exactly by `c`; nil if some division is inexact.
    func exactQuotient(ground c: C) -> R? {
        switch self {
        case .ground(let a): return a.exactQuotient(c).map { .ground($0) }
        case .poly(let a):
            var out: [R] = []
            out.reserveCapacity(a.count)
            for x in a { guard let q = x.exactQuotient(ground: c) else { return nil }; out.append(q) }
            return .poly(out)
        }
    }

    /// self / d when d divides self exactly (in the ground ring extended to all levels);
    /// nil otherwise. Recursive long division: each leading-coefficient quotient is itself
    /// an exact division one level down.
    func exactQuotient(_ d: R) -> R? {
        switch (self, d) {
        case (.ground(let a), .ground(let b)): return a.exactQuotient(b).map { .ground($0) }
        case (.poly(let a), .poly(let b)):
            precondition(!b.isEmpty, "division by zero polynomial")
            if a.isEmpty { return self }
            if b.count == 1 {
                var out: [R] = []
                for x in a { guard let q = x.exactQuotient(b[0]) else { return nil }; out.append(q) }
                return .poly(out)
            }
            if a.count < b.count { return nil }
            var r = a
            let z = R.zeroLike(a[0])
            var q = [R](repeating: z, count: a.count - b.count + 1)
            let lb = b.last!
            for k in stride(from: a.count - b.count, through: 0, by: -1) {
                let top = r[k + b.count - 1]
                if top.isZero { continue }
                guard let c = top.exactQuotient(lb) else { return nil }
                q[k] = c
                for j in 0..<b.count where !b[j].isZero { r[k + j] = r[k + j] - c * b[j] }
            }
            for x in r where !x.isZero { return nil }
            return R.trimmed(q)
        default: preconditionFailure("level mismatch")
        }
    }

    /// The pseudo-remainder lc(d)^(deg self − deg d + 1) · self mod d in the main variable.
    func pseudoRemainder(_ d: R) -> R {
        let b = d.coefficients
        precondition(!b.isEmpty)
        var r = coefficients
        if r.count < b.count { return self }
        let lb = b.last!
        var steps = r.count - b.count + 1
        while r.count >= b.count {
            let top = r.last!
            let shift = r.count - b.count
            // r ← lb·r − top·x^shift·d; the top coefficient cancels.
            for k in 0..<r.count { r[k] = r[k] * lb }
            for j in 0..<b.count where !b[j].isZero { r[shift + j] = r[shift + j] - top * b[j] }
            r.removeLast()
            while let l = r.last, l.isZero { r.removeLast() }
            steps -= 1
        }
        if steps > 0 {
            let f = lb.power(steps)
            r = r.map { $0 * f }
        }
        return R.trimmed(r)
    }

    /// The value at main variable = v (a polynomial one level down).
    func evaluated(at v: R) -> R {
        let a = coefficients
        guard var acc = a.last else { preconditionFailure("level of a zero polynomial is unknown") }
        for k in stride(from: a.count - 2, through: 0, by: -1) { acc = acc * v + a[k] }
        return acc
    }

    /// Derivative in the main variable.
    func derivative() -> R {
        let a = coefficients
        if a.count <= 1 { return .poly([]) }
        return R.trimmed((1..<a.count).map { a[$0].timesGround(R.groundInteger($0)) })
    }

    static func groundInteger(_ k: Int) -> C {
        // Builds k by doubling: the protocol only guarantees ring operations.
        var result = C.zero, base = C.one, n = k
        precondition(n >= 0)
        while n > 0 {
            if n & 1 == 1 { result = result + base }
            n >>= 1
            base = base + base
        }
        return result
    }

    /// Applies `f` to every ground coefficient.
    func mapGround<D: GCDDomain>(_ f: (C) -> D) -> RecursivePolynomial<D> {
        switch self {
        case .ground(let a): return .ground(f(a))
        case .poly(let a): return .poly(a.map { $0.mapGround(f) })
        }
    }

    /// The same polynomial with trailing zero coefficients removed at every level (after
    /// a coefficient map that may have produced zeros).
    func trimmedDeep() -> R {
        switch self {
        case .ground: return self
        case .poly(let a): return R.trimmed(a.map { $0.trimmedDeep() })
        }
    }

    /// Every ground coefficient, in storage order.
    func forEachGround(_ body: (C) -> Void) {
        switch self {
        case .ground(let a): body(a)
        case .poly(let a): for x in a { x.forEachGround(body) }
        }
    }
}

extension RecursivePolynomial where C == BigInt {
    /// Evaluates the main variable at an integer.
    func evaluated(atInteger x: BigInt) -> R {
        let a = coefficients
        var acc = a.last!
        for k in stride(from: a.count - 2, through: 0, by: -1) { acc = acc.timesGround(x) + a[k] }
        return acc
    }

    var maxNorm: BigInt {
        var m = BigInt.zero
        forEachGround { c in let a = c.magnitude; if m < a { m = a } }
        return m
    }

    /// gcd of all ground coefficients (non-negative).
    var groundContent: BigInt {
        var g = BigInt.zero
        forEachGround { c in if !g.isOne { g = BigInt.gcd(g, c) } }
        return g
    }
}
