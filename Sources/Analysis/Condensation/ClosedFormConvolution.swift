import ComplexModule
import KeldyshNumerics
import RealModule
import Symbolic

/// ∫dν of a fraction N/(Π f_k), alone or times tanh(β(ν − μ)/2), in closed form from its
/// simple poles and residues (the Double `TanhConvolution`: 2πi Σ_{Im z > 0} c, and
/// −2 Σ c ψ(½ ± β(z − μ)/2πi) with tanh). The poles are found factor by factor (the denominator is never expanded:
/// a product of quadratics with poles near 0 and near a large x would lose the cluster at x
/// to cancellation), by the quadratic formula or, for a factor of higher degree, by Aberth.
///
/// This runs 10⁴–10⁵ times per threshold (every piece of Σ at every node of every K₁^R), so
/// the common case (simple poles from factors of degree ≤ 2) works in buffers made once and
/// shares its digammas (`DigammaMemo`): per node, among the pieces, and per parameter point
/// for the poles whose factor does not move with the outer frequency (found once, from the
/// compiled expressions). It does the same arithmetic in the same order as the general path
/// (`fraction`, `rational`, `tanh`), which takes every other piece (a double pole; a factor of
/// higher degree), so the two give the same bits.
final class ClosedFormConvolution {
    struct Fraction {
        var terms: [TanhConvolution.PartialFraction] = []
    }

    /// One piece, flattened for the fast path (no reference counting per node): its entry, its
    /// numerator's output range, its factors `factors[firstFactor..<firstFactor + factorCount]`,
    /// and tanh's slope and offset outputs (−1: no tanh).
    private struct PiecePlan {
        var entry: Int, numeratorLower: Int, numeratorUpper: Int, firstFactor: Int, factorCount: Int, slope: Int, offset: Int
    }
    /// One factor: its output range, exponent, and whether it (and its piece's tanh) is free of
    /// the outer frequency, input 0 of the compiled coefficients.
    private struct FactorPlan {
        var lower: Int, upper: Int, exponent: Int, fixed: Bool
    }

    private let pieces: [CondensationProblem.Piece]
    private let pieceCount: Int
    private let plans: UnsafeMutablePointer<PiecePlan>
    private let factors: UnsafeMutablePointer<FactorPlan>
    private let nodeMemo = DigammaMemo(capacity: 64), pointMemo = DigammaMemo(capacity: 32)
    private let poles: UnsafeMutablePointer<Complex<Double>>
    private let poleFixed: UnsafeMutablePointer<Bool>
    private let residues: UnsafeMutablePointer<Complex<Double>>
    private let numerator: UnsafeMutablePointer<Complex<Double>>
    /// The roots of each fixed factor at this parameter point (`rootsKnown`), reused at every node.
    private let factorRoots: UnsafeMutablePointer<(Complex<Double>, Complex<Double>)>
    private let rootsKnown: UnsafeMutablePointer<Bool>
    private let factorTotal: Int

    /// Entries filled as the conjugate of another instead of from their pieces.
    private let conjugates: [(entry: Int, of: Int)]

    /// `coefficients`: the compiled function whose outputs the pieces index (frequency first);
    /// `conjugates`: entries that equal another's conjugate for a real outer frequency and real
    /// parameters (proven symbolically by the caller), whose pieces are skipped.
    init(pieces allPieces: [CondensationProblem.Piece], coefficients: CompiledFunction, conjugates: [(entry: Int, of: Int)] = []) {
        self.conjugates = conjugates
        let pieces = allPieces.filter { p in !conjugates.contains { $0.entry == p.entry } }
        self.pieces = pieces
        let frequency = coefficients.parameters.first
        func moves(_ k: Int) -> Bool {
            guard let frequency, k < coefficients.expressions.count else { return true }
            return coefficients.expressions[k].freeSymbols.contains(frequency)
        }
        pieceCount = pieces.count
        plans = .allocate(capacity: max(pieces.count, 1))
        let factorTotal = pieces.reduce(0) { $0 + $1.denominator.count }
        factors = .allocate(capacity: max(factorTotal, 1))
        self.factorTotal = factorTotal
        factorRoots = .allocate(capacity: max(factorTotal, 1))
        rootsKnown = .allocate(capacity: max(factorTotal, 1))
        rootsKnown.initialize(repeating: false, count: max(factorTotal, 1))
        var f = 0
        for (k, p) in pieces.enumerated() {
            let tanhFixed = p.tanh.map { !moves($0.slope) && !moves($0.offset) } ?? true
            plans[k] = PiecePlan(entry: p.entry, numeratorLower: p.numerator.lowerBound, numeratorUpper: p.numerator.upperBound,
                                 firstFactor: f, factorCount: p.denominator.count, slope: p.tanh?.slope ?? -1, offset: p.tanh?.offset ?? -1)
            for d in p.denominator {
                factors[f] = FactorPlan(lower: d.range.lowerBound, upper: d.range.upperBound, exponent: d.exponent,
                                        fixed: tanhFixed && !d.range.contains(where: moves))
                f += 1
            }
        }
        let widest = pieces.map { p in max(p.numerator.count, p.denominator.reduce(0) { $0 + $1.range.count }) }.max() ?? 1
        poles = .allocate(capacity: max(widest, 1))
        poleFixed = .allocate(capacity: max(widest, 1))
        residues = .allocate(capacity: max(widest, 1))
        numerator = .allocate(capacity: max(widest, 1))
    }

