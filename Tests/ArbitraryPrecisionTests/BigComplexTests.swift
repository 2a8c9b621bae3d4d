import Testing
import ArbitraryPrecision
import ComplexModule

@Suite("BigComplex")
struct BigComplexTests {
    let p = 300

    func real(_ q: BigRational) -> BigFloat { BigFloat(q, precision: p) }

    /// |z - w| <= 2^-(p-8), a few ulps of slack for chained roundings.
    func close(_ z: BigComplex, _ w: BigComplex) -> Bool {
        (z - w).abs <= BigFloat.pow(BigFloat(2, precision: p), -(p - 8))
    }

    func c(_ re: BigRational, _ im: BigRational) -> BigComplex { BigComplex(real(re), real(im)) }

    @Test func eulerIdentity() {
        // Euler: e^{iπ} = -1.
        let z = BigComplex.exp(BigComplex(real(0), BigFloat.pi(precision: p)))
        #expect(close(z, c(-1, 0)))
    }

    @Test func division() {
        // (1+2i)/(3-4i) = (1+2i)(3+4i)/25 = -1/5 + 2/5 i (same as the exact GaussianRational test).
        let q = c(1, 2) / c(3, -4)
        #expect(close(q, c(BigRational(-1, 5), BigRational(2, 5))))
        #expect(close(q, BigComplex(GaussianRational(1, 2) / GaussianRational(3, -4), precision: p)))
    }

    @Test func elementaryFunctionIdentities() {
        let zs = [c(BigRational(1, 2), BigRational(3, 4)), c(-2, BigRational(1, 3)), c(-3, -1), c(0, 2)]
        for z in zs {
            #expect(close(BigComplex.exp(BigComplex.log(z)), z), "exp(log z) at \(z)")
            let r = BigComplex.sqrt(z)
            #expect(close(r * r, z) && r.re.sign >= 0, "sqrt at \(z)")
            let (s, co) = (BigComplex.sin(z), BigComplex.cos(z))
            #expect(close(s * s + co * co, c(1, 0)), "sin²+cos² at \(z)")
            // tanh z = (e^{2z} - 1)/(e^{2z} + 1).
            let e2z = BigComplex.exp(z + z)
            #expect(close(BigComplex.tanh(z), (e2z - c(1, 0)) / (e2z + c(1, 0))), "tanh at \(z)")
            #expect(close(BigComplex.pow(z, 3), z * z * z))
            #expect(close(BigComplex.pow(z, -2) * z * z, c(1, 0)))
        }
        // Principal branch on the negative real axis: sqrt(-4) = 2i.
        #expect(close(BigComplex.sqrt(c(-4, 0)), c(0, 2)))
    }

    @Test func conversionsAndBasics() {
        let z = Complex<Double>(0.25, -1.5)
        #expect(BigComplex(z, precision: 80).toComplexDouble() == z)
        // |3 + 4i| = 5.
        #expect(c(3, 4).abs == BigFloat(5, precision: p))
        #expect(close(c(3, 4).conjugate, c(3, -4)))
        #expect(close(BigComplex.i(precision: p) * BigComplex.i(precision: p), c(-1, 0)))
        #expect(c(1, -2).description.contains(" - "))
    }
}
