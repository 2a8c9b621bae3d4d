import Testing
import TestSupport
import PropertyBased
import ArbitraryPrecision
@testable import Symbolic

/// Property-based invariants of the canonical constructors: the canonical form does not
/// depend on the order or grouping in which an expression is built, rebuilding a canonical
/// node from its own children is the identity, and Grassmann reordering produces the sign
/// of the permutation (computed independently by counting inversions).
@Suite struct CanonicalFormProperties {
    static let symbols: [Expr] = [
        .symbol("x"), .symbol("y"), .symbol("r", [.real]), .symbol("p", [.positive]),
        .symbol("n", [.integer]),
    ]

    /// A deterministic random expression from a seed (SplitMix64), over sums, products,
    /// powers with integer and rational exponents, and builtin functions.
    static func randomExpr(_ rng: inout SplitMix64, depth: Int) -> Expr {
        if depth == 0 || rng.next(6) == 0 {
            switch rng.next(4) {
            case 0: return .rational(rng.nextSigned(7), rng.next(4) + 1)
            default: return symbols[rng.next(symbols.count)]
            }
        }
        let a = randomExpr(&rng, depth: depth - 1), b = randomExpr(&rng, depth: depth - 1)
        switch rng.next(7) {
        case 0, 1: return a + b
        case 2, 3: return a * b
        case 4: return Expr.pow(a, .rational(rng.nextSigned(3), rng.next(2) + 1))
        case 5: return [Expr.sin, Expr.exp, Expr.conj, Expr.abs][rng.next(4)](a)
        default: return a - b
        }
    }

    @Test func orderAndGroupingDoNotMatter() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...Int.max)) { seed in
            var rng = SplitMix64(seed: UInt64(seed))
            let terms = (0..<(rng.next(6) + 2)).map { _ in Self.randomExpr(&rng, depth: 3) }
            var shuffled = terms
            rng.shuffle(&shuffled)
            #expect(Expr.add(terms) == Expr.add(shuffled))
            #expect(Expr.mul(terms) == Expr.mul(shuffled))
            // Left-nested binary construction equals the n-ary one.
            #expect(terms.dropFirst().reduce(terms[0], +) == Expr.add(terms))
            #expect(terms.dropFirst().reduce(terms[0], *) == Expr.mul(terms))
            // Inverses cancel exactly.
            let s = Expr.add(terms)
            #expect(s - terms[0] + terms[0] == s)
        }
    }

    @Test func rebuildingACanonicalNodeIsTheIdentity() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...Int.max)) { seed in
            var rng = SplitMix64(seed: UInt64(seed))
            let e = Self.randomExpr(&rng, depth: 4)
            var stack = [e]
            var seen = Set<Expr>()
            while let node = stack.popLast() {
                guard seen.insert(node).inserted else { continue }
                #expect(node.withChildren(Array(node.children)) == node)
                stack.append(contentsOf: node.children)
            }
        }
    }

    @Test func grassmannPermutationSign() async {
        let fields = (0..<6).map { Expr.symbol(Symbol("θ\($0)", commutation: .grassmann)) }
        await propertyCheck(count: 200, input: Gen.int(in: 0...Int.max)) { seed in
            var rng = SplitMix64(seed: UInt64(seed))
            var order = Array(0..<fields.count)
            rng.shuffle(&order)
            // Sign of the permutation by counting inversions.
            var inversions = 0
            for i in 0..<order.count { for j in (i + 1)..<order.count where order[i] > order[j] { inversions += 1 } }
            let product = Expr.mul(order.map { fields[$0] })
            let reference = Expr.mul(fields)
            #expect(product == (inversions % 2 == 0 ? reference : -reference))
            // Interleaving commuting factors changes nothing.
            let x = Expr.symbol("x")
            #expect(Expr.mul([x] + order.map { fields[$0] }) == x * product)
        }
    }
}

