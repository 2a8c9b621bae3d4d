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
/// it has three paths, tried in order:
/// * translation plans (`+TranslationPlans`): where every factor is frequency-free or a
///   translate f(ν − ω), the poles at ω = 0 and their constant difference products are made once
///   per parameter point, and a node adds only what moves;
/// * the per-node fast path (`+PerNode`): simple poles from factors of degree ≤ 2, in buffers
///   made once, with the general path's arithmetic in its order (so the same bits);
/// * the general path (`fraction`, `rational`, `tanh`): double poles, factors of higher degree.
/// All share their digammas (`DigammaMemo`): per node, among the pieces, and per parameter point
/// for the poles whose factor does not move with the outer frequency.
final class ClosedFormConvolution {
    struct Fraction {
        var terms: [TanhConvolution.PartialFraction] = []
    }

    /// One piece, flattened for the fast path (no reference counting per node): its entry, its
    /// numerator's output range, its factors `factors[firstFactor..<firstFactor + factorCount]`,
    /// and tanh's slope and offset outputs (−1: no tanh).
    struct PiecePlan {
        var entry: Int, numeratorLower: Int, numeratorUpper: Int, firstFactor: Int, factorCount: Int, slope: Int, offset: Int
    }
    /// One factor: its output range, exponent, and whether it (and its piece's tanh) is free of
    /// the outer frequency, input 0 of the compiled coefficients.
    struct FactorPlan {
        var lower: Int, upper: Int, exponent: Int, fixed: Bool, translate: Bool
    }

    let pieces: [CondensationProblem.Piece]
    let pieceCount: Int
    let plans: UnsafeMutablePointer<PiecePlan>
    let factors: UnsafeMutablePointer<FactorPlan>
    let nodeMemo = DigammaMemo(capacity: 64), pointMemo = DigammaMemo(capacity: 32)
    let poles: UnsafeMutablePointer<Complex<Double>>
    let poleFixed: UnsafeMutablePointer<Bool>
    let residues: UnsafeMutablePointer<Complex<Double>>
    let numerator: UnsafeMutablePointer<Complex<Double>>
    /// The roots of each fixed factor at this parameter point (`rootsKnown`), reused at every node.
    let factorRoots: UnsafeMutablePointer<(Complex<Double>, Complex<Double>)>
    let rootsKnown: UnsafeMutablePointer<Bool>
    let factorTotal: Int

    /// Entries filled as the conjugate of another instead of from their pieces.
    let conjugates: [(entry: Int, of: Int)]

    /// The translation plans (`prepare`): pieces whose every factor is frequency-free or a
    /// translate f(ν − ω) have poles that are fixed or move rigidly with ω, so their roots, the
    /// products of their fixed and of their moving poles' differences, and the fixed poles' ψ
    /// are made once per point; a node then needs only the differences fixed − moving.
    let translatable: UnsafeMutablePointer<Bool>
    let prepared: UnsafeMutablePointer<Bool>
    /// Per piece, from `firstPole`: its poles at ω = 0 (fixed ones first, `fixedCount` of them),
    /// each pole's constant product of differences, and the fixed poles' ψ where the piece has tanh.
    let firstPole: UnsafeMutablePointer<Int>
    let fixedCount: UnsafeMutablePointer<Int>
    let poleCount: UnsafeMutablePointer<Int>
    let basePoles: UnsafeMutablePointer<Complex<Double>>
    let baseProducts: UnsafeMutablePointer<Complex<Double>>
    let basePsi: UnsafeMutablePointer<Complex<Double>>
    /// The differences fixed − moving at the node, row-major per fixed pole.
    let differences: UnsafeMutablePointer<Complex<Double>>
    var translationPlansReady = false
    /// Whether this point's `prepare` is still to be called.
    var needsPreparation: Bool { !translationPlansReady }
    /// Whether `prepare` makes translation plans (tests turn it off to compare the paths).
    var translationPlans = true
    /// How often a planned piece had to leave its plan at a node (tests).
    var planMisses = 0

