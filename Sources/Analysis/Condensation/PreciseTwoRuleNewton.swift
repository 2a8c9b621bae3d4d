import ArbitraryPrecision
import Foundation

/// Newton's method in MPFR on two real equations (Re k(x), Im k(x)) = 0, x ∈ ℝ², where one
/// evaluation gives k by two node rules at once (the finer and, on its every other node, the
/// coarser) and the outermost nodes' |x·f| (the truncated tail). The Jacobian is a forward
/// difference of the finer rule at step 2^{−bits/2} (relative), kept while each step is at most
/// 10⁻³ of the one before (the chord method) and recomputed otherwise. The finer rule's root is
/// iterated until the step is below 10^{−(D+6)} (relative to max(|x_j|, 10⁻³)); the coarser
/// rule's root is one Newton step from it with the same Jacobian (what that leaves is of the
/// order of their distance squared). The tail is the edge value carried through J⁻¹.
struct PreciseTwoRuleNewton {
    let bits: Int
    let digits: Int
    /// k by both rules and the edge value at x; the second argument counts the evaluations.
    let evaluate: ([BigFloat], Int) throws -> (fine: BigComplex, coarse: BigComplex, edge: BigFloat)
    /// Throws when an iterate leaves the region the caller allows.
    var accept: ([BigFloat]) throws -> Void = { _ in }
    private(set) var evaluations = 0

    init(bits: Int, digits: Int, evaluate: @escaping ([BigFloat], Int) throws -> (fine: BigComplex, coarse: BigComplex, edge: BigFloat)) {
        self.bits = bits
        self.digits = digits
        self.evaluate = evaluate
    }

    struct Root {
        let fine: [BigFloat], coarse: [BigFloat]
        let iterations: Int, jacobians: Int, evaluations: Int
        /// The truncated tail's shift of the root, relative (the larger component).
        let tail: Double
    }

    private mutating func value(_ x: [BigFloat]) throws -> (fine: BigComplex, coarse: BigComplex, edge: BigFloat) {
        evaluations += 1
        let k = try evaluate(x, evaluations)
        guard k.fine.isFinite, k.coarse.isFinite else { throw CondensationError.nonFinite("an MPFR evaluation of the equations") }
        return k
    }

    private mutating func jacobian(_ x: [BigFloat], _ k0: BigComplex) throws -> [[BigFloat]] {
        let one = BigFloat(1, precision: bits)
        let relative = BigFloat.pow(BigFloat(2, precision: bits), -bits / 2)
        var columns: [[BigFloat]] = []
        for j in 0..<2 {
            let a = BigFloat.abs(x[j])
            let h = relative * (a > one ? a : one)
            var y = x
            y[j] = x[j] + h
            let k = try value(y).fine
            columns.append([(k.re - k0.re) / h, (k.im - k0.im) / h])
        }
        return [[columns[0][0], columns[1][0]], [columns[0][1], columns[1][1]]]
    }

    /// −J⁻¹ (Re k, Im k).
    private func step(_ j: [[BigFloat]], _ k: BigComplex) throws -> [BigFloat] {
        let det = j[0][0] * j[1][1] - j[0][1] * j[1][0]
        guard !det.isZero, det.isFinite else { throw CondensationError.noThreshold("the Jacobian is singular at the root (MPFR polish)") }
        return [-(j[1][1] * k.re - j[0][1] * k.im) / det, -(-j[1][0] * k.re + j[0][0] * k.im) / det]
    }

    /// The larger |Δ_j| / max(|x_j|, 10⁻³).
    private func size(_ d: [BigFloat], _ x: [BigFloat]) -> Double {
        zip(d, x).map { d, x in Swift.abs(d.toDouble()) / Swift.max(Swift.abs(x.toDouble()), 1e-3) }.max()!
    }

    mutating func run(from start: [BigFloat]) throws -> Root {
        let tolerance = Foundation.pow(10, -Double(digits + 6))
        var x = start
        var k = try value(x)
        var j = try jacobian(x, k.fine)
        var jacobians = 1, iterations = 0
        var previous = Double.infinity
        while true {
            iterations += 1
            guard iterations <= 40 else {
                throw CondensationError.noThreshold("Newton's method at \(bits) bits did not converge in 40 steps (last relative step \(short(previous)))")
            }
            let d = try step(j, k.fine)
            let s = size(d, x)
            guard s.isFinite else { throw CondensationError.nonFinite("a Newton step at MPFR") }
            if s <= tolerance {
                let c = try step(j, k.coarse)
                let fine = [x[0] + d[0], x[1] + d[1]], coarse = [x[0] + c[0], x[1] + c[1]]
                let tail = size(try step(j, BigComplex(k.edge, k.edge)), fine)
                return Root(fine: fine, coarse: coarse, iterations: iterations, jacobians: jacobians, evaluations: evaluations, tail: tail)
            }
            x = [x[0] + d[0], x[1] + d[1]]
            try accept(x)
            k = try value(x)
            if s > 1e-3 * previous && iterations > 1 {
                j = try jacobian(x, k.fine)
                jacobians += 1
            }
            previous = s
        }
    }
}

/// Significant digits on which a and b agree: ⌊−log₁₀(|a − b|/|a|)⌋, at most `cap`.
func agreement(_ a: BigFloat, _ b: BigFloat, cap: Int) -> Int {
    let d = BigFloat.abs(a - b)
    if d.isZero { return cap }
    guard !a.isZero else { return 0 }
    let r = BigFloat.log10(d / BigFloat.abs(a)).toDouble()
    return Swift.max(0, Swift.min(cap, Int((-r).rounded(.down))))
}
