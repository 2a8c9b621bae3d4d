import Testing
import Symbolic
@testable import Derivations

/// The numeric half of `keldysh verify` on expressions of a Keldysh calculation: user functions
/// (distribution functions) and integrals, through `Comparison` and through a manifest.
@Suite("Verify: user functions and integrals")
struct VerifyNumericCheckTests {
    let omega = Expr.symbol("ω", [.real]), omega0 = Expr.symbol("ω0", [.real]), kappa = Expr.symbol("κ", [.positive])
    let F = Symbol.function("F_Ψ", [.real])

    @Test func keldyshRelationIsCheckedBothWays() {
        // Paper 000 (A20): (G^R − G^A) F_Ψ with G^{R/A} = 1/(ω − ω₀ ± iκ) is −2iκF_Ψ/((ω − ω₀)² + κ²).
        let derived = (1 / (omega - omega0 + Expr.i * kappa) - 1 / (omega - omega0 - Expr.i * kappa)) * F(omega)
        let printed = -2 * Expr.i * kappa * F(omega) / (Expr.pow(omega - omega0, 2) + Expr.pow(kappa, 2))
        let c = Comparison(derived: derived, printed: printed, seed: Comparison.seed("A20"))
        #expect(c.symbolic && c.numeric == true && c.numericDigits == 100 && c.numericNote == nil)
        let wrong = Comparison(derived: derived, printed: -printed, seed: Comparison.seed("A20"))
        #expect(!wrong.agrees && wrong.numeric == false && wrong.maxRelativeDifference != "-")
    }

    @Test func integralsAreComparedByQuadrature() {
        // ∫ dν F_Ψ(ν) κ/π/((ν − ω₀)² + κ²) against itself under ν = ω₀ + κu: no symbolic rule
        // does the substitution, the numeric check at 100 digits does.
        let nu = Symbol("ν", [.real]), u = Symbol("u", [.real])
        let line = { (body: Expr, s: Symbol) in Expr.integral(body, s, from: Expr.neg(.infinity), to: .infinity) }
        let derived = line(F(.symbol(nu)) * kappa / (Expr.pi * (Expr.pow(.symbol(nu) - omega0, 2) + Expr.pow(kappa, 2))), nu)
        let printed = line(F(omega0 + kappa * .symbol(u)) / (Expr.pi * (1 + Expr.pow(.symbol(u), 2))), u)
        let c = Comparison(derived: derived, printed: printed, seed: Comparison.seed("conv"))
        #expect(!c.symbolic && c.numeric == true && c.agrees && c.numericDigits == 100)
        // A δ under the integral has no numeric verdict, and says why.
        let sifted = line(Expr.diracDelta(.symbol(nu) - omega0) * F(.symbol(nu)), nu)
        let refused = Comparison(derived: sifted, printed: F(omega0), seed: Comparison.seed("delta"))
        #expect(refused.numeric == nil && refused.numericNote?.contains("Dirac δ") == true)
    }

    @Test func theReportSaysHowManyDigitsQuadratureVerified() throws {
        // A step's values with integrals, transcribed by their closed forms: the unit area of a
        // Lorentzian (100 digits), and a double integral ∫₀¹dx ∫₀ˣdy κ = κ/2, which quadrature
        // verifies to fewer digits; the report says how many, in text and JSON. Half the area,
        // transcribed as the area, differs.
        let report = try verifyDerivation(directory: try VerifyTests().folder("""
            model model.kd
            meanfield M: a; values area = integral(kappa/pi/((w - wc)^2 + kappa^2), w, -oo, oo), nested = integral(integral(kappa, y, 0, x), x, 0, 1), half = 1/2
            value M.area = 1
            value M.nested = kappa/2
            value M.half = integral(kappa/pi/((w - wc)^2 + kappa^2), w, -oo, oo)
            """))
        let (area, nested, half) = (report.items[0], report.items[1], report.items[2])
        #expect(area.status == .identical && area.numeric == true && area.numericDigits == 100)
        #expect(nested.status == .identical && nested.numeric == true)
        #expect(nested.numericDigits >= 10 && nested.numericDigits < 100)
        #expect(half.status == .differs && half.numeric == false)
        let lines = report.text.split(separator: "\n").map(String.init)
        #expect(lines[1].contains("numeric at 100 digits, 3 points: equal"))
        #expect(lines[2].contains("numeric at \(nested.numericDigits) digits, 3 points: equal"))
        // JSON: the digits appear, for the item and its entry, only where they are fewer than 100.
        #expect(report.json.contains("\"numericDigits\": \(nested.numericDigits)"))
        #expect(report.json.components(separatedBy: "numericDigits").count == 3)
    }