    /// `coefficients`: the compiled function whose outputs the pieces index (frequency first);
    /// `conjugates`: entries that equal another's conjugate for a real outer frequency and real
    /// parameters (proven symbolically by the caller), whose pieces are skipped.
    init(pieces allPieces: [CondensationProblem.Piece], coefficients: CompiledFunction, conjugates: [(entry: Int, of: Int)] = []) {
        self.conjugates = conjugates
        let pieces = allPieces.filter { p in !conjugates.contains { $0.entry == p.entry } }
        self.pieces = pieces
        func moves(_ k: Int) -> Bool { FactorMotion.moves(k, in: coefficients) }
        pieceCount = pieces.count
        plans = .allocate(capacity: max(pieces.count, 1))
        let factorTotal = pieces.reduce(0) { $0 + $1.denominator.count }
        factors = .allocate(capacity: max(factorTotal, 1))
        self.factorTotal = factorTotal
        factorRoots = .allocate(capacity: max(factorTotal, 1))
        rootsKnown = .allocate(capacity: max(factorTotal, 1))
        rootsKnown.initialize(repeating: false, count: max(factorTotal, 1))
        translatable = .allocate(capacity: max(pieces.count, 1))
        prepared = .allocate(capacity: max(pieces.count, 1))
        prepared.initialize(repeating: false, count: max(pieces.count, 1))
        firstPole = .allocate(capacity: max(pieces.count, 1))
        fixedCount = .allocate(capacity: max(pieces.count, 1))
        poleCount = .allocate(capacity: max(pieces.count, 1))
        var f = 0, poleTotal = 0
        for (k, p) in pieces.enumerated() {
            let tanhFixed = p.tanh.map { !moves($0.slope) && !moves($0.offset) } ?? true
            plans[k] = PiecePlan(entry: p.entry, numeratorLower: p.numerator.lowerBound, numeratorUpper: p.numerator.upperBound,
                                 firstFactor: f, factorCount: p.denominator.count, slope: p.tanh?.slope ?? -1, offset: p.tanh?.offset ?? -1)
            for d in p.denominator {
                let motion = FactorMotion.of(d.range, in: coefficients)
                let fixed = tanhFixed && motion == .fixed, moving = motion == .translate
                factors[f] = FactorPlan(lower: d.range.lowerBound, upper: d.range.upperBound, exponent: d.exponent,
                                        fixed: fixed, translate: moving)
                f += 1
            }
            translatable[k] = FactorMotion.translatable(p, in: coefficients)
            firstPole[k] = poleTotal
            poleTotal += p.denominator.reduce(0) { $0 + $1.range.count - 1 }
        }
        basePoles = .allocate(capacity: max(poleTotal, 1))
        baseProducts = .allocate(capacity: max(poleTotal, 1))
        basePsi = .allocate(capacity: max(poleTotal, 1))
        let widest = pieces.map { p in max(p.numerator.count, p.denominator.reduce(0) { $0 + $1.range.count }) }.max() ?? 1
        poles = .allocate(capacity: max(widest, 1))
        poleFixed = .allocate(capacity: max(widest, 1))
        residues = .allocate(capacity: max(widest, 1))
        numerator = .allocate(capacity: max(widest, 1))
        differences = .allocate(capacity: max(widest * widest, 1))
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
        translatable.deallocate()
        prepared.deallocate()
        firstPole.deallocate()
        fixedCount.deallocate()
        poleCount.deallocate()
        basePoles.deallocate()
        baseProducts.deallocate()
        basePsi.deallocate()
        differences.deallocate()
    }

    /// Every piece by the general path (the tests compare the two paths bit for bit).
    var generalOnly = false

    /// The parameters changed: the digammas of fixed poles are stale.
    func newPoint() {
        pointMemo.clear()
        for f in 0..<factorTotal { rootsKnown[f] = false }
        for k in 0..<pieceCount { prepared[k] = false }
        translationPlansReady = false
    }

