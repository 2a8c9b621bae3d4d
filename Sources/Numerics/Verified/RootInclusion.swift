import ArbitraryPrecision

/// A cluster of roots: `count` roots of every polynomial of the family, in the union of
/// `disks` (a connected component of the inclusion disks), all inside the disk
/// (`center`, `radius`).
public struct RootCluster: Sendable {
    public var center: GaussianRational
    public var radius: BigRational
    public var count: Int
    public var disks: [(center: GaussianRational, radius: BigRational)]
    /// A single root of a real polynomial in a disk centred on the real axis: the root is real
    /// (a non-real root would bring its conjugate into the same disk).
    public var isReal: Bool

    /// Re over the cluster lies in [lower, upper]; Im likewise.
    public var realRange: (lower: BigRational, upper: BigRational) { (center.re - radius, center.re + radius) }
    public var imaginaryRange: (lower: BigRational, upper: BigRational) { (center.im - radius, center.im + radius) }

    /// Whether the whole cluster lies in Re z > 0 (+1), in Re z < 0 (−1), or meets the axis (0).
    public var realPartSign: Int {
        if center.re - radius > .zero { return 1 }
        if center.re + radius < .zero { return -1 }
        return 0
    }
}

/// Why the roots could not be enclosed.
public enum RootInclusionError: Error, Sendable, CustomStringConvertible {
    /// The leading coefficient's ball contains 0: the degree is not fixed over the family.
    case leadingCoefficientMayVanish
    public var description: String {
        switch self {
        case .leadingCoefficientMayVanish: return "the leading coefficient may vanish (its enclosure contains 0)"
        }
    }
}

/// Inclusion disks for the roots of every polynomial Σ c_k z^k with c_k in the balls
/// `coefficients` (lowest degree first): the Gershgorin disks of the Weierstrass
/// representation (Carstensen; Braess–Hadeler). For distinct approximations z_1 … z_n of the
/// roots of a monic p, the corrections W_i = p(z_i)/Π_{j≠i}(z_i − z_j) make
/// p(z) = det(z − (D − W·eᵀ)), D = diag(z_i) (the matrix determinant lemma on the Lagrange
/// form of p − Π(z − z_j)), so every root lies in a row disk
/// {|z − (z_i − W_i)| ≤ (n − 1)|W_i|}, and a connected component of k disks holds exactly k
/// roots (Gershgorin). W_i is computed in ball arithmetic, so the disks hold for every member
/// of the family. `realFamily`: the members that matter are real polynomials (then a single
/// root in a disk centred on the real axis is real).
public func rootInclusion(_ coefficients: [ComplexBall], realFamily: Bool, bits: Int) throws -> [RootCluster] {
    var c = coefficients
    while let l = c.last, l.isZero, c.count > 1 { c.removeLast() }
    let n = c.count - 1
    if n < 1 { return [] }
    guard let inverseLead = c[n].reciprocal else { throw RootInclusionError.leadingCoefficientMayVanish }
    let monic = c.map { ($0 * inverseLead).rounded(bits: bits + 32) }
    let approximations = preciseAberthRoots(monic.map { BigComplex($0.center, precision: bits + 32) }, bits: bits,
                                            realCoefficients: realFamily)
    var z = approximations.map { ComplexBall($0).center }
    // Distinct nodes: nudge exact coincidences (the representation needs z_i ≠ z_j).
    for i in 0..<n {
        for j in 0..<i where z[i] == z[j] {
            z[i] = z[i] + GaussianRational(BigRational(1, BigInt.one << bits), BigRational(BigInt(j + 1), BigInt.one << bits))
        }
    }
    var disks: [(center: GaussianRational, radius: BigRational)] = []
    let threeHalves = BigRational(3, 2)
    for i in 0..<n {
        let value = ComplexBall.evaluate(monic, at: ComplexBall(z[i]), bits: bits + 32)
        var denominator = GaussianRational.one
        for j in 0..<n where j != i { denominator = denominator * (z[i] - z[j]) }
        let w = value.center / denominator
        // |W − w| ≤ r_p/|d| ≤ (3/2)·r_p/(|re d| + |im d|), since |re| + |im| ≤ √2·|d|.
        let rw = value.radius.isZero ? BigRational.zero : threeHalves * value.radius / ComplexBall.l1(denominator)
        let radius = BigRational(n - 1) * (ComplexBall.l1(w) + rw) + rw
        disks.append((z[i] - w, ComplexBall.roundUp(radius)))
    }
    // Connected components of the union (exact intersection tests on squared distances).
    var component = Array(0..<n)
    func find(_ i: Int) -> Int { var k = i; while component[k] != k { k = component[k] }; return k }
    for i in 0..<n {
        for j in (i + 1)..<n {
            let d = disks[i].center - disks[j].center
            let r = disks[i].radius + disks[j].radius
            if d.re * d.re + d.im * d.im <= r * r {
                let a = find(i), b = find(j)
                if a != b { component[b] = a }
            }
        }
    }
    var groups: [Int: [Int]] = [:]
    for i in 0..<n { groups[find(i), default: []].append(i) }
    var out: [RootCluster] = []
    for members in groups.values {
        let first = disks[members[0]]
        var radius = BigRational.zero
        for k in members {
            let r = ComplexBall.l1(disks[k].center - first.center) + disks[k].radius
            if r > radius { radius = r }
        }
        let real = realFamily && members.count == 1 && first.center.im.isZero
        out.append(RootCluster(center: first.center, radius: radius, count: members.count,
                               disks: members.map { disks[$0] }, isReal: real))
    }
    return out.sorted { ($0.center.re, $0.center.im) < ($1.center.re, $1.center.im) }
}

/// Root clusters refined until every single root is enclosed to `digits` significant digits
/// (radius ≤ 10^(−digits−2)·max(|center|, 10^(−digits))) or the working precision reaches
/// `maxBits`; `coefficients(bits)` gives the balls at a working precision (exact ones ignore
/// it). Clusters of several roots are returned as they are (a multiple root, or roots the
/// precision cannot separate).
public func verifiedRoots(digits: Int, realFamily: Bool, maxBits: Int = 8192,
                          _ coefficients: (Int) throws -> [ComplexBall]) throws -> [RootCluster] {
    var bits = BigFloat.bits(forDigits: digits + 20) + 32
    var last: [RootCluster] = []
    while true {
        last = try rootInclusion(try coefficients(bits), realFamily: realFamily, bits: bits)
        if last.allSatisfy({ $0.count > 1 || resolves($0, digits: digits) }) { return last }
        if bits >= maxBits { return last }
        bits = min(2 * bits, maxBits)
    }
}

/// Whether a single-root cluster pins `digits` significant digits of both parts.
func resolves(_ c: RootCluster, digits: Int) -> Bool {
    let scale = max(ComplexBall.l1(c.center), BigRational(1, BigInt(10).power(digits)))
    return c.radius * BigRational(BigInt(10).power(digits + 2)) <= scale
}