    deinit {
        plans.deallocate()
        factors.deallocate()
        poles.deallocate()
        poleFixed.deallocate()
        residues.deallocate()
        numerator.deallocate()
        factorRoots.deallocate()
        rootsKnown.deallocate()
    }

    /// Every piece by the general path (the tests compare the two paths bit for bit).
    var generalOnly = false

    /// The parameters changed: the digammas of fixed poles are stale.
    func newPoint() {
        pointMemo.clear()
        for f in 0..<factorTotal { rootsKnown[f] = false }
    }

    /// Σ over the pieces of ∫dν of each fraction (times its tanh), summed per `entry` into
    /// `sums[0..<count]`; `coefficients` holds the compiled outputs as (re, im) pairs.
    func integrate(count: Int, coefficients o: UnsafePointer<Double>, into sums: UnsafeMutablePointer<Complex<Double>>) throws {
        for k in 0..<count { sums[k] = .zero }
        nodeMemo.clear()
        for k in 0..<pieceCount {
            let plan = plans[k]
            if !generalOnly, let v = fastPiece(plan, o) {
                sums[plan.entry] += v
            } else {
                sums[plan.entry] += try generalPiece(pieces[k]) { Complex(o[2 * $0], o[2 * $0 + 1]) }
            }
        }
        for (a, r) in conjugates { sums[a] = sums[r].conjugate }
    }

    /// The general path for one piece (any pole structure the closed forms take).
    private func generalPiece(_ p: CondensationProblem.Piece, _ value: (Int) -> Complex<Double>) throws -> Complex<Double> {
        let f = try fraction(numerator: p.numerator.map(value),
                             factors: p.denominator.map { (d: (range: Range<Int>, exponent: Int)) in (d.range.map(value), d.exponent) })
        guard let (s, o) = p.tanh else { return try rational(f) }
        let slope = value(s).real, offset = value(o).real
        // tanh(slope·ν + offset) = sign·tanh(β(ν − μ)/2), β = 2|slope|, μ = −offset/slope.
        let v = try tanh(f, beta: 2 * abs(slope), mu: -offset / slope)
        return slope < 0 ? -v : v
    }

