import ArbitraryPrecision
import KeldyshNumerics
import Symbolic
import Testing

/// Identities with integrals checked by quadrature at two precisions (`NumericIdentityCheck`).
/// Every closed form is derived in the test's comment (residues, Fourier transforms, the
/// fundamental theorem); the random smooth functions stand for the distribution functions of a
/// Keldysh calculation, so those identities hold for every F and are compared with themselves
/// under a change of variables.
@Suite("Numeric identities with integrals")
struct NumericIdentityCheckTests {
    let nu = Symbol("ν", [.real]), u = Symbol("u", [.real])
    let w0 = Expr.symbol("ω0", [.real]), omega = Expr.symbol("ω", [.real]), a = Expr.symbol("a", [.real])
    let kappa = Expr.symbol("κ", [.positive]), kappa2 = Expr.symbol("κ2", [.positive])
    let F = Symbol.function("F", [.real])
    var v: Expr { .symbol(nu) }

    /// κ/π/(x² + κ²): the Lorentzian of width κ and unit area.
    func lorentzian(_ x: Expr, _ k: Expr) -> Expr { k / (Expr.pi * (Expr.pow(x, 2) + Expr.pow(k, 2))) }
    func overLine(_ body: Expr, _ s: Symbol) -> Expr { Expr.integral(body, s, from: Expr.neg(.infinity), to: .infinity) }
    func check(_ a: Expr, _ b: Expr, samples: Int = 3, seed: UInt64, budget: Int = NumericIdentityCheck.defaultBudget)
        throws -> NumericIdentityCheck {
        try NumericIdentityCheck.run(a, b, digits: 100, samples: samples, seed: seed, budget: budget)
    }

    @Test func lorentzianHasUnitArea() throws {
        // ∫ dν κ/π/((ν − ω₀)² + κ²) = (1/π)[atan((ν − ω₀)/κ)] from −∞ to ∞ = 1.
        let area = overLine(lorentzian(v - w0, kappa), nu)
        let r = try check(area, 1, seed: 11)
        #expect(r.equal && r.digits == 100, "\(r)")
        #expect(r.maxRelativeDifference < BigFloat.pow(BigFloat(10, precision: 400), -100))
        #expect(r.integrandEvaluations > 0)
        // Half of it, and the width typed as κ² in the numerator, are caught.
        #expect(try !check(area, Expr.half, seed: 11).equal)
        let wrong = overLine(Expr.pow(kappa, 2) / (Expr.pi * (Expr.pow(v - w0, 2) + Expr.pow(kappa, 2))), nu)
        #expect(try !check(wrong, 1, seed: 11).equal)
    }

    @Test func lorentziansConvolveToALorentzian() throws {
        // The Fourier transform of κ/π/(x² + κ²) is e^{−κ|t|}; a convolution multiplies the
        // transforms, e^{−κ|t|}e^{−κ₂|t|} = e^{−(κ+κ₂)|t|}, so ∫dν L_κ(ν − ω₀) L_κ₂(ω − ν) = L_{κ+κ₂}(ω − ω₀).
        let convolution = overLine(lorentzian(v - w0, kappa) * lorentzian(omega - v, kappa2), nu)
        #expect(try check(convolution, lorentzian(omega - w0, kappa + kappa2), seed: 12).equal)
        // The widths subtracted (a common slip) differ.
        #expect(try !check(convolution, lorentzian(omega - w0, Expr.abs(kappa - kappa2)), seed: 12).equal)
    }

    @Test func retardedTimesAdvancedByResidues() throws {
        // ∫ dν 1/((ν − ω₀ + iκ)(ν − ω − iκ₂)): poles at ω₀ − iκ (lower) and ω + iκ₂ (upper); the
        // integrand falls off as 1/ν², so closing above gives 2πi/(ω + iκ₂ − ω₀ + iκ). A complex
        // integrand: real and imaginary parts are integrated separately.
        let gr = 1 / (v - w0 + Expr.i * kappa), ga = 1 / (v - omega - Expr.i * kappa2)
        let closed = 2 * Expr.pi * Expr.i / (omega - w0 + Expr.i * (kappa + kappa2))
        #expect(try check(overLine(gr * ga, nu), closed, seed: 13).equal)
        // Closing in the wrong half-plane gives the opposite sign: caught.
        #expect(try !check(overLine(gr * ga, nu), -closed, seed: 13).equal)
    }

    @Test func distributionFunctionAgainstALorentzianUnderAChangeOfVariables() throws {
        // ∫ dν F(ν) L_κ(ν − ω₀) with ν = ω₀ + κu is ∫ du F(ω₀ + κu)/(π(1 + u²)), for every F.
        let frequency = overLine(Expr.apply(F, [v]) * lorentzian(v - w0, kappa), nu)
        let scaled = overLine(Expr.apply(F, [w0 + kappa * .symbol(u)]) / (Expr.pi * (1 + Expr.pow(.symbol(u), 2))), u)
        let r = try check(frequency, scaled, seed: 14)
        #expect(r.equal && r.digits == 100, "\(r)")
        // Forgetting the scale of the substitution (F(ω₀ + u)) is caught by the random F.
        let unscaled = overLine(Expr.apply(F, [w0 + .symbol(u)]) / (Expr.pi * (1 + Expr.pow(.symbol(u), 2))), u)
        #expect(try !check(frequency, unscaled, seed: 14).equal)
    }

