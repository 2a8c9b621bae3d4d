import CGMP

/// Arbitrary-precision integer.
///
/// Values that fit in `Int` are always stored inline (`.small`); only values
/// outside the `Int` range use a GMP mpz. Because the representation is
/// canonical, equality and hashing can compare the storage structurally.
public struct BigInt: Sendable {
    @usableFromInline
    enum Storage: Sendable {
        case small(Int)
        case big(MPZBox)
    }

    @usableFromInline let storage: Storage

    @inlinable
    public init(_ v: Int) { storage = .small(v) }

    public init(_ v: UInt) {
        if let i = Int(exactly: v) {
            storage = .small(i)
        } else {
            let box = MPZBox()
            __gmpz_set_ui(box.pointer, v)
            storage = .big(box)
        }
    }

    /// Copies the value; the caller keeps ownership of `mpz`.
    public init(mpz: UnsafePointer<__mpz_struct>) {
        let box = MPZBox()
        __gmpz_set(box.pointer, mpz)
        self.init(normalizing: box)
    }

    /// Truncates toward zero, like `Int(_: Double)`.
    public init(_ d: Double) {
        precondition(d.isFinite, "BigInt(Double) requires a finite value")
        if let i = Int(exactly: d.rounded(.towardZero)) {
            self.init(i)
        } else {
            let box = MPZBox()
            __gmpz_set_d(box.pointer, d)
            self.init(normalizing: box)
        }
    }

    /// Takes ownership of a freshly computed box and restores the canonical form.
    @usableFromInline
    init(normalizing box: MPZBox) {
        if __gmpz_fits_slong_p(box.pointer) != 0 {
            storage = .small(__gmpz_get_si(box.pointer))
        } else {
            storage = .big(box)
        }
    }

    /// Runs `body` on a fresh mpz and wraps the result in canonical form.
    @usableFromInline
    static func computing(_ body: (UnsafeMutablePointer<__mpz_struct>) -> Void) -> BigInt {
        let box = MPZBox()
        body(box.pointer)
        return BigInt(normalizing: box)
    }

    /// Lends a read-only mpz view of the value. Small values are exposed without
    /// allocation through a read-only mpz over a stack limb (GMP's `mpz_roinit_n`
    /// convention), so the pointer must not escape `body`.
    public func withMPZ<R>(_ body: (UnsafePointer<__mpz_struct>) throws -> R) rethrows -> R {
        switch storage {
        case .big(let box):
            return try body(box.pointer)
        case .small(let v):
            var limb = mp_limb_t(v.magnitude)
            let size: Int32 = v == 0 ? 0 : (v < 0 ? -1 : 1)
            return try withUnsafeMutablePointer(to: &limb) { limbPointer in
                var z = __mpz_struct(_mp_alloc: 0, _mp_size: size, _mp_d: limbPointer)
                return try withUnsafePointer(to: &z) { try body($0) }
            }
        }
    }
}

extension BigInt: ExpressibleByIntegerLiteral {
    @inlinable
    public init(integerLiteral value: Int) { self.init(value) }
}

extension BigInt {
    public static let zero = BigInt(0)
    public static let one = BigInt(1)

    /// `nil` when the value does not fit in `Int`.
    @inlinable
    public var asInt: Int? {
        if case .small(let v) = storage { return v }
        return nil
    }

    @inlinable
    public var isZero: Bool {
        if case .small(let v) = storage { return v == 0 }
        return false
    }

    @inlinable
    public var isOne: Bool {
        if case .small(let v) = storage { return v == 1 }
        return false
    }

    /// -1, 0 or 1.
    public var signum: Int {
        switch storage {
        case .small(let v): return v.signum()
        case .big(let box): return box.pointer.pointee._mp_size < 0 ? -1 : 1
        }
    }

    public var magnitude: BigInt {
        switch storage {
        case .small(let v) where v != .min: return BigInt(Swift.abs(v))
        case .small(let v): return BigInt(v.magnitude)
        case .big(let box):
            if box.pointer.pointee._mp_size > 0 { return self }
            return .computing { __gmpz_abs($0, box.pointer) }
        }
    }

    public var isEven: Bool {
        switch storage {
        case .small(let v): return v & 1 == 0
        // tstbit uses two's-complement semantics, which preserves parity for negatives.
        case .big(let box): return __gmpz_tstbit(box.pointer, 0) == 0
        }
    }

    /// Number of bits of |x|; 0 for zero.
    public var bitWidth: Int {
        switch storage {
        case .small(let v): return Int.bitWidth - v.magnitude.leadingZeroBitCount
        case .big(let box): return Int(__gmpz_sizeinbase(box.pointer, 2))
        }
    }
}
