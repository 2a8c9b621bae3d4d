import Testing
@testable import Symbolic

/// `cancelledByWord`: coefficients of each Grassmann word cancelled as rational functions.
/// Expected values by hand.
@Suite("Cancel by Grassmann word")
struct CancelByWordTests {
    let psi = Expr.symbol(Symbol("psi", [], commutation: .grassmann))
    let chi = Expr.symbol(Symbol("chi", [], commutation: .grassmann))
    let w = Expr.symbol("w"), k = Expr.symbol("k")

    @Test func coefficientsOfOneWordCancel() {
        // ψχ(1 − w/(w + k)) − ψχ k/(w + k) = 0, and −χψ is the same word as ψχ with the sign.
        let e = psi * chi * (1 - w / (w + k)) + chi * psi * k / (w + k)
        #expect(e.expand().isZero == false)
        #expect(e.cancelledByWord().isZero)
    }

    @Test func differentWordsStayApart() {
        // w/(w k) ψ + χ/k: two words, each coefficient 1/k.
        let e = w / (w * k) * psi + chi / k
        let r = e.cancelledByWord()
        #expect((r - (psi / k + chi / k)).expand().isZero)
        #expect(r.coefficient(ofTerm: psi) != .zero)
    }

    @Test func commutingInputIsCancel() {
        let e = (w * w - k * k) / (w - k)
        #expect(e.cancelledByWord() == e.cancel())
    }
}
