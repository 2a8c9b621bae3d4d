import CMPFR

/// Owns one mpfr on the heap so its address stays stable for every MPFR call.
/// `BigFloat` mutates a box only while it holds the sole reference
/// (copy-on-write), which is what makes `@unchecked Sendable` sound.
final class MPFRBox: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<__mpfr_struct>

    init(precision: Int) {
        pointer = .allocate(capacity: 1)
        mpfr_init2(pointer, precision)
    }

    deinit {
        mpfr_clear(pointer)
        pointer.deallocate()
    }

    func copy() -> MPFRBox {
        let result = MPFRBox(precision: mpfr_get_prec(pointer))
        mpfr_set(result.pointer, pointer, MPFR_RNDN)
        return result
    }
}
