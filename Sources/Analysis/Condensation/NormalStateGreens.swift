import ComplexModule
import KeldyshNumerics
import RealModule

/// One species' Keldysh-triangular 2 × 2 block [[R, K], [0, A]] (a kernel, a G or a Σ at one
/// frequency). Products and inverses of such blocks stay triangular, which is what makes the
/// Dyson readings cheap: R and A multiply as numbers, K = X_R Y_K + X_K Y_A.
struct KeldyshBlock {
    var r: Complex<Double>, k: Complex<Double>, a: Complex<Double>

    static func * (x: KeldyshBlock, y: KeldyshBlock) -> KeldyshBlock {
        KeldyshBlock(r: x.r * y.r, k: x.r * y.k + x.k * y.a, a: x.a * y.a)
    }

    static func + (x: KeldyshBlock, y: KeldyshBlock) -> KeldyshBlock { KeldyshBlock(r: x.r + y.r, k: x.k + y.k, a: x.a + y.a) }

    func scaled(_ s: Double) -> KeldyshBlock {
        let c = Complex(s, 0)
        return KeldyshBlock(r: c * r, k: c * k, a: c * a)
    }

    var inverse: KeldyshBlock {
        let ri = Complex(1, 0) / r, ai = Complex(1, 0) / a
        return KeldyshBlock(r: ri, k: -(ri * k * ai), a: ai)
    }

    var isFinite: Bool { r.isFinite && k.isFinite && a.isFinite }
}

/// G, G₀⁻¹ or Σ of the normal state at one frequency: the blocks of species b and a.
struct SpeciesBlocks {
    var b: KeldyshBlock, a: KeldyshBlock

    /// In the order of the loop's slots: R_bb, K_bb, A_bb, R_aa, K_aa, A_aa.
    var entries: [Complex<Double>] { [b.r, b.k, b.a, a.r, a.k, a.a] }
}
