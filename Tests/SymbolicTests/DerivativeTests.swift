import Testing
import ArbitraryPrecision
import ComplexModule
@testable import Symbolic

/// Derivatives against hand results, finite differences (Double) and complex-step
/// differentiation at high precision (MPFR).
@Suite struct DerivativeTests {
    let xs = Symbol("x", [.real])
    var x: Expr { .symbol(xs) }
    let y = Expr.symbol("y")

    @Test func handResults() {
        // d/dx (x³ + sin x) = 3x² + cos x.
        #expect((Expr.pow(x, 3) + Expr.sin(x)).derivative(xs) == 3 * Expr.pow(x, 2) + Expr.cos(x))
        // d/dx exp(x²) = 2x exp(x²).
        #expect(Expr.exp(Expr.pow(x, 2)).derivative(xs) == 2 * x * Expr.exp(Expr.pow(x, 2)))
        // d/dx log(x) = 1/x; d/dx (y x) = y; d/dx y = 0.
        #expect(Expr.log(x).derivative(xs) == Expr.pow(x, -1))
        #expect((y * x).derivative(xs) == y)
        #expect(y.derivative(xs) == 0)
        // θ'(x) = δ(x); |x|' = sign(x) for real x; d/dx tanh x = 1 − tanh² x.
        #expect(Expr.theta(x).derivative(xs) == Expr.diracDelta(x))
        #expect(Expr.abs(x).derivative(xs) == Expr.sign(x))
        #expect(Expr.tanh(x).derivative(xs) == 1 - Expr.pow(Expr.tanh(x), 2))
        // sqrt is a power: d/dx √x = (1/2) x^(−1/2).
        #expect(Expr.sqrt(x).derivative(xs) == Expr.half * Expr.pow(x, -Expr.half))
        // x^x: d = x^x (log x + 1).
        #expect(Expr.pow(x, x).derivative(xs) == Expr.pow(x, x) * (Expr.log(x) + 1))
    }

    @Test func userFunctionsGetSlotDerivatives() {
        let f = Symbol.function("F")
        // d/dx F(x²) = 2x · F'(x²).
        #expect(f(Expr.pow(x, 2)).derivative(xs) == 2 * x * Expr.slotDerivative(f(Expr.pow(x, 2)), slot: 1))
        // Mixed partials commute: ∂_x ∂_y F(x, y) = ∂_y ∂_x F(x, y).
        let ys = Symbol("y")
        let fxy = f(x, y)
        #expect(fxy.derivative(xs).derivative(ys) == fxy.derivative(ys).derivative(xs))
        // d/dx ∫₀^x F(w) dw = F(x) (Leibniz integral rule).
        let w = Symbol("w", [.real])
        #expect(Expr.integral(f(.symbol(w)), w, from: 0, to: x).derivative(xs) == f(x))
    }

