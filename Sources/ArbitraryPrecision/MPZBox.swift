import CGMP

/// Owns one mpz on the heap so its address stays stable for every GMP call.
/// Never mutated after it has been wrapped in a `BigInt`, which is what makes
/// `@unchecked Sendable` sound.
@usableFromInline
final class MPZBox: @unchecked Sendable {
    @usableFromInline let pointer: UnsafeMutablePointer<__mpz_struct>

    @usableFromInline
    init() {
        pointer = .allocate(capacity: 1)
        __gmpz_init(pointer)
    }

    deinit {
        __gmpz_clear(pointer)
        pointer.deallocate()
    }
}
