import CMPFR

/// A fixed set of mpfr variables at one precision, initialised once and reused by a
/// kernel's inner loop so that loop allocates nothing. Not thread-safe.
final class MPFRScratch {
    let base: UnsafeMutablePointer<__mpfr_struct>
    let count: Int

    init(count: Int, precision: Int) {
        self.count = count
        base = .allocate(capacity: count)
        for k in 0..<count { mpfr_init2(base + k, precision) }
    }

    deinit {
        for k in 0..<count { mpfr_clear(base + k) }
        base.deallocate()
    }

    subscript(k: Int) -> UnsafeMutablePointer<__mpfr_struct> { base + k }
}