    /// One piece with simple poles from factors of degree 1 or 2, or nil when it has anything
    /// else (the general path then takes it, and makes the same refusals). Its arithmetic is
    /// the general path's, step for step.
    private func fastPiece(_ plan: PiecePlan, _ o: UnsafePointer<Double>) -> Complex<Double>? {
        @inline(__always) func value(_ k: Int) -> Complex<Double> { Complex(o[2 * k], o[2 * k + 1]) }
        @inline(__always) func isZero(_ k: Int) -> Bool { o[2 * k] == 0 && o[2 * k + 1] == 0 }
        @inline(__always) func top(_ lower: Int, _ upper: Int) -> Int {
            var t = upper - 1
            while t > lower, isZero(t) { t -= 1 }
            return t
        }
        var constant = Complex<Double>(1, 0)
        var degree = 0
        let fs = factors + plan.firstFactor
        // The constant factors first, then the leading coefficients: the general path's order.
        for i in 0..<plan.factorCount {
            let d = fs[i]
            let n = top(d.lower, d.upper) - d.lower
            if n == 0 {
                for _ in 0..<d.exponent { constant *= value(d.lower) }
                continue
            }
            guard d.exponent == 1, n <= 2 else { return nil }
            degree += n
        }
        let nt = top(plan.numeratorLower, plan.numeratorUpper)
        if nt == plan.numeratorLower, isZero(nt) { return .zero }
        let numeratorDegree = nt - plan.numeratorLower
        guard numeratorDegree <= degree - 2 else { return nil }
        var count = 0
        // A pole within 10⁻⁷|z| of another is a double pole: the general path's.
        @inline(__always) func add(_ z: Complex<Double>, _ fixed: Bool) -> Bool {
            let near = 1e-14 * max(1, z.lengthSquared)
            for j in 0..<count where (poles[j] - z).lengthSquared <= near { return false }
            poles[count] = z
            poleFixed[count] = fixed
            count += 1
            return true
        }
        for i in 0..<plan.factorCount {
            let d = fs[i]
            let t = top(d.lower, d.upper)
            let n = t - d.lower
            if n == 0 { continue }
            let c0 = value(d.lower), c1 = value(d.lower + 1), a = value(t)
            constant *= a
            if d.fixed, rootsKnown[plan.firstFactor + i] {
                let (z1, z2) = factorRoots[plan.firstFactor + i]
                guard add(z1, true), n == 1 || add(z2, true) else { return nil }
                continue
            }
            let z1: Complex<Double>, z2: Complex<Double>
            if n == 1 {
                z1 = -c0 / c1
                z2 = .zero
            } else {
                // Without cancellation: q = −(b + sign·√(b² − 4ac))/2, roots q/a and c/q.
                let s = Complex.sqrt(c1 * c1 - Complex(4, 0) * a * c0)
                let sign: Complex<Double> = (c1.real * s.real + c1.imaginary * s.imaginary) >= 0 ? Complex(1, 0) : Complex(-1, 0)
                let q = Complex(-0.5, 0) * (c1 + sign * s)
                (z1, z2) = q == .zero ? (.zero, .zero) : (q / a, c0 / q)
            }
            if d.fixed {
                factorRoots[plan.firstFactor + i] = (z1, z2)
                rootsKnown[plan.firstFactor + i] = true
            }
            guard add(z1, d.fixed), n == 1 || add(z2, d.fixed) else { return nil }
        }
        for k in 0...numeratorDegree { numerator[k] = value(plan.numeratorLower + k) / constant }
        // Residues P(z)/Π_{j≠k}(z − z_j), then what rounding leaves of Σ c (zero: deg N ≤
        // deg D − 2) spread over them. After the spreading Σ c vanishes to rounding, so the
        // general path's convergence check cannot fail here.
        var drift = Complex<Double>.zero
        for k in 0..<count {
            let z = poles[k]
            // A pole on the real axis (|Im z| ≤ 10⁻¹³|z|): the general path refuses it.
            guard z.imaginary * z.imaginary > 1e-26 * max(1, z.lengthSquared) else { return nil }
            var s = Complex<Double>(1, 0)
            for j in 0..<count where j != k { s *= z - poles[j] }
            var acc = numerator[numeratorDegree]
            for m in stride(from: numeratorDegree - 1, through: 0, by: -1) { acc = acc * z + numerator[m] }
            residues[k] = acc / s
            drift += residues[k]
        }
        drift = drift / Complex(Double(count), 0)
        for k in 0..<count { residues[k] -= drift }
        guard plan.slope >= 0 else {
            var upper = Complex<Double>.zero
            for k in 0..<count where poles[k].imaginary > 0 { upper += residues[k] }
            return Complex(0, 2 * Double.pi) * upper
        }
        let slope = o[2 * plan.slope], offset = o[2 * plan.offset]
        let beta = 2 * abs(slope), mu = -offset / slope
        let scale = beta / (2 * Double.pi)
        var total = Complex<Double>.zero
        for k in 0..<count {
            let z = poles[k]
            // β(z − μ)/(2πi) = −i·scale·(z − μ).
            let w = Complex(scale * z.imaginary, -scale * (z.real - mu))
            let argument = z.imaginary > 0 ? Complex(0.5 + w.real, w.imaginary) : Complex(0.5 - w.real, -w.imaginary)
            let psi = poleFixed[k] ? pointMemo.digamma(argument) : nodeMemo.digamma(argument)
            total -= Complex<Double>(2, 0) * residues[k] * psi
        }
        return slope < 0 ? -total : total
    }

