import CMPFR
import RealModule
import Synchronization

/// exp(j·2^(−6)), exp(j·2^(−12)), exp(j·2^(−18)) and 1/m! at one working precision, shared
/// by every `MPFRTanhKernel` of that precision (read-only once built).
final class MPFRExpTables: @unchecked Sendable {
    static let stepBits = [6, 12, 18]
    static let halfRange = [23, 32, 32]  // |j| ≤ these: covers |r| ≤ ln2/2 + 2^(−7), then the previous step's half-width

    let precision: Int
    let ln2: UnsafeMutablePointer<__mpfr_struct>
    let levels: [UnsafeMutablePointer<__mpfr_struct>]
    let inverseFactorials: UnsafeMutablePointer<__mpfr_struct>
    /// Taylor terms for exp(s), |s| ≤ 2^(−19): the first omitted one, s^(M+1)/(M+1)!, is below 2^(−q−4).
    let taylorTerms: Int

    private static let cache = Mutex<[Int: MPFRExpTables]>([:])

    static func shared(precision q: Int) -> MPFRExpTables {
        cache.withLock { cache in
            if let t = cache[q] { return t }
            let t = MPFRExpTables(precision: q)
            cache[q] = t
            return t
        }
    }

    private init(precision q: Int) {
        precision = q
        ln2 = .allocate(capacity: 1)
        mpfr_init2(ln2, q)
        mpfr_const_log2(ln2, MPFR_RNDN)
        var levels = [UnsafeMutablePointer<__mpfr_struct>]()
        for (bits, range) in zip(Self.stepBits, Self.halfRange) {
            let table = UnsafeMutablePointer<__mpfr_struct>.allocate(capacity: 2 * range + 1)
            for j in -range...range {
                let e = table + (j + range)
                mpfr_init2(e, q)
                mpfr_set_si_2exp(e, j, -bits, MPFR_RNDN)  // j·2^(−bits), exact
                mpfr_exp(e, e, MPFR_RNDN)
            }
            levels.append(table)
        }
        self.levels = levels
        var terms = 1, log2Factorial = 0.0
        while Double(19 * (terms + 1)) + log2Factorial + Double.log2(Double(terms + 1)) <= Double(q + 4) {
            terms += 1
            log2Factorial += Double.log2(Double(terms))
        }
        taylorTerms = terms
        inverseFactorials = .allocate(capacity: terms + 1)
        for m in 0...terms {
            let c = inverseFactorials + m
            mpfr_init2(c, q)
            mpfr_set_ui(c, 1, MPFR_RNDN)
            for k in 1...max(m, 1) where m > 0 { mpfr_div_ui(c, c, UInt(k), MPFR_RNDN) }
        }
    }

    deinit {
        mpfr_clear(ln2); ln2.deallocate()
        for (table, range) in zip(levels, Self.halfRange) {
            for k in 0...(2 * range) { mpfr_clear(table + k) }
            table.deallocate()
        }
        for m in 0...taylorTerms { mpfr_clear(inverseFactorials + m) }
        inverseFactorials.deallocate()
    }
}

/// tanh for the MPFR tape evaluator at precision p, about four times faster than mpfr_tanh at
/// 100–250 bits (whose Ziv loop costs ~3 µs per call whatever the argument).
///
/// tanh x = sign(x)·(e − 1)/(e + 1), e = exp(2|x|), with exp by table reduction at q ≈ p + 24
/// bits: 2|x| = n ln2 + r, r = j₁2^(−6) + j₂2^(−12) + j₃2^(−18) + s with |s| ≤ 2^(−19), and
/// exp(s) from Taylor terms (nine at 150 bits; truncation below 2^(−q−4)). About 25 roundings at 2^(−q) each
/// leave the result within 2^(−p−18) of tanh x before the final rounding to p bits: a
/// faithful result, correctly rounded except within 2^(−18) ulp of a rounding boundary.
/// For 2^(−16) ≤ |x| < 1/8, where e − 1 cancels up to 15 bits, the same at q + 16 bits; smaller
/// |x| (rare: no double-exponential node but x = 0 is that close) goes to mpfr_tanh; |x| beyond (p + 2)(ln 2)/2 + 1
/// gives ±1, the correctly rounded value there. Not thread-safe (owns its scratch).
final class MPFRTanhKernel {
    let precision: Int
    let tables: MPFRExpTables
    private let scratch: MPFRScratch
    private let threshold: Double
    /// For 2^(−16) ≤ |x| < 1/8: the same method 16 bits wider, which absorbs the at most 15 bits
    /// that e − 1 ≈ 2|x| cancels (built on first use).
    private lazy var small: (tables: MPFRExpTables, scratch: MPFRScratch) = {
        let q = Self.internalPrecision(precision) + 16
        return (MPFRExpTables.shared(precision: q), MPFRScratch(count: 4, precision: q))
    }()

