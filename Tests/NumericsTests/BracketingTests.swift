import ArbitraryPrecision
import Foundation
import KeldyshNumerics
import Testing
import TestSupport

/// The Dottie number, the fixed point of cos: OEIS A003957 (110 digits).
let dottie = "0.73908513321516064165531208767387340401341175890075746496568063577328465488354759459937610693176653184980124664"

@Suite("Bracketing root finders")
struct BracketingTests {
    @Test func brentFindsDottieNumber() throws {
        let r = try brentRoot(in: 0...1) { cos($0) - $0 }
        // In Double, cos x − x happens to evaluate to exactly 0 at the last
        // iterate, which the result must then say (with f re-evaluated).
        if r.stop == .exactZero {
            #expect(r.lower == r.upper && cos(r.lower) - r.lower == 0)
        } else {
            #expect(r.stop == .toleranceReached && r.lower < r.upper && r.fLower * r.fUpper < 0)
        }
        #expect(abs(r.root - 0.7390851332151607) <= 2e-16)  // A003957 rounded to Double
        #expect(r.width <= 1e-15)
    }

    @Test func brentOnCubic() throws {
        // x³ − 2x − 5 = 0, Wallis's example; root 2.0945514815423265914823865405793029638573061056282391803041285...
        // (Whittaker & Robinson, The Calculus of Observations, §44).
        let r = try brentRoot(in: 2...3, absoluteTolerance: 1e-14) { $0 * $0 * $0 - 2 * $0 - 5 }
        #expect(abs(r.root - 2.0945514815423265) < 1e-14)
        #expect(r.stop == .toleranceReached && r.fLower < 0 && r.fUpper > 0)
        #expect(r.lower <= 2.0945514815423265 + 1e-15 && 2.0945514815423265 - 1e-15 <= r.upper)
    }

    @Test func brentEvaluatesOnlyNewPoints() throws {
        // The same cubic with its end values given (a grid's scan has them): f runs once per
        // iteration and never at a point already known, and the bracket's values are f's there.
        let cubic = { (x: Double) in x * x * x - 2 * x - 5 }
        var calls: [Double: Double] = [:]
        var repeated = 0
        let r = try brentRoot(in: 2...3, values: (cubic(2), cubic(3)), absoluteTolerance: 1e-14) { x in
            if calls[x] != nil || x == 2 || x == 3 { repeated += 1 }
            calls[x] = cubic(x)
            return cubic(x)
        }
        #expect(repeated == 0 && r.evaluations == calls.count && r.evaluations == r.iterations)
        #expect(r.fLower == cubic(r.lower) && r.fUpper == cubic(r.upper) && r.fLower < 0 && r.fUpper > 0)
        #expect(r.lower <= 2.0945514815423265 + 1e-15 && 2.0945514815423265 - 1e-15 <= r.upper)
        // Given values that do not bracket are refused like computed ones.
        #expect(throws: NumericsError.self) { try brentRoot(in: 2...3, values: (1, 2)) { cubic($0) } }
    }

    @Test func brentReportsNoSignChange() {
        // x² + 1 > 0 everywhere.
        #expect(throws: NumericsError.self) { try brentRoot(in: -1...2) { $0 * $0 + 1 } }
        do {
            _ = try brentRoot(in: -1...2) { $0 * $0 + 1 }
        } catch let NumericsError.noSignChange(a, fa, b, fb) {
            #expect(a == -1 && fa == 2 && b == 2 && fb == 5)
        } catch { Issue.record("unexpected error \(error)") }
    }

    @Test(arguments: [BracketingMethod.illinois, .bisection])
    func dottieTo60Digits(method: BracketingMethod) throws {
        let p = BigFloat.bits(forDigits: 70)
        let r = try preciseBracket(in: BigFloat(0, precision: p), BigFloat(1, precision: p), digits: 60, method: method) {
            BigFloat.cos($0) - $0
        }
        #expect(r.stop == .toleranceReached)
        #expect(r.fLower.sign > 0 && r.fUpper.sign < 0)  // cos x − x decreases: positive below the root
        let reference = big(dottie, digits: 110)
        #expect(r.lower <= reference && reference <= r.upper)
        #expect(r.width.toDouble() <= 1e-60)
        #expect(distance(r.root, reference) <= 1e-60)
    }

    @Test func illinoisIsFasterThanBisection() throws {
        // Bisection needs ≈ log2(10^60) ≈ 200 halvings; Illinois converges superlinearly.
        let p = BigFloat.bits(forDigits: 70)
        let f: (BigFloat) -> BigFloat = { BigFloat.cos($0) - $0 }
        let il = try preciseBracket(in: BigFloat(0, precision: p), BigFloat(1, precision: p), digits: 60, method: .illinois, f)
        let bi = try preciseBracket(in: BigFloat(0, precision: p), BigFloat(1, precision: p), digits: 60, method: .bisection, f)
        #expect(bi.iterations >= 199)
        #expect(il.iterations < 30)
    }

    @Test func preciseSqrtTwoAsRoot() throws {
        // x² − 2 on [1, 2]: the bracket must contain MPFR's √2.
        let p = BigFloat.bits(forDigits: 90)
        let r = try preciseBracket(in: BigFloat(1, precision: p), BigFloat(2, precision: p), digits: 80) { $0 * $0 - BigFloat(2, precision: p) }
        let s = BigFloat.sqrt(BigFloat(2, precision: p))
        #expect(r.lower <= s && s <= r.upper && r.width.toDouble() < 1e-79)
    }

    @Test func preciseNoSignChange() {
        let p = 128
        #expect(throws: NumericsError.self) {
            try preciseBracket(in: BigFloat(-1, precision: p), BigFloat(1, precision: p), digits: 30) { $0 * $0 + BigFloat(1, precision: p) }
        }
    }
}
