import ArbitraryPrecision

/// `KeldyshBlock` in MPFR: one species' [[R, K], [0, A]] at one frequency, for the many-digit
/// route (`PreciseCondensationNumerics`). Same algebra: R and A multiply as numbers,
/// K = X_R Y_K + X_K Y_A.
struct PreciseKeldyshBlock {
    var r: BigComplex, k: BigComplex, a: BigComplex

    static func * (x: PreciseKeldyshBlock, y: PreciseKeldyshBlock) -> PreciseKeldyshBlock {
        PreciseKeldyshBlock(r: x.r * y.r, k: x.r * y.k + x.k * y.a, a: x.a * y.a)
    }

    static func + (x: PreciseKeldyshBlock, y: PreciseKeldyshBlock) -> PreciseKeldyshBlock {
        PreciseKeldyshBlock(r: x.r + y.r, k: x.k + y.k, a: x.a + y.a)
    }

    /// Times ±1 (the sign of Σ in the kernel).
    func scaled(_ s: Double) -> PreciseKeldyshBlock { s < 0 ? PreciseKeldyshBlock(r: -r, k: -k, a: -a) : self }

    var inverse: PreciseKeldyshBlock {
        let one = BigComplex(BigFloat(1, precision: r.precision))
        let ri = one / r, ai = one / a
        return PreciseKeldyshBlock(r: ri, k: -(ri * k * ai), a: ai)
    }

    var isFinite: Bool { r.isFinite && k.isFinite && a.isFinite }
}

/// G, G₀⁻¹ or Σ of the normal state at one frequency in MPFR: the blocks of species b and a.
struct PreciseSpeciesBlocks {
    var b: PreciseKeldyshBlock, a: PreciseKeldyshBlock

    /// In the order of the loop's slots: R_bb, K_bb, A_bb, R_aa, K_aa, A_aa.
    var entries: [BigComplex] { [b.r, b.k, b.a, a.r, a.k, a.a] }
}
