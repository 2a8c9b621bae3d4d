import ArbitraryPrecision
import CMPFR
import Synchronization

/// The three double-exponential substitutions of `preciseIntegrate`, in standard form.
enum DoubleExponentialKind: Hashable, Sendable {
    /// x = c + r·(1 − gap) on [c − r, c + r]: `value` is gap = 2/(e^(2|u|) + 1), `weight` is (π/2)cosh t/cosh²u.
    case tanhSinh
    /// x = origin ± e^u: `value` is e^u, `weight` is (π/2)cosh t·e^u.
    case expSinh
    /// x = sinh u: `value` is sinh u, `weight` is (π/2)cosh t·cosh u.
    case sinhSinh
}

/// Nodes of one level of a double-exponential rule at one precision, u = (π/2)sinh t.
/// Level 0 holds t = k/2 (k ≥ 0), level L ≥ 1 the new points t = k·2^(−L−1), k odd. Entry i
/// is the i-th of these t ≥ 0; `negative*` holds t < 0 for the one rule that is not
/// symmetric (exp-sinh; for the others the node at −t is the mirror image with the same weight).
struct DoubleExponentialLevel: Sendable {
    var value: [BigFloat] = []
    var weight: [BigFloat] = []
    var negativeValue: [BigFloat] = []
    var negativeWeight: [BigFloat] = []
    /// The same numbers as raw mpfr variables, for kernels that read them by pointer (the
    /// compiled integrand's inner loop), without a retain and release per access.
    var raw = DoubleExponentialRawLevel(DoubleExponentialLevel?.none)

    static func t(level: Int, index i: Int) -> Double {
        level == 0 ? Double(i) * 0.5 : Double(2 * i + 1) * (0.5 / Double(1 << level))
    }
}

/// Process-wide cache of node tables, keyed by rule, precision and level and grown on
/// demand, so repeated integrals at one precision (a parameter scan) compute no
/// transcendental functions for the rule itself.
final class DoubleExponentialNodeCache: Sendable {
    static let shared = DoubleExponentialNodeCache()

    private struct Key: Hashable {
        var kind: DoubleExponentialKind
        var precision: Int
        var level: Int
    }

    private let tables = Mutex<[Key: DoubleExponentialLevel]>([:])

    /// The level's table holding at least entries 0..<count.
    func level(_ level: Int, of kind: DoubleExponentialKind, precision p: Int, count: Int) -> DoubleExponentialLevel {
        let key = Key(kind: kind, precision: p, level: level)
        return tables.withLock { tables in
            var table = tables[key] ?? DoubleExponentialLevel()
            if table.value.count >= count { return table }
            let halfPi = BigFloat.pi(precision: p) / BigFloat(2, precision: p)
            let one = BigFloat(1, precision: p), two = BigFloat(2, precision: p)
            for i in table.value.count..<count {
                let t = BigFloat(DoubleExponentialLevel.t(level: level, index: i), precision: p)
                let (sh, ch) = BigFloat.sinhCosh(t)
                let u = halfPi * sh
                switch kind {
                case .tanhSinh:
                    let e = BigFloat.exp(two * u)
                    let cu = BigFloat.cosh(u)
                    table.value.append(two / (e + one))
                    table.weight.append(halfPi * ch / (cu * cu))
                case .expSinh:
                    let e = BigFloat.exp(u), eNeg = BigFloat.exp(-u)
                    table.value.append(e)
                    table.weight.append(halfPi * ch * e)
                    table.negativeValue.append(eNeg)
                    table.negativeWeight.append(halfPi * ch * eNeg)
                case .sinhSinh:
                    let (s, c) = BigFloat.sinhCosh(u)
                    table.value.append(s)
                    table.weight.append(halfPi * ch * c)
                }
            }
            table.raw = DoubleExponentialRawLevel(table)
            tables[key] = table
            return table
        }
    }
}

/// An immutable copy of a level's tables as mpfr arrays (value, weight, negativeValue,
/// negativeWeight), freed when the last table holding it goes.
final class DoubleExponentialRawLevel: @unchecked Sendable {
    let value: UnsafeMutablePointer<__mpfr_struct>
    let weight: UnsafeMutablePointer<__mpfr_struct>
    let negativeValue: UnsafeMutablePointer<__mpfr_struct>
    let negativeWeight: UnsafeMutablePointer<__mpfr_struct>
    private let counts: [Int]

    init(_ level: DoubleExponentialLevel?) {
        let arrays = level.map { [$0.value, $0.weight, $0.negativeValue, $0.negativeWeight] } ?? [[], [], [], []]
        counts = arrays.map(\.count)
        let pointers = arrays.map { array -> UnsafeMutablePointer<__mpfr_struct> in
            let base = UnsafeMutablePointer<__mpfr_struct>.allocate(capacity: Swift.max(array.count, 1))
            for (k, b) in array.enumerated() {
                mpfr_init2(base + k, b.precision)
                b.withUnsafeMPFR { _ = mpfr_set(base + k, $0, MPFR_RNDN) }
            }
            return base
        }
        (value, weight, negativeValue, negativeWeight) = (pointers[0], pointers[1], pointers[2], pointers[3])
    }

    deinit {
        for (base, count) in zip([value, weight, negativeValue, negativeWeight], counts) {
            for k in 0..<count { mpfr_clear(base + k) }
            base.deallocate()
        }
    }
}
