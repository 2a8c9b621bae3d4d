import ComplexModule
import RealModule

/// A 2 × 2 complex Nambu matrix (rows and columns b, a) at one frequency.
struct Nambu2 {
    var bb: Complex<Double>, ba: Complex<Double>, ab: Complex<Double>, aa: Complex<Double>

    static let zero = Nambu2(bb: .zero, ba: .zero, ab: .zero, aa: .zero)

    static func diagonal(_ b: Complex<Double>, _ a: Complex<Double>) -> Nambu2 { Nambu2(bb: b, ba: .zero, ab: .zero, aa: a) }

    static func * (x: Nambu2, y: Nambu2) -> Nambu2 {
        Nambu2(bb: x.bb * y.bb + x.ba * y.ab, ba: x.bb * y.ba + x.ba * y.aa,
               ab: x.ab * y.bb + x.aa * y.ab, aa: x.ab * y.ba + x.aa * y.aa)
    }

    static func + (x: Nambu2, y: Nambu2) -> Nambu2 { Nambu2(bb: x.bb + y.bb, ba: x.ba + y.ba, ab: x.ab + y.ab, aa: x.aa + y.aa) }
    static func - (x: Nambu2, y: Nambu2) -> Nambu2 { Nambu2(bb: x.bb - y.bb, ba: x.ba - y.ba, ab: x.ab - y.ab, aa: x.aa - y.aa) }

    func scaled(_ s: Complex<Double>) -> Nambu2 { Nambu2(bb: s * bb, ba: s * ba, ab: s * ab, aa: s * aa) }

    var inverse: Nambu2 {
        let d = Complex(1, 0) / (bb * aa - ba * ab)
        return Nambu2(bb: d * aa, ba: -(d * ba), ab: -(d * ab), aa: d * bb)
    }

    var isFinite: Bool { bb.isFinite && ba.isFinite && ab.isFinite && aa.isFinite }
}

/// A Keldysh-triangular [[R, K], [0, A]] whose entries are Nambu matrices: G, G₀⁻¹ or Σ at one
/// frequency with a condensate (the normal state's `KeldyshBlock` has Nambu-diagonal entries).
struct NambuKeldysh {
    var r: Nambu2, k: Nambu2, a: Nambu2

    static func * (x: NambuKeldysh, y: NambuKeldysh) -> NambuKeldysh {
        NambuKeldysh(r: x.r * y.r, k: x.r * y.k + x.k * y.a, a: x.a * y.a)
    }

    static func + (x: NambuKeldysh, y: NambuKeldysh) -> NambuKeldysh { NambuKeldysh(r: x.r + y.r, k: x.k + y.k, a: x.a + y.a) }
    static func - (x: NambuKeldysh, y: NambuKeldysh) -> NambuKeldysh { NambuKeldysh(r: x.r - y.r, k: x.k - y.k, a: x.a - y.a) }

    func scaled(_ s: Double) -> NambuKeldysh {
        let c = Complex(s, 0)
        return NambuKeldysh(r: r.scaled(c), k: k.scaled(c), a: a.scaled(c))
    }

    var inverse: NambuKeldysh {
        let ri = r.inverse, ai = a.inverse
        return NambuKeldysh(r: ri, k: (ri * k * ai).scaled(Complex(-1, 0)), a: ai)
    }

    var isFinite: Bool { r.isFinite && k.isFinite && a.isFinite }
}