    init(precision p: Int) {
        precision = p
        let q = Self.internalPrecision(p)
        tables = MPFRExpTables.shared(precision: q)
        scratch = MPFRScratch(count: 4, precision: q)
        threshold = Double(p + 2) * 0.34657359027997264 + 1
    }

    /// p + 24 bits, or the 64-bit limb boundary when it lies between p + 12 and p + 24: one limb
    /// less costs about a fifth of the time (at p = 116, the 30-digit quadrature: 128 bits), and
    /// 12 guard bits still leave the result faithful (about 2^(−7) ulp before the final rounding).
    static func internalPrecision(_ p: Int) -> Int {
        let limbs = { (bits: Int) in (bits + 63) / 64 }
        return limbs(p + 12) < limbs(p + 24) ? 64 * limbs(p + 12) : p + 24
    }

    func tanh(_ d: UnsafeMutablePointer<__mpfr_struct>, _ a: UnsafeMutablePointer<__mpfr_struct>) {
        let rnd = MPFR_RNDN
        guard mpfr_number_p(a) != 0, mpfr_zero_p(a) == 0 else { mpfr_tanh(d, a, rnd); return }
        let xd = mpfr_get_d(a, MPFR_RNDZ)
        let ax = Swift.abs(xd)
        if ax > threshold { mpfr_set_si(d, xd > 0 ? 1 : -1, rnd); return }
        if ax < 0x1p-16 || mpfr_get_prec(a) > precision { mpfr_tanh(d, a, rnd); return }
        if ax < 0.125 {
            let (tables, scratch) = small
            compute(d, a, xd, ax, tables, scratch)
        } else {
            compute(d, a, xd, ax, tables, scratch)
        }
    }

    private func compute(_ d: UnsafeMutablePointer<__mpfr_struct>, _ a: UnsafeMutablePointer<__mpfr_struct>,
                         _ xd: Double, _ ax: Double, _ tables: MPFRExpTables, _ scratch: MPFRScratch) {
        let rnd = MPFR_RNDN
        let (r, t, e, u) = (scratch[0], scratch[1], scratch[2], scratch[3])
        // r = 2|x| − n ln2 (2|x| is exact at q ≥ the precision of a).
        mpfr_mul_2ui(r, a, 1, rnd)
        mpfr_abs(r, r, rnd)
        let n = (2 * ax / 0.6931471805599453).rounded()
        mpfr_mul_si(t, tables.ln2, Int(n), rnd)
        mpfr_sub(r, r, t, rnd)
        // The three table indices from one double of r (it holds r to 2^(−54), far below the
        // last step 2^(−18)), and one subtraction of their exact sum j₁2^(−6) + j₂2^(−12) + j₃2^(−18).
        mpfr_set_ui(e, 1, rnd)
        var rest = mpfr_get_d(r, rnd)
        var combined = 0
        for (level, bits) in MPFRExpTables.stepBits.enumerated() {
            let range = MPFRExpTables.halfRange[level]
            let j = Swift.max(-range, Swift.min(range, Int((rest * Double(1 << bits)).rounded())))
            rest -= Double(j) / Double(1 << bits)
            combined = combined << (bits - (level == 0 ? 0 : MPFRExpTables.stepBits[level - 1])) + j
            if j != 0 { mpfr_mul(e, e, tables.levels[level] + (j + range), rnd) }
        }
        if combined != 0 {
            mpfr_set_si_2exp(t, combined, -MPFRExpTables.stepBits[MPFRExpTables.stepBits.count - 1], rnd)
            mpfr_sub(r, r, t, rnd)
        }
        // exp(r) − 1 = r·Σ_{m≥1} r^(m−1)/m!, Horner.
        let c = tables.inverseFactorials
        let m = tables.taylorTerms
        mpfr_set(u, c + m, rnd)
        for k in stride(from: m - 1, through: 1, by: -1) {
            mpfr_mul(u, u, r, rnd)
            mpfr_add(u, u, c + k, rnd)
        }
        mpfr_mul(u, u, r, rnd)
        // e·exp(r)·2^n = e + e·(exp(r) − 1), times 2^n.
        mpfr_fma(e, e, u, e, rnd)
        mpfr_mul_2si(e, e, Int(n), rnd)
        mpfr_sub_ui(t, e, 1, rnd)
        mpfr_add_ui(u, e, 1, rnd)
        mpfr_div(d, t, u, rnd)
        if xd < 0 { mpfr_neg(d, d, rnd) }
    }
}