    @Test func integralsWrittenDifferentlyAreJoinedAndCheckedByIntegrands() {
        // c/(4π) ∫dν G(ν)H(ω − ν) + tree against tree + ∫dμ c G(μ)H(ω − μ)/(4π): one value (by hand:
        // a constant moved under the integral, the variable renamed). The random G, H tend to
        // constants, so neither integral has a value: the numeric check is by integrands, and says so.
        let G = Symbol.function("G_cmp"), H = Symbol.function("H_cmp")
        let nu = Symbol("ν_cmp", [.real]), mu = Symbol("μ_cmp", [.real]), c = Expr.symbol("c_cmp", [.real])
        let line = { (body: Expr, s: Symbol) in Expr.integral(body, s, from: Expr.neg(.infinity), to: .infinity) }
        let tree = (omega - omega0 + Expr.i * kappa) / 2
        let derived = c / (4 * Expr.pi) * line(G(.symbol(nu)) * H(omega - .symbol(nu)), nu) + tree
        let printed = tree + line(c * G(.symbol(mu)) * H(omega - .symbol(mu)) / (4 * Expr.pi), mu)
        let same = Comparison(derived: derived, printed: printed, seed: Comparison.seed("join"))
        #expect(same.symbolic && same.symbolicMethod == "integrals joined")
        #expect(same.numeric == true && same.numericMethod == "by integrands" && same.numericDigits == 100)
        // H(μ − ω) in place of H(ω − μ): a different integrand, nonzero symbolically and numerically.
        let swapped = tree + line(c * G(.symbol(mu)) * H(.symbol(mu) - omega) / (4 * Expr.pi), mu)
        let wrong = Comparison(derived: derived, printed: swapped, seed: Comparison.seed("join"))
        #expect(!wrong.symbolic && wrong.numeric == false && wrong.numericMethod == "by integrands")
    }

    @Test func realPartsOfNonRealNamesCompareSymbolically() {
        // Paper 000 A60 with X = i(g/2)G, G complex: (ω₀ − μ) re(ψ) − re(i g G/2) against
        // (ω₀ − μ)(ψ + ψ̄)/2 + (g/2) im(G) (by hand: re(i z) = −im z). Only the conjugate form cancels.
        let psi = Expr.symbol("ψ_cmp"), gK = Expr.symbol("G_cmp0"), g = Expr.symbol("g_cmp", [.positive])
        let derived = (omega0 - omega) * Expr.re(psi) - Expr.re(Expr.i * g * gK / 2)
        let printed = (omega0 - omega) * (psi + Expr.conj(psi)) / 2 + g / 2 * Expr.im(gK)
        let c = Comparison(derived: derived, printed: printed, seed: Comparison.seed("A60"))
        #expect(c.symbolic && c.symbolicMethod == "re/im by conjugates" && c.numeric == true && c.numericMethod == nil)
        // A61's sign slip, −im in place of +im: nonzero both ways, the difference printed as it was.
        let slip = Comparison(derived: derived, printed: printed - g * Expr.im(gK), seed: Comparison.seed("A60"))
        #expect(!slip.symbolic && slip.symbolicMethod == nil && slip.numeric == false)
    }
}
