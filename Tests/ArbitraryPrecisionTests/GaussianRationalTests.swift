import Testing
import ArbitraryPrecision

@Suite("GaussianRational")
struct GaussianRationalTests {
    typealias G = GaussianRational

    @Test func iSquaredIsMinusOne() {
        #expect(G.i * G.i == -1)
        #expect(G.i.power(4) == 1 && G.i.power(-1) == -G.i)
    }

    @Test func division() {
        // (1+2i)/(3-4i) = (1+2i)(3+4i)/25 = (-5+10i)/25 = -1/5 + 2/5 i.
        let q = G(1, 2) / G(3, -4)
        #expect(q == G(BigRational(-1, 5), BigRational(2, 5)))
        #expect(q * G(3, -4) == G(1, 2))
        #expect(G(3, 6) / G(3) == G(1, 2))
    }

    @Test func conjugateAndNorm() {
        let z = G(BigRational(3, 2), -2)
        #expect(z.conjugate == G(BigRational(3, 2), 2))
        // |3/2 - 2i|² = 9/4 + 4 = 25/4.
        #expect(z.norm == BigRational(25, 4))
        #expect(z * z.conjugate == G(z.norm))
    }

    @Test func power() {
        // (1+i)^2 = 2i, so (1+i)^8 = (2i)^4 = 16 and (1+i)^-2 = -i/2.
        #expect(G(1, 1).power(2) == G(0, 2))
        #expect(G(1, 1).power(8) == 16)
        #expect(G(1, 1).power(-2) == G(0, BigRational(-1, 2)))
        #expect(G(5, 7).power(0) == 1)
    }

    @Test func description() {
        #expect(G(BigRational(3, 2)).description == "3/2")
        #expect(G(0, 2).description == "2i")
        #expect(G(1, 2).description == "1 + 2i")
        #expect(G(BigRational(-1, 2), BigRational(-3, 4)).description == "-1/2 - 3/4i")
        #expect(G.i.description == "i" && (-G.i).description == "-i" && G.zero.description == "0")
    }
}
