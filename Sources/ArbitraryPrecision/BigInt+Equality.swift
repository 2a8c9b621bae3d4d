import CGMP

// The canonical representation (small whenever the value fits in Int) lets a
// small value never equal a big one, so comparisons only call GMP for big/big.

extension BigInt: Equatable {
    @inlinable
    public static func == (lhs: BigInt, rhs: BigInt) -> Bool {
        switch (lhs.storage, rhs.storage) {
        case let (.small(a), .small(b)): return a == b
        case let (.big(a), .big(b)): return a === b || compareBig(a, b) == 0
        default: return false
        }
    }

    // Kept out of inlinable code: gmp.h is textually included by both CGMP and
    // CMPFR, so which module "owns" GMP's types varies between builds and
    // inlinable references to them fail in release (WMO) builds.
    @usableFromInline
    static func compareBig(_ a: MPZBox, _ b: MPZBox) -> Int32 {
        __gmpz_cmp(a.pointer, b.pointer)
    }
}

extension BigInt: Hashable {
    public func hash(into hasher: inout Hasher) {
        switch storage {
        case .small(let v):
            hasher.combine(v)
        case .big(let box):
            let z = box.pointer.pointee
            hasher.combine(z._mp_size)
            for i in 0..<Int(z._mp_size.magnitude) { hasher.combine(z._mp_d[i]) }
        }
    }
}

extension BigInt: Comparable {
    @inlinable
    public static func < (lhs: BigInt, rhs: BigInt) -> Bool {
        if case .small(let a) = lhs.storage, case .small(let b) = rhs.storage { return a < b }
        return compareSlow(lhs, rhs) < 0
    }

    /// Three-way comparison; the sign of the result orders lhs against rhs.
    @usableFromInline
    static func compareSlow(_ lhs: BigInt, _ rhs: BigInt) -> Int {
        switch (lhs.storage, rhs.storage) {
        case let (.small(a), .small(b)): return a < b ? -1 : (a == b ? 0 : 1)
        // A big value lies outside the Int range, so its sign alone decides.
        case (.small, .big): return -rhs.signum
        case (.big, .small): return lhs.signum
        case let (.big(a), .big(b)): return Int(__gmpz_cmp(a.pointer, b.pointer).signum())
        }
    }

    /// -1, 0 or 1 as `self` is less than, equal to or greater than `other`.
    public func compare(to other: BigInt) -> Int { BigInt.compareSlow(self, other) }
}
