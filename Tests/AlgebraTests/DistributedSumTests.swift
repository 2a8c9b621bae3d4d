import Testing
import TestSupport
import ArbitraryPrecision
import Symbolic
@testable import Algebra

/// DistributedSum against the core's canonical sums (the second method): the same terms
/// added one by one, many cancelling, in sums short enough for the linear scan and long
/// enough for the index; and products against `distribute` of the product.
@Suite("DistributedSum: distributed coefficients")
struct DistributedSumTests {
    let xs = (0..<60).map { Expr.symbol("x\($0)", [.real]) }
    let N = Expr.symbol("N", [.positive])

    @Test func sumsMatchCanonicalSums() {
        var rng = SplitMix64(seed: 7)
        for length in [3, 20, 200] {
            var sum = DistributedSum()
            var reference: [Expr] = []
            let products = MonomialProducts()
            for _ in 0..<length {
                // Monomials drawn from few enough that terms collide and cancel.
                let m = Expr.mul(xs[rng.next(min(length / 2 + 1, xs.count))], xs[rng.next(3)])
                let q = GaussianRational(BigRational(BigInt(rng.nextSigned(3)), BigInt(1 + rng.next(2))),
                                         BigRational(BigInt(rng.nextSigned(1))))
                sum.add(m, .zero, q)
                reference.append(Expr.mul(Expr.number(q), m))
                // Take some terms out again by adding their negatives.
                if rng.next(4) == 0 {
                    sum.add(m, .zero, -q)
                    reference.append(Expr.mul(Expr.number(-q), m))
                }
            }
            #expect(sum.expr(products) == Expr.add(reference), "\(length) terms")
        }
    }

    @Test func productsMatchDistribute() {
        var products = MonomialProducts(separating: N)
        let (a, b, c) = (xs[0], xs[1], xs[2])
        let e = (a + 2 * b) * Expr.pow(N, Expr.rational(-1, 2))
        let f = (Expr.i * a - c / 3) * N + Expr.sqrt(2) * b
        let p = DistributedSum(e, &products).times(DistributedSum(f, &products), &products)
        #expect(p.expr(products) == distribute(e * f))
        // N^(-1/2) · N: the separated powers add; (√2)² becomes the number 2.
        let g = Expr.sqrt(2) * a
        #expect(DistributedSum(g, &products).times(DistributedSum(g, &products), &products).expr(products) == 2 * a * a)
    }
}
