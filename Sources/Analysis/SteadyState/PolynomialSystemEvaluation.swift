import ArbitraryPrecision
import KeldyshNumerics
import Symbolic

/// A polynomial over ℚ evaluated three ways: in Double (the search), in MPFR (the polish) and
/// over balls (the proof: the ball holds the value at every point of the argument balls).
struct CompiledPolynomial {
    let terms: [(exponents: [Int], coefficient: BigRational)]
    let doubles: [Double]

    init(_ p: Polynomial) {
        terms = p.terms.map { ($0.exponents, $0.coefficient.re) }
        doubles = terms.map { $0.coefficient.toDouble() }
    }

    func value(_ x: [Double]) -> Double {
        var sum = 0.0
        for (t, c) in zip(terms, doubles) {
            var v = c
            for (k, e) in t.exponents.enumerated() where e > 0 { for _ in 0..<e { v *= x[k] } }
            sum += v
        }
        return sum
    }

    func value(_ x: [BigFloat], precision p: Int) -> BigFloat {
        var sum = BigFloat(0, precision: p)
        for t in terms {
            var v = BigFloat(t.coefficient, precision: p)
            for (k, e) in t.exponents.enumerated() where e > 0 { for _ in 0..<e { v = v * x[k] } }
            sum = sum + v
        }
        return sum
    }

    func value(_ x: [ComplexBall], bits: Int) -> ComplexBall {
        var sum = ComplexBall.zero
        for t in terms {
            var v = ComplexBall(t.coefficient)
            for (k, e) in t.exponents.enumerated() where e > 0 { for _ in 0..<e { v = (v * x[k]).rounded(bits: bits) } }
            sum = (sum + v).rounded(bits: bits)
        }
        return sum
    }
}

/// F and its Jacobian, compiled.
struct CompiledSystem {
    let f: [CompiledPolynomial]
    let j: [[CompiledPolynomial]]

    init(equations: [Polynomial], jacobian: [[Polynomial]]) {
        f = equations.map(CompiledPolynomial.init)
        j = jacobian.map { $0.map(CompiledPolynomial.init) }
    }

    var count: Int { f.count }

    func value(_ x: [Double]) -> [Double] { f.map { $0.value(x) } }

    func jacobian(_ x: [Double]) -> DenseMatrix<Double> {
        var m = DenseMatrix<Double>(rows: count, columns: count, repeating: 0)
        for i in 0..<count { for k in 0..<count { m[i, k] = j[i][k].value(x) } }
        return m
    }

    func value(_ x: [BigFloat], precision p: Int) -> [BigFloat] { f.map { $0.value(x, precision: p) } }

    func jacobian(_ x: [BigFloat], precision p: Int) -> DenseMatrix<BigFloat> {
        var m = DenseMatrix<BigFloat>(rows: count, columns: count, repeating: BigFloat(0, precision: p))
        for i in 0..<count { for k in 0..<count { m[i, k] = j[i][k].value(x, precision: p) } }
        return m
    }
}

/// Krawczyk's test: for X = [x̃ − r, x̃ + r]ⁿ and any nonsingular Y,
/// K(X) = x̃ − Y·F(x̃) + (1 − Y·J(X))·(X − x̃) ⊂ int X proves that F has exactly one zero in X
/// (Krawczyk 1969; Moore, Kearfott & Cloud, "Introduction to Interval Analysis", Thm. 8.2).
/// Y is a rational approximation of J(x̃)⁻¹ (from Double LU); everything else is exact or
/// ball arithmetic, so the inclusion is a proof.
func krawczykProves(_ system: CompiledSystem, at center: [BigRational], radius r: BigRational,
                    inverse y: [[BigRational]], bits: Int) -> Bool {
    let n = system.count
    let point = center.map { ComplexBall($0) }
    let box = center.map { ComplexBall($0, radius: r) }
    let fx = system.f.map { $0.value(point, bits: bits) }
    let jx = system.j.map { row in row.map { $0.value(box, bits: bits) } }
    for i in 0..<n {
        // K_i − x̃_i = −(Y F(x̃))_i + Σ_k (δ_ik − (Y J(X))_ik)·[−r, r]
        var k = ComplexBall.zero
        for m in 0..<n { k = (k - ComplexBall(y[i][m]) * fx[m]).rounded(bits: bits) }
        var spread = BigRational.zero
        for c in 0..<n {
            var yj = ComplexBall(i == c ? BigRational.one : .zero)
            for m in 0..<n { yj = (yj - ComplexBall(y[i][m]) * jx[m][c]).rounded(bits: bits) }
            spread += yj.magnitudeUpperBound
        }
        let reach = ComplexBall.l1(k.center) + k.radius + spread * r
        guard reach < r else { return false }
    }
    return true
}
