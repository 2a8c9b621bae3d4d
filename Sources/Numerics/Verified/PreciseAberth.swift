import ArbitraryPrecision
import ComplexModule

/// Approximations of all roots of Σ c_k z^k (lowest degree first, c_n ≠ 0) at `bits` bits:
/// a double-precision Aberth start (`PolynomialRootFinder`) refined by Aberth–Ehrlich sweeps
/// in MPFR until the largest correction is below 2^(−bits+8) of the roots' scale or
/// `maxSweeps` is reached. Nothing here is certified: `rootInclusion` turns these
/// approximations into disks that are.
///
/// With `realCoefficients`, the result is made conjugate-symmetric (a root with a negligible
/// imaginary part becomes real, the partner of a non-real root its exact conjugate), so that
/// the inclusion disks are symmetric and a single root in a disk centred on the axis is real.
public func preciseAberthRoots(_ coefficients: [BigComplex], bits: Int, realCoefficients: Bool,
                               maxSweeps: Int = 400) -> [BigComplex] {
    let n = coefficients.count - 1
    precondition(n >= 1 && !coefficients[n].isZero, "a polynomial of degree ≥ 1")
    // Monic copy in double for the start (scaled so that the double iteration sees no overflow).
    let lead = coefficients[n]
    let monic = coefficients.map { ($0 / lead).toComplexDouble() }
    var finder = PolynomialRootFinder(degree: n)
    var start: [Complex<Double>]
    if monic.allSatisfy({ $0.real.isFinite && $0.imaginary.isFinite }) {
        _ = monic.withUnsafeBufferPointer { finder.solve($0.baseAddress!, maxSweeps: 500) }
        start = finder.roots
    } else {
        start = (0..<n).map { k in Complex(Double.cos(Double(k) + 0.4), Double.sin(Double(k) + 0.4)) }
    }
    // Distinct starts (the iteration divides by z_i − z_j).
    for i in 0..<n {
        for j in 0..<i where start[i] == start[j] || !start[i].isFinite {
            start[i] = start[j] + Complex(1e-3 * Double(i + 1), 1e-3 * Double(j + 2))
        }
    }
    let p = bits + 16
    var z = start.map { BigComplex($0, precision: p) }
    let c = coefficients.map { BigComplex($0.re.rounded(toPrecision: p), $0.im.rounded(toPrecision: p)) }
    func value(_ x: BigComplex) -> (BigComplex, BigComplex) {
        var f = c[n], d = BigComplex(BigFloat(0, precision: p))
        for k in stride(from: n - 1, through: 0, by: -1) {
            d = d * x + f
            f = f * x + c[k]
        }
        return (f, d)
    }
    let tolerance = BigFloat.powerOfTwo(-(bits - 8), precision: 64)
    for _ in 0..<maxSweeps {
        var largest = BigFloat(0, precision: 64)
        var scale = BigFloat(1, precision: 64)
        for i in 0..<n {
            let (f, d) = value(z[i])
            if f.isZero { continue }
            let newton = f / d
            var sum = BigComplex(BigFloat(0, precision: p))
            for j in 0..<n where j != i { sum += BigComplex(BigFloat(1, precision: p)) / (z[i] - z[j]) }
            let correction = newton / (BigComplex(BigFloat(1, precision: p)) - newton * sum)
            guard correction.isFinite else { continue }
            z[i] -= correction
            let size = correction.abs.rounded(toPrecision: 64)
            if size > largest { largest = size }
            let m = z[i].abs.rounded(toPrecision: 64)
            if m > scale { scale = m }
        }
        if largest <= tolerance * scale { break }
    }
    if realCoefficients { z = conjugateSymmetric(z, bits: bits) }
    return z
}

/// The roots made conjugate-symmetric: imaginary parts below 2^(−bits/2) of the scale become 0,
/// and each root with Im > 0 gives its exact conjugate to the nearest root with Im < 0.
func conjugateSymmetric(_ roots: [BigComplex], bits: Int) -> [BigComplex] {
    var z = roots
    let scale = z.reduce(BigFloat(1, precision: 64)) { m, x in
        let a = x.abs.rounded(toPrecision: 64)
        return a > m ? a : m
    }
    let tiny = BigFloat.powerOfTwo(-(bits / 2), precision: 64) * scale
    var used = Set<Int>()
    for i in z.indices where BigFloat.abs(z[i].im) <= tiny {
        z[i] = BigComplex(z[i].re, BigFloat(0, precision: z[i].re.precision))
        used.insert(i)
    }
    for i in z.indices where !used.contains(i) && z[i].im.sign > 0 {
        var best: Int?
        var bestDistance = BigFloat(Double.infinity, precision: 64)
        for j in z.indices where !used.contains(j) && j != i && z[j].im.sign < 0 {
            let d = (z[j] - z[i].conjugate).abs
            if d < bestDistance { bestDistance = d; best = j }
        }
        if let j = best {
            z[j] = z[i].conjugate
            used.insert(i)
            used.insert(j)
        }
    }
    return z
}