    /// Makes this point's translation plans from the coefficients at ω = 0 (`o`, (re, im) pairs);
    /// a piece whose poles at ω = 0 are not all simple and off the real axis keeps the per-node path.
    func prepare(coefficientsAtZero o: UnsafePointer<Double>) {
        translationPlansReady = true
        guard translationPlans, !generalOnly else { return }
        for k in 0..<pieceCount where translatable[k] { prepared[k] = preparePiece(k, o) }
    }

    /// The outputs a node needs once `prepare` has run: the numerators of the pieces with a
    /// translation plan (their factors and tanh are the plan's), every output of the others; nil
    /// when no piece has a plan.
    func nodeOutputs() -> [Int]? {
        guard (0..<pieceCount).contains(where: { prepared[$0] }) else { return nil }
        // A mask, not a Set: this runs once per parameter point, hashing showed in the profile.
        var wanted: [Bool] = []
        func want(_ r: Range<Int>) {
            if r.upperBound > wanted.count { wanted += [Bool](repeating: false, count: r.upperBound - wanted.count) }
            for i in r { wanted[i] = true }
        }
        for k in 0..<pieceCount {
            let plan = plans[k]
            want(plan.numeratorLower..<plan.numeratorUpper)
            guard !prepared[k] else { continue }
            for i in 0..<plan.factorCount { want(factors[plan.firstFactor + i].lower..<factors[plan.firstFactor + i].upper) }
            if plan.slope >= 0 { want(plan.slope..<plan.slope + 1); want(plan.offset..<plan.offset + 1) }
        }
        return wanted.indices.filter { wanted[$0] }
    }

    /// Σ over the pieces of ∫dν of each fraction (times its tanh), summed per `entry` into
    /// `sums[0..<count]`; `coefficients` holds the compiled outputs as (re, im) pairs.
    /// `frequency`: the ω the coefficients were run at (nil: the translation plans are not used).
    /// With `onlyNodeOutputs` the coefficients are fresh only at `nodeOutputs()`: then false is
    /// returned, and nothing is complete, where a planned piece needs its factors at this node
    /// (a fixed and a moving pole meet); the caller runs every output and calls again.
    @discardableResult
    func integrate(count: Int, frequency: Double? = nil, coefficients o: UnsafePointer<Double>,
                   into sums: UnsafeMutablePointer<Complex<Double>>, onlyNodeOutputs: Bool = false) throws -> Bool {
        for k in 0..<count { sums[k] = .zero }
        nodeMemo.clear()
        for k in 0..<pieceCount {
            let plan = plans[k]
            if prepared[k], !generalOnly, let frequency {
                if let v = translatedPiece(k, plan, frequency, o) {
                    sums[plan.entry] += v
                    continue
                }
                planMisses += 1
                if onlyNodeOutputs { return false }
            }
            if !generalOnly, let v = fastPiece(plan, o) {
                sums[plan.entry] += v
            } else {
                sums[plan.entry] += try generalPiece(pieces[k]) { Complex(o[2 * $0], o[2 * $0 + 1]) }
            }
        }
        for (a, r) in conjugates { sums[a] = sums[r].conjugate }
        return true
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
            let (z1, z2) = Self.quadraticRoots(c[0], c[1], c[2])
            return [z1, z2]
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


    /// The roots of a·ν² + c1·ν + c0 without cancellation: q = −(c1 + sign·√(c1² − 4a·c0))/2,
    /// roots q/a and c0/q (both 0 when q = 0). Every path takes its quadratic roots here, so the
    /// per-node fast path keeps the general path's bits.
    @inline(__always)
    static func quadraticRoots(_ c0: Complex<Double>, _ c1: Complex<Double>, _ a: Complex<Double>) -> (Complex<Double>, Complex<Double>) {
        let s = Complex.sqrt(c1 * c1 - Complex(4, 0) * a * c0)
        let sign: Complex<Double> = (c1.real * s.real + c1.imaginary * s.imaginary) >= 0 ? Complex(1, 0) : Complex(-1, 0)
        let q = Complex(-0.5, 0) * (c1 + sign * s)
        return q == .zero ? (.zero, .zero) : (q / a, c0 / q)
    }
}
