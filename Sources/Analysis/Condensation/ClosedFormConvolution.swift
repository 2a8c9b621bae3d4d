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
        var lower: Int, upper: Int, exponent: Int, fixed: Bool, translate: Bool
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

    /// The translation plans (`prepare`): pieces whose every factor is frequency-free or a
    /// translate f(ν − ω) have poles that are fixed or move rigidly with ω, so their roots, the
    /// products of their fixed and of their moving poles' differences, and the fixed poles' ψ
    /// are made once per point; a node then needs only the differences fixed − moving.
    private let translatable: UnsafeMutablePointer<Bool>
    private let prepared: UnsafeMutablePointer<Bool>
    /// Per piece, from `firstPole`: its poles at ω = 0 (fixed ones first, `fixedCount` of them),
    /// each pole's constant product of differences, and the fixed poles' ψ where the piece has tanh.
    private let firstPole: UnsafeMutablePointer<Int>
    private let fixedCount: UnsafeMutablePointer<Int>
    private let poleCount: UnsafeMutablePointer<Int>
    private let basePoles: UnsafeMutablePointer<Complex<Double>>
    private let baseProducts: UnsafeMutablePointer<Complex<Double>>
    private let basePsi: UnsafeMutablePointer<Complex<Double>>
    /// 1/(the constant factors times the leading coefficients), per piece and point.
    private let inverseConstant: UnsafeMutablePointer<Complex<Double>>
    /// The differences fixed − moving at the node, row-major per fixed pole.
    private let differences: UnsafeMutablePointer<Complex<Double>>
    private var translationPlansReady = false
    /// Whether this point's `prepare` is still to be called.
    var needsPreparation: Bool { !translationPlansReady }
    /// Whether `prepare` makes translation plans (tests turn it off to compare the paths).
    var translationPlans = true
    /// How often a planned piece had to leave its plan at a node (tests).
    private(set) var planMisses = 0

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
        // f(ν; ω) = f(ν − ω; 0) exactly when ∂f/∂ω + ∂f/∂ν = 0, coefficient by coefficient:
        // c_j′(ω) + (j + 1)c_{j+1}(ω) = 0 (symbolically, so it holds at every point).
        func translate(_ range: Range<Int>) -> Bool {
            guard let frequency, range.upperBound <= coefficients.expressions.count else { return false }
            let c = range.map { coefficients.expressions[$0] }
            for j in c.indices {
                var e = c[j].derivative(frequency)
                if j + 1 < c.count { e = e + Expr.integer(j + 1) * c[j + 1] }
                guard e.expand() == .zero else { return false }
            }
            return true
        }
        translatable = .allocate(capacity: max(pieces.count, 1))
        prepared = .allocate(capacity: max(pieces.count, 1))
        prepared.initialize(repeating: false, count: max(pieces.count, 1))
        firstPole = .allocate(capacity: max(pieces.count, 1))
        fixedCount = .allocate(capacity: max(pieces.count, 1))
        poleCount = .allocate(capacity: max(pieces.count, 1))
        inverseConstant = .allocate(capacity: max(pieces.count, 1))
        var f = 0, poleTotal = 0
        for (k, p) in pieces.enumerated() {
            let tanhFixed = p.tanh.map { !moves($0.slope) && !moves($0.offset) } ?? true
            plans[k] = PiecePlan(entry: p.entry, numeratorLower: p.numerator.lowerBound, numeratorUpper: p.numerator.upperBound,
                                 firstFactor: f, factorCount: p.denominator.count, slope: p.tanh?.slope ?? -1, offset: p.tanh?.offset ?? -1)
            var planned = tanhFixed
            for d in p.denominator {
                let fixed = tanhFixed && !d.range.contains(where: moves)
                let moving = !d.range.contains(where: moves) ? false : translate(d.range)
                factors[f] = FactorPlan(lower: d.range.lowerBound, upper: d.range.upperBound, exponent: d.exponent,
                                        fixed: fixed, translate: moving)
                // A factor of degree 0 must not move; every factor simple, of degree ≤ 2.
                if d.exponent != 1 || d.range.count > 3 || !(fixed || (moving && d.range.count > 1)) { planned = false }
                f += 1
            }
            translatable[k] = planned
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
        inverseConstant.deallocate()
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
        var wanted = Set<Int>()
        for k in 0..<pieceCount {
            let plan = plans[k]
            wanted.formUnion(plan.numeratorLower..<plan.numeratorUpper)
            guard !prepared[k] else { continue }
            for i in 0..<plan.factorCount { wanted.formUnion(factors[plan.firstFactor + i].lower..<factors[plan.firstFactor + i].upper) }
            if plan.slope >= 0 { wanted.formUnion([plan.slope, plan.offset]) }
        }
        return wanted.sorted()
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
        // Residues P(z)/Π_{j≠k}(z − z_j).
        for k in 0..<count {
            let z = poles[k]
            // A pole on the real axis (|Im z| ≤ 10⁻¹³|z|): the general path refuses it.
            guard z.imaginary * z.imaginary > 1e-26 * max(1, z.lengthSquared) else { return nil }
            var s = Complex<Double>(1, 0)
            for j in 0..<count where j != k { s *= z - poles[j] }
            var acc = numerator[numeratorDegree]
            for m in stride(from: numeratorDegree - 1, through: 0, by: -1) { acc = acc * z + numerator[m] }
            residues[k] = acc / s
        }
        return finish(count, plan, o, knownPsi: nil, known: 0)
    }

    /// Piece k's plan for this point, from the coefficients at ω = 0: its fixed poles, then its
    /// moving ones (at ω = 0), their constant products of differences, the constant and the fixed
    /// poles' ψ. False (the per-node path keeps the piece) for poles that are not simple or lie on
    /// the real axis, as the per-node path would refuse them.
    private func preparePiece(_ k: Int, _ o: UnsafePointer<Double>) -> Bool {
        let plan = plans[k]
        @inline(__always) func value(_ k: Int) -> Complex<Double> { Complex(o[2 * k], o[2 * k + 1]) }
        @inline(__always) func top(_ lower: Int, _ upper: Int) -> Int {
            var t = upper - 1
            while t > lower, o[2 * t] == 0 && o[2 * t + 1] == 0 { t -= 1 }
            return t
        }
        let fs = factors + plan.firstFactor, base = basePoles + firstPole[k]
        var constant = Complex<Double>(1, 0), count = 0, fixed = 0
        for i in 0..<plan.factorCount where top(fs[i].lower, fs[i].upper) == fs[i].lower {
            constant *= value(fs[i].lower)
        }
        // Fixed factors' roots first, then the moving factors' (at ω = 0).
        for pass in 0..<2 {
            for i in 0..<plan.factorCount where fs[i].fixed == (pass == 0) {
                let d = fs[i]
                let t = top(d.lower, d.upper), n = t - d.lower
                if n == 0 { continue }
                let c0 = value(d.lower), c1 = value(d.lower + 1), a = value(t)
                constant *= a
                if n == 1 {
                    base[count] = -c0 / c1
                    count += 1
                } else {
                    let s = Complex.sqrt(c1 * c1 - Complex(4, 0) * a * c0)
                    let sign: Double = (c1.real * s.real + c1.imaginary * s.imaginary) >= 0 ? 1 : -1
                    let q = Complex(-0.5, 0) * (c1 + Complex(sign, 0) * s)
                    guard q != .zero else { return false }
                    base[count] = q / a
                    base[count + 1] = c0 / q
                    count += 2
                }
            }
            if pass == 0 { fixed = count }
        }
        guard count >= 2, constant != .zero, constant.isFinite else { return false }
        // Simple poles only (the per-node path's criterion), among the fixed and among the
        // moving ones; a fixed and a moving pole are compared at each node.
        let products = baseProducts + firstPole[k]
        for i in 0..<count {
            let group = i < fixed ? 0..<fixed : fixed..<count
            var p = Complex<Double>(1, 0)
            for j in group where j != i {
                let d = base[i] - base[j]
                guard d.lengthSquared > 1e-14 * max(1, base[i].lengthSquared, base[j].lengthSquared) else { return false }
                p *= d
            }
            products[i] = p
        }
        for i in 0..<fixed {
            guard base[i].imaginary * base[i].imaginary > 1e-26 * max(1, base[i].lengthSquared) else { return false }
        }
        if plan.slope >= 0 {
            let slope = o[2 * plan.slope], offset = o[2 * plan.offset]
            let scale = 2 * abs(slope) / (2 * Double.pi), mu = -offset / slope
            for i in 0..<fixed { basePsi[firstPole[k] + i] = pointMemo.digamma(Self.digammaArgument(base[i], scale: scale, mu: mu)) }
        }
        inverseConstant[k] = Complex(1, 0) / constant
        fixedCount[k] = fixed
        poleCount[k] = count
        return true
    }

    /// Piece k at ω by its translation plan: the moving poles are the plan's plus ω, and each
    /// residue is P(z)/(its constant product × the products fixed − moving at this node). Nil
    /// where a fixed and a moving pole meet (a double pole: the general path's).
    private func translatedPiece(_ k: Int, _ plan: PiecePlan, _ w: Double, _ o: UnsafePointer<Double>) -> Complex<Double>? {
        var t = plan.numeratorUpper - 1
        while t > plan.numeratorLower, o[2 * t] == 0 && o[2 * t + 1] == 0 { t -= 1 }
        if t == plan.numeratorLower, o[2 * t] == 0 && o[2 * t + 1] == 0 { return .zero }
        let numeratorDegree = t - plan.numeratorLower
        let fixed = fixedCount[k], count = poleCount[k]
        guard numeratorDegree <= count - 2 else { return nil }
        let inverse = inverseConstant[k]
        for m in 0...numeratorDegree {
            let j = plan.numeratorLower + m
            numerator[m] = Complex(o[2 * j], o[2 * j + 1]) * inverse
        }
        let base = basePoles + firstPole[k], products = baseProducts + firstPole[k]
        for i in 0..<fixed { poles[i] = base[i]; poleFixed[i] = true }
        for a in fixed..<count {
            let z = Complex(base[a].real + w, base[a].imaginary)
            guard z.imaginary * z.imaginary > 1e-26 * max(1, z.lengthSquared) else { return nil }
            poles[a] = z
            poleFixed[a] = false
        }
        let moving = count - fixed
        for i in 0..<fixed {
            for a in fixed..<count {
                let d = poles[i] - poles[a]
                guard d.lengthSquared > 1e-14 * max(1, poles[a].lengthSquared) else { return nil }
                differences[i * moving + a - fixed] = d
            }
        }
        @inline(__always) func numeratorAt(_ z: Complex<Double>) -> Complex<Double> {
            var acc = numerator[numeratorDegree]
            for m in stride(from: numeratorDegree - 1, through: 0, by: -1) { acc = acc * z + numerator[m] }
            return acc
        }
        for i in 0..<fixed {
            var s = products[i]
            for a in 0..<moving { s *= differences[i * moving + a] }
            residues[i] = Self.quotient(numeratorAt(poles[i]), s)
        }
        for a in fixed..<count {
            var s = products[a]
            for i in 0..<fixed { s *= differences[i * moving + a - fixed] }
            // Π_i (z_a − f_i) = (−1)^fixed Π_i (f_i − z_a).
            if fixed % 2 == 1 { s = -s }
            residues[a] = Self.quotient(numeratorAt(poles[a]), s)
        }
        return finish(count, plan, o, knownPsi: basePsi + firstPole[k], known: fixed)
    }

    /// Σ c over the upper poles (times 2πi), or −2 Σ c ψ(½ ± β(z − μ)/2πi) with tanh, from the
    /// residues in `residues`, after what rounding leaves of Σ c (zero: deg N ≤ deg D − 2) is
    /// spread over them (then Σ c vanishes to rounding, so the general path's convergence check
    /// cannot fail here). The first `known` poles' ψ are `knownPsi`; the others come from the
    /// memos (per point for `poleFixed`, else per node).
    @inline(__always)
    private func finish(_ count: Int, _ plan: PiecePlan, _ o: UnsafePointer<Double>,
                        knownPsi: UnsafePointer<Complex<Double>>?, known: Int) -> Complex<Double> {
        var drift = Complex<Double>.zero
        for k in 0..<count { drift += residues[k] }
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
            let psi: Complex<Double>
            if k < known, let knownPsi {
                psi = knownPsi[k]
            } else {
                let argument = Self.digammaArgument(poles[k], scale: scale, mu: mu)
                psi = poleFixed[k] ? pointMemo.digamma(argument) : nodeMemo.digamma(argument)
            }
            total -= Complex<Double>(2, 0) * residues[k] * psi
        }
        return slope < 0 ? -total : total
    }

    /// a/b with one real division (b b̄ = |b|², then two products); `/` of swift-numerics
    /// divides twice. Where |b|² is not a normal number, `/` with its rescaling.
    @inline(__always)
    private static func quotient(_ a: Complex<Double>, _ b: Complex<Double>) -> Complex<Double> {
        let n = b.lengthSquared
        guard n.isNormal else { return a / b }
        let r = 1 / n
        return a * Complex(b.real * r, -b.imaginary * r)
    }

    /// ½ ± β(z − μ)/(2πi) with the sign of Im z (Re ≥ ½): β(z − μ)/(2πi) = −i·scale·(z − μ).
    @inline(__always)
    private static func digammaArgument(_ z: Complex<Double>, scale: Double, mu: Double) -> Complex<Double> {
        let w = Complex(scale * z.imaginary, -scale * (z.real - mu))
        return z.imaginary > 0 ? Complex(0.5 + w.real, w.imaginary) : Complex(0.5 - w.real, -w.imaginary)
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
