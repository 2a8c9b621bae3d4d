import Testing
import ArbitraryPrecision

@Suite("BigFloat")
struct BigFloatTests {
    let precision = BigFloat.bits(forDigits: 110)

    /// |x - reference| <= 10^-(digits) · |reference|, reference parsed at extra precision.
    func expectAgrees(_ x: BigFloat, _ reference: String, digits: Int,
                      sourceLocation: SourceLocation = #_sourceLocation) {
        let ref = BigFloat(reference, precision: precision + 64)!
        let tolerance = BigFloat.pow(BigFloat(10, precision: precision), -digits) * BigFloat.abs(ref)
        #expect(BigFloat.abs(x - ref) <= tolerance, "\(x) vs \(reference)", sourceLocation: sourceLocation)
    }

    @Test func constantsTo100Digits() {
        // 100 decimals of π, e, √2 and ln 2 from standard tables (OEIS A000796, A001113, A002193, A002162).
        expectAgrees(BigFloat.pi(precision: precision),
                     "3.1415926535897932384626433832795028841971693993751058209749445923078164062862089986280348253421170679",
                     digits: 100)
        expectAgrees(BigFloat.e(precision: precision),
                     "2.7182818284590452353602874713526624977572470936999595749669676277240766303535475945713821785251664274",
                     digits: 100)
        expectAgrees(BigFloat.sqrt(BigFloat(2, precision: precision)),
                     "1.4142135623730950488016887242096980785696718753769480731766797379907324784621070388503875343276415727",
                     digits: 100)
        expectAgrees(BigFloat.log(BigFloat(2, precision: precision)),
                     "0.6931471805599453094172321214581765680755001343602552541206800094933936219696947156058633269964186875",
                     digits: 100)
        // The same π digits must survive the printer.
        #expect(BigFloat.pi(precision: precision).toString(digits: 30) == "3.14159265358979323846264338328e0")
    }

    @Test func identitiesAt300Bits() {
        let p = 300
        let tol = BigFloat.pow(BigFloat(2, precision: p), -295)
        let one = BigFloat(1, precision: p)
        for s in ["0.001", "0.5", "1", "2.75", "37.5", "1e10", "-3.25"] {
            let x = BigFloat(s, precision: p)!
            if x.sign > 0 {
                // exp(log x) = x up to 2^-295 relative.
                #expect(BigFloat.abs(BigFloat.exp(BigFloat.log(x)) - x) <= tol * x, "exp(log \(s))")
            }
            let (sn, cs) = (BigFloat.sin(x), BigFloat.cos(x))
            #expect(BigFloat.abs(sn * sn + cs * cs - one) <= tol, "sin²+cos² at \(s)")
            if BigFloat.abs(x) < BigFloat(100, precision: p) {
                // tanh x = (e^{2x} - 1) / (e^{2x} + 1).
                let e2x = BigFloat.exp(x + x)
                let reference = (e2x - one) / (e2x + one)
                #expect(BigFloat.abs(BigFloat.tanh(x) - reference) <= tol, "tanh at \(s)")
            }
        }
        let x = BigFloat("0.7", precision: p)!
        #expect(BigFloat.abs(BigFloat.atan(BigFloat.tan(x)) - x) <= tol)
        #expect(BigFloat.abs(BigFloat.cosh(x) * BigFloat.cosh(x) - BigFloat.sinh(x) * BigFloat.sinh(x) - one) <= tol)
        #expect(BigFloat.abs(BigFloat.pow(x, BigFloat(3, precision: p)) - BigFloat.pow(x, 3)) <= tol)
        // atan2(1, -1) = 3π/4.
        let angle = BigFloat.atan2(y: one, x: -one)
        #expect(BigFloat.abs(angle - BigFloat.pi(precision: p) * BigFloat(3, precision: p) / BigFloat(4, precision: p)) <= tol)
    }

    @Test func copyOnWrite() {
        let original = BigFloat(1.5, precision: 200)
        var copy = original
        copy += BigFloat(1, precision: 200)
        #expect(original == BigFloat(1.5, precision: 200))
        #expect(copy == BigFloat(2.5, precision: 200))
        var other = original
        other.withUnsafeMutableMPFR { _ = mpfrNegate($0) }
        #expect(original.toDouble() == 1.5 && other.toDouble() == -1.5)
        var selfAdd = original
        selfAdd += selfAdd
        #expect(selfAdd.toDouble() == 3 && original.toDouble() == 1.5)
    }

    @Test func precisionAndConversions() {
        let a = BigFloat(1, precision: 100), b = BigFloat(1, precision: 300)
        #expect((a + b).precision == 300 && (b * a).precision == 300)
        var c = a
        c *= b
        #expect(c.precision == 300)
        #expect(BigFloat.pi(precision: 300).rounded(toPrecision: 53).toDouble() == Double.pi)
        #expect(BigFloat(BigRational(1, 3), precision: 53).toDouble() == 1.0 / 3.0)
        #expect(BigFloat(BigInt(2).power(200)).precision >= 201)
        #expect(BigFloat(0.1).toBigRational() == BigRational(exactly: 0.1))
        #expect(BigFloat("abc", precision: 64) == nil && BigFloat("1.5x", precision: 64) == nil)
        #expect(BigFloat("", precision: 64) == nil)
        #expect(BigFloat(-0.000125, precision: 64).toString(digits: 3) == "-1.25e-4")
        #expect(BigFloat(1, precision: 53).description == "1.0e0")
        #expect(BigFloat(0, precision: 53).toString(digits: 2) == "0.0e0")
        let nan = BigFloat(0, precision: 64) / BigFloat(0, precision: 64)
        #expect(nan.isNaN && !nan.isFinite && !(nan == nan) && nan.description == "nan")
        #expect((BigFloat(1, precision: 64) / BigFloat(0, precision: 64)).description == "inf")
        #expect(BigFloat(-2.0).sign == -1 && BigFloat(0.0).sign == 0 && BigFloat(0.0).isZero)
    }
}