    @Test func derivativesOfUserFunctionsUnderAFiniteIntegral() throws {
        // ∫_a^{a+κ} F'(ν) dν = F(a + κ) − F(a), the fundamental theorem; F' is the closed-form
        // derivative of the random function, so the check also tests it against F.
        let integral = Expr.integral(Expr.slotDerivative(Expr.apply(F, [v]), slot: 1), nu, from: a, to: a + kappa)
        let ends = Expr.apply(F, [a + kappa]) - Expr.apply(F, [a])
        #expect(try check(integral, ends, seed: 15).equal)
        #expect(try !check(integral, -ends, seed: 15).equal)
    }

    @Test func nestedIntegralsClaimFewerDigits() throws {
        // ∫₀¹dx ∫₀ˣdy F'(y) = ∫₀¹dx (F(x) − F(0)); a double integral aims at 20 digits (and 30 for
        // the comparison), so the check claims what the two precisions verified, fewer than 100.
        let x = Symbol("x", [.real]), y = Symbol("y", [.real])
        let inner = Expr.integral(Expr.slotDerivative(Expr.apply(F, [.symbol(y)]), slot: 1), y, from: 0, to: .symbol(x))
        let nested = Expr.integral(inner, x, from: 0, to: 1)
        let flat = Expr.integral(Expr.apply(F, [.symbol(x)]) - Expr.apply(F, [0]), x, from: 0, to: 1)
        let r = try check(nested, flat, samples: 1, seed: 16)
        #expect(r.equal && r.digits >= NumericIdentityCheck.nestedDigits && r.digits < 100, "\(r)")
        // The inner limit doubled: wrong, and caught at the digits verified.
        let doubled = Expr.integral(Expr.integral(Expr.slotDerivative(Expr.apply(F, [.symbol(y)]), slot: 1), y,
                                                  from: 0, to: 2 * .symbol(x)), x, from: 0, to: 1)
        #expect(try !check(doubled, flat, samples: 1, seed: 16).equal)
    }

    @Test func twoPrecisionsBoundTheDigitsClaimed() throws {
        // ∫_a^{a+1} dν (ν − a)^(−1/2) = [2(ν − a)^(1/2)] = 2. The singular endpoint a ≠ 0 is seen
        // through nodes rounded to the working precision, so quadrature loses about half the
        // digits: the two precisions agree on fewer than 100, the check claims only those, and
        // against the exact 2 the claim holds (equal at that many digits).
        let singular = Expr.integral(Expr.pow(v - a, Expr.rational(-1, 2)), nu, from: a, to: a + 1)
        let r = try check(singular, 2, seed: 17)
        #expect(r.equal && r.digits >= NumericIdentityCheck.minimumDigits && r.digits < 100, "\(r)")
    }

    @Test func quadratureThatCannotConvergeIsNotEvaluable() throws {
        // ∫_{−3}^{3} |ν − a| dν = ((3 − a)² + (3 + a)²)/2 = 9 + a² for |a| ≤ 3; the kink at ν = a
        // keeps the double-exponential rule at O(h²), so both precisions stop at the last level
        // with the same error: their agreement alone would overstate it, the error estimates do
        // not, and there is no verdict.
        let kink = Expr.integral(Expr.abs(v - a), nu, from: -3, to: 3)
        #expect {
            try check(kink, 9 + Expr.pow(a, 2), samples: 1, seed: 18)
        } throws: { error in
            guard case .quadrature(let reason) = error as? EvaluationError else { return false }
            return reason.contains("reached only")
        }
    }

    @Test func theBudgetBoundsTheWork() throws {
        // 100 integrand evaluations cannot reach 100 digits: not evaluable, with the reason.
        #expect {
            try check(overLine(lorentzian(v - w0, kappa), nu), 1, seed: 19, budget: 100)
        } throws: { error in
            guard case .quadrature(let reason) = error as? EvaluationError else { return false }
            return reason.contains("budget of 100")
        }
    }

    @Test func aDiracDeltaUnderTheIntegralIsRefused() throws {
        // ∫ δ(ν − ω₀) F(ν) dν = F(ω₀), but quadrature sees δ as 0 at every node: refused.
        let sifted = overLine(Expr.diracDelta(v - w0) * Expr.apply(F, [v]), nu)
        #expect {
            try check(sifted, Expr.apply(F, [w0]), seed: 20)
        } throws: { error in
            guard case .quadrature(let reason) = error as? EvaluationError else { return false }
            return reason.contains("δ")
        }
    }

    @Test func withoutIntegralsItIsNumericallyEqual() throws {
        // The same points and the same numbers as the Symbolic check, so reports without
        // integrals do not change: (F(ω) + ω)² against its expansion.
        let f = Expr.apply(F, [omega])
        let lhs = Expr.pow(f + omega, 2), rhs = Expr.pow(f, 2) + 2 * f * omega + Expr.pow(omega, 2)
        let r = try check(lhs, rhs, seed: 21)
        let s = try Expr.numericallyEqual(lhs, rhs, digits: 100, samples: 3, seed: 21)
        #expect(r.equal && s.equal && r.digits == 100 && r.integrandEvaluations == 0)
        #expect(r.maxRelativeDifference == s.maxRelativeDifference)
    }
}
