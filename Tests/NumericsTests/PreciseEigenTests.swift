import ArbitraryPrecision
import ComplexModule
import KeldyshNumerics
import RealModule
import Testing
import TestSupport

@Suite("MPFR eigenvalues")
struct PreciseEigenTests {
    func bigCompanion(_ c: [Int], precision p: Int) -> DenseMatrix<BigComplex> {
        companion(c.map { BigComplex(BigFloat($0, precision: p)) },
                  zero: BigComplex(BigFloat(0, precision: p)), one: BigComplex(BigFloat(1, precision: p)),
                  negate: { -$0 })
    }

    /// Each expected value matched to the nearest computed one; returns the
    /// worst actual error and checks that the error estimate covers it.
    func check(_ result: PreciseEigenResult, against expected: [BigComplex]) -> Double {
        var worst = 0.0
        for e in expected {
            let best = result.eigenvalues.min { distance($0.value, e) < distance($1.value, e) }!
            let err = distance(best.value, e)
            #expect(err <= best.errorEstimate.toDouble(), "estimate \(best.errorEstimate) below actual error \(err)")
            worst = max(worst, err)
        }
        return worst
    }

    @Test func squareRootOfTwoTo100Digits() throws {
        // x² − 2 has roots ±√2; √2 from MPFR's correctly rounded sqrt.
        let p = BigFloat.bits(forDigits: 110)
        let result = try preciseEigenvalues(of: bigCompanion([-2, 0], precision: p), digits: 100)
        let r = BigFloat.sqrt(BigFloat(2, precision: p))
        #expect(check(result, against: [BigComplex(r), BigComplex(-r)]) < 1e-100)
        #expect(result.meetsRequestedDigits)
        // And the first 100 digits of √2 as published (OEIS A002193).
        let published = big("1.414213562373095048801688724209698078569671875376948073176679737990732478462107038850387534327641572", digits: 100)
        let positive = result.eigenvalues.max { $0.value.re < $1.value.re }!
        #expect(distance(positive.value.re, published) < 1e-99)
    }

    @Test func cubeRootsOfTwoTo100Digits() throws {
        // x³ − 2: roots 2^(1/3)·ω^k with ω = e^(2πi/3) = −1/2 + i√3/2.
        let p = BigFloat.bits(forDigits: 110)
        let result = try preciseEigenvalues(of: bigCompanion([-2, 0, 0], precision: p), digits: 100)
        let c = BigFloat.pow(BigFloat(2, precision: p), BigFloat(1, precision: p) / BigFloat(3, precision: p))
        let half = BigFloat(0.5, precision: p), s = BigFloat.sqrt(BigFloat(3, precision: p)) * half
        let expected = [BigComplex(c), BigComplex(-c * half, c * s), BigComplex(-c * half, -c * s)]
        #expect(check(result, against: expected) < 1e-100)
        #expect(result.meetsRequestedDigits)
        // 2^(1/3) = 1.259921049894873164767210607278228350570251464701507980081975112155299676513959483729396562436255094... (OEIS A002580)
        let published = big("1.2599210498948731647672106072782283505702514647015079800819751121552996765139594837293965624362550941", digits: 100)
        let real = result.eigenvalues.max { $0.value.re < $1.value.re }!
        #expect(distance(real.value.re, published) < 1e-99)
    }

    @Test func sixBySixAgreesWithExactSpectrumAndLapack() throws {
        let (a, d, _) = similarityTestMatrix()
        let result = try preciseEigenvalues(of: a, digits: 50)
        let p = result.workingPrecision
        let worst = check(result, against: d.map { BigComplex($0, precision: p) })
        #expect(worst < 1e-50)
        #expect(result.meetsRequestedDigits)
        let lapack = try a.eigen().values
        #expect(spectrumDistance(lapack, result.eigenvalues.map { $0.value.toComplexDouble() }) < 1e-9)
    }

    @Test func dampedRotationInArbitraryPrecision() throws {
        // [[−γ, ω], [−ω, −γ]] has spectrum −γ ± iω exactly; γ = 1/4, ω = 7/2 are exact binary numbers.
        let m = DenseMatrix([[Complex(-0.25, 0), Complex(3.5, 0)], [Complex(-3.5, 0), Complex(-0.25, 0)]])
        let result = try preciseEigenvalues(of: m, digits: 60)
        let p = result.workingPrecision
        let worst = check(result, against: [BigComplex(Complex(-0.25, 3.5), precision: p),
                                            BigComplex(Complex(-0.25, -3.5), precision: p)])
        #expect(worst < 1e-60)
        #expect(result.eigenvalues.allSatisfy { abs($0.condition - 1) < 1e-10 })  // normal matrix
    }

    @Test func defectiveEigenvalueReportsLargeError() throws {
        // A = V·J·V⁻¹ with J = [[1,1,0],[0,1,0],[0,0,2]] (Jordan block at 1 and
        // the simple eigenvalue 2), V = L·U, L = [[1,0,0],[1,1,0],[0,1,1]],
        // U = [[1,1,0],[0,1,1],[0,0,1]], V⁻¹ = U⁻¹L⁻¹ (integer, det V = 1),
        // multiplied out by hand: A = [[−1,2,−1],[−1,2,0],[2,−2,3]].
        // Rounding errors of size ε move a defective eigenvalue by ~√ε, so
        // the estimate must cover the actual error and not claim the digits.
        let rows: [[Double]] = [[-1, 2, -1], [-1, 2, 0], [2, -2, 3]]
        let m = DenseMatrix(rows.map { $0.map { Complex($0, 0) } })
        let result = try preciseEigenvalues(of: m, digits: 40)
        let p = result.workingPrecision
        let one = BigComplex(BigFloat(1, precision: p)), two = BigComplex(BigFloat(2, precision: p))
        _ = check(result, against: [one, one, two])
        #expect(!result.meetsRequestedDigits)
        let simple = result.eigenvalues.max { $0.value.re < $1.value.re }!
        #expect(distance(simple.value, two) < 1e-40)
    }
}
