import ArbitraryPrecision

/// `Nambu2` in MPFR: a 2 × 2 complex Nambu matrix (rows and columns b, a) at one frequency.
struct PreciseNambu2 {
    var bb: BigComplex, ba: BigComplex, ab: BigComplex, aa: BigComplex

    static func diagonal(_ b: BigComplex, _ a: BigComplex) -> PreciseNambu2 {
        let zero = BigComplex(BigFloat(0, precision: b.precision))
        return PreciseNambu2(bb: b, ba: zero, ab: zero, aa: a)
    }

    static func * (x: PreciseNambu2, y: PreciseNambu2) -> PreciseNambu2 {
        PreciseNambu2(bb: x.bb * y.bb + x.ba * y.ab, ba: x.bb * y.ba + x.ba * y.aa,
                      ab: x.ab * y.bb + x.aa * y.ab, aa: x.ab * y.ba + x.aa * y.aa)
    }

    static func + (x: PreciseNambu2, y: PreciseNambu2) -> PreciseNambu2 {
        PreciseNambu2(bb: x.bb + y.bb, ba: x.ba + y.ba, ab: x.ab + y.ab, aa: x.aa + y.aa)
    }

    var negated: PreciseNambu2 { PreciseNambu2(bb: -bb, ba: -ba, ab: -ab, aa: -aa) }

    var inverse: PreciseNambu2 {
        let d = BigComplex(BigFloat(1, precision: bb.precision)) / (bb * aa - ba * ab)
        return PreciseNambu2(bb: d * aa, ba: -(d * ba), ab: -(d * ab), aa: d * bb)
    }

    var isFinite: Bool { bb.isFinite && ba.isFinite && ab.isFinite && aa.isFinite }
}

/// `NambuKeldysh` in MPFR: the Keldysh-triangular [[R, K], [0, A]] of Nambu matrices.
struct PreciseNambuKeldysh {
    var r: PreciseNambu2, k: PreciseNambu2, a: PreciseNambu2

    static func * (x: PreciseNambuKeldysh, y: PreciseNambuKeldysh) -> PreciseNambuKeldysh {
        PreciseNambuKeldysh(r: x.r * y.r, k: x.r * y.k + x.k * y.a, a: x.a * y.a)
    }

    static func + (x: PreciseNambuKeldysh, y: PreciseNambuKeldysh) -> PreciseNambuKeldysh {
        PreciseNambuKeldysh(r: x.r + y.r, k: x.k + y.k, a: x.a + y.a)
    }

    /// Times ±1 (the sign of Σ in the kernel).
    func scaled(_ s: Double) -> PreciseNambuKeldysh { s < 0 ? PreciseNambuKeldysh(r: r.negated, k: k.negated, a: a.negated) : self }

    var inverse: PreciseNambuKeldysh {
        let ri = r.inverse, ai = a.inverse
        return PreciseNambuKeldysh(r: ri, k: (ri * k * ai).negated, a: ai)
    }

    var isFinite: Bool { r.isFinite && k.isFinite && a.isFinite }
}