    /// Poles and partial fractions of N/(Π f_k^{e_k}); every e_k = 1 for factors in ν (a double
    /// pole arises only where two factors share a root).
    func fraction(numerator: [Complex<Double>], factors: [(coefficients: [Complex<Double>], exponent: Int)]) throws -> Fraction {
        var out = Fraction()
        var constant = Complex<Double>(1, 0)
        var moving: [[Complex<Double>]] = []
        for (c, e) in factors {
            var c = c
            while c.count > 1, c.last! == .zero { c.removeLast() }
            if c.count == 1 {
                for _ in 0..<e { constant *= c[0] }
                continue
            }
            guard e == 1 else { throw CondensationError.integral("a pole of order \(e): only simple poles have a closed form here") }
            moving.append(c)
        }
        let degree = moving.reduce(0) { $0 + $1.count - 1 }
        var n = numerator
        while n.count > 1, n.last! == .zero { n.removeLast() }
        if n.allSatisfy({ $0 == .zero }) { return out }
        guard n.count - 1 <= degree - 2 else {
            throw CondensationError.integral("the integral diverges (numerator degree \(n.count - 1), denominator \(degree))")
        }
        // Every root of every factor, the factors' leading coefficients taken into N; roots of
        // two factors that coincide (a photon pole on a drive pole when κ = Ω) are one double pole.
        var poles: [(z: Complex<Double>, order: Int)] = []
        for f in moving {
            constant *= f[f.count - 1]
            for z in try roots(f) {
                if let k = poles.firstIndex(where: { ($0.z - z).length <= 1e-7 * max(1, z.length) }) {
                    guard poles[k].order == 1 else { throw CondensationError.integral("a pole of order 3 at \(z)") }
                    poles[k] = ((poles[k].z + z) / Complex(2, 0), 2)
                } else {
                    poles.append((z, 1))
                }
            }
        }
        do {
            out.terms = try TanhConvolution.partialFractions(numerator: n.map { $0 / constant }, poles: poles)
        } catch {
            throw CondensationError.integral(error.description)
        }
        // deg N ≤ deg D − 2 (checked above, exactly) makes Σ c = 0; what rounding leaves of it
        // is spread over the residues, as the closed forms assume the sum vanishes.
        if !out.terms.isEmpty {
            let drift = out.terms.reduce(Complex<Double>.zero) { $0 + $1.simple } / Complex(Double(out.terms.count), 0)
            for k in out.terms.indices { out.terms[k].simple -= drift }
        }
        return out
    }

    func rational(_ f: Fraction) throws -> Complex<Double> {
        do { return try TanhConvolution.rationalIntegral(partialFractions: f.terms) } catch { throw CondensationError.integral(error.description) }
    }

    func tanh(_ f: Fraction, beta: Double, mu: Double) throws -> Complex<Double> {
        do { return try TanhConvolution.integrate(partialFractions: f.terms, beta: beta, mu: mu) } catch { throw CondensationError.integral(error.description) }
    }

    private func roots(_ c: [Complex<Double>]) throws -> [Complex<Double>] {
        switch c.count {
        case 2: return [-c[0] / c[1]]
        case 3:
            // Without cancellation: q = −(b + sign·√(b² − 4ac))/2, roots q/a and c/q.
            let (a, b, cc) = (c[2], c[1], c[0])
            let s = Complex.sqrt(b * b - Complex(4, 0) * a * cc)
            let sign: Complex<Double> = (b.real * s.real + b.imaginary * s.imaginary) >= 0 ? Complex(1, 0) : Complex(-1, 0)
            let q = Complex(-0.5, 0) * (b + sign * s)
            if q == .zero { return [.zero, .zero] }
            return [q / a, cc / q]
        default:
            let n = c.count - 1
            let monic = c.map { $0 / c[n] }
            var finder = PolynomialRootFinder(degree: n)
            guard monic.withUnsafeBufferPointer({ finder.solve($0.baseAddress!, maxSweeps: 200) }) else {
                throw CondensationError.integral("the roots of a factor of degree \(n) did not settle")
            }
            return finder.roots
        }
    }

}