    @Test func operatorOrderIsKept() {
        let a = Symbol.function("A", commutation: .operator(space: 0))
        let b = Symbol.function("B", commutation: .operator(space: 0))
        let ts = Symbol("t", [.real])
        let t = Expr.symbol(ts)
        // d/dt [A(t) B(t)] = A'(t) B(t) + A(t) B'(t), in this order.
        let expected = Expr.slotDerivative(a(t), slot: 1) * b(t) + a(t) * Expr.slotDerivative(b(t), slot: 1)
        #expect((a(t) * b(t)).derivative(ts) == expected)
        #expect((a(t) * b(t)).derivative(ts) != Expr.slotDerivative(a(t), slot: 1) * b(t) + Expr.slotDerivative(b(t), slot: 1) * a(t))
        // d/dt [A(t)²] = A' A + A A'.
        #expect(Expr.pow(a(t), 2).derivative(ts)
                == Expr.slotDerivative(a(t), slot: 1) * a(t) + a(t) * Expr.slotDerivative(a(t), slot: 1))
    }

    @Test func grassmannLeftDerivative() {
        let psiS = Symbol("psi", commutation: .grassmann)
        let psi = Expr.symbol(psiS)
        let chi = Expr.symbol(Symbol("chi", commutation: .grassmann))
        let eta = Expr.symbol(Symbol("eta", commutation: .grassmann))
        // ∂/∂ψ (χ ψ) = −χ;  ∂/∂ψ (ψ χ) = χ;  ∂/∂ψ (y χ η ψ) = y χ η (ψ passes two odd factors).
        #expect((chi * psi).derivative(psiS) == -chi)
        #expect((psi * chi).derivative(psiS) == chi)
        #expect((y * chi * eta * psi).derivative(psiS) == y * chi * eta)
        // ∂/∂ψ exp(ψ χ) = ∂/∂ψ (1 + ψχ) = χ·exp(ψχ) with exp(ψχ) even.
        #expect(Expr.exp(psi * chi).derivative(psiS) == chi * Expr.exp(psi * chi))
    }

    @Test func wirtingerIdentities() {
        let zs = Symbol("z")
        let z = Expr.symbol(zs), zb = Expr.conj(z)
        // ∂_z (z z̄ + z²) = z̄ + 2z;  ∂_z̄ (z z̄ + z²) = z.
        #expect((z * zb + Expr.pow(z, 2)).wirtingerDerivative(zs) == zb + 2 * z)
        #expect((z * zb + Expr.pow(z, 2)).conjugateWirtingerDerivative(zs) == z)
        // ∂_z conj(z) = 0, ∂_z̄ z = 0.
        #expect(zb.wirtingerDerivative(zs) == 0)
        #expect(z.conjugateWirtingerDerivative(zs) == 0)
        // ∂_z |z|² = z̄ with |z|² written through abs.
        #expect(Expr.pow(Expr.abs(z), 2).wirtingerDerivative(zs) == zb)
        // re z = (z + z̄)/2, im z = (z − z̄)/(2i): ∂_z re z = 1/2, ∂_z im z = −i/2, ∂_z̄ im z = i/2.
        #expect(Expr.re(z).wirtingerDerivative(zs) == Expr.half)
        #expect(Expr.im(z).wirtingerDerivative(zs) == -Expr.i / 2)
        #expect(Expr.im(z).conjugateWirtingerDerivative(zs) == Expr.i / 2)
        // ∂_z̄ exp(z̄²) = 2 z̄ exp(z̄²).
        #expect(Expr.exp(Expr.pow(zb, 2)).conjugateWirtingerDerivative(zs) == 2 * zb * Expr.exp(Expr.pow(zb, 2)))
    }

    var samples: [Expr] {
        [Expr.tanh(x) * Expr.exp(x), Expr.atan(Expr.pow(x, 2)), Expr.log(1 + Expr.pow(x, 2)) * Expr.sin(x),
         Expr.sqrt(1 + Expr.pow(x, 2)), Expr.cosh(x) / (2 + x), Expr.pow(Expr.tan(x / 3), 3) + Expr.sinh(x * x),
         Expr.pow(2 + Expr.cos(x), x)]
    }

    @Test func finiteDifferencesInDouble() throws {
        // Central differences: error ~ h² f''' / 6 + ε/h ≈ 1e-9 for h = 1e-5.
        var rng = SplitMix64(seed: 11)
        let h = 1e-5
        for f in samples {
            let df = f.derivative(xs)
            for _ in 0..<3 {
                let x0 = rng.uniform(-1.2, 1.2)
                let at = { (v: Double) throws in try f.evaluate([self.xs: Complex(v, 0)]) }
                let numeric = (try at(x0 + h) - (try at(x0 - h))) / Complex(2 * h, 0)
                let exact = try df.evaluate([xs: Complex(x0, 0)])
                let relative = (numeric - exact).length / max(1, exact.length)
                #expect(relative < 1e-7, "f #\(f.id) at x = \(x0): symbolic \(exact), numeric \(numeric)")
            }
        }
    }

    @Test func complexStepAtHundredDigits() throws {
        // Complex step: for f real-analytic and real x, f'(x) = Im f(x + ih)/h + O(h²).
        // With h = 10⁻⁶⁰ the truncation error is ~10⁻¹²⁰, and 800 bits keep the ~10⁻⁶⁰-sized
        // imaginary part to well over 100 digits.
        let bits = 800
        let h = BigFloat.pow(BigFloat(10, precision: bits), -60)
        var rng = SplitMix64(seed: 5)
        let tolerance = BigFloat.pow(BigFloat(10, precision: bits), -100)
        for f in samples {
            let df = f.derivative(xs)
            let x0 = BigFloat(rng.uniform(-1.2, 1.2), precision: bits)
            let stepped = try f.evaluate([xs: BigComplex(x0, h)], precision: bits)
            let exact = try df.evaluate([xs: BigComplex(x0)], precision: bits)
            let numeric = stepped.im / h
            let relative = BigFloat.abs(numeric - exact.re) / BigFloat.abs(exact.re)
            #expect(relative < tolerance, "f #\(f.id): relative difference \(relative.toDouble())")
        }
    }
}


