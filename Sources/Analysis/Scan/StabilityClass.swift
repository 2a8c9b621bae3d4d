import ComplexModule
import RealModule

/// How a fixed point responds to small perturbations, read off the eigenvalues of its
/// stability matrix (the colours of Figs. 4, 5, 7 of 003).
///
/// For a matrix of a real system written in complex pairs (A2 acts on (δa, δa*, …)),
/// eigenvalues come in conjugate pairs or are real, so one unstable real mode (a static
/// instability: superradiance) and one unstable conjugate pair (a Hopf instability:
/// lasing) are the generic ways to lose stability.
public enum StabilityClass: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    /// Every eigenvalue has a negative real part.
    case stable = 0
    /// Exactly one unstable eigenvalue, real.
    case oneReal = 1
    /// Exactly two unstable eigenvalues, a complex-conjugate pair.
    case complexPair = 2
    /// Three or more unstable eigenvalues (or two real ones, or an unpaired complex one).
    case multiple = 3
    /// An eigenvalue on the imaginary axis within rounding: a boundary point.
    case marginal = 4

    public var description: String {
        switch self {
        case .stable: return "stable"
        case .oneReal: return "real"
        case .complexPair: return "complex-pair"
        case .multiple: return "multiple"
        case .marginal: return "marginal"
        }
    }

    public init?(name: String) {
        guard let c = StabilityClass.allCases.first(where: { $0.description == name }) else { return nil }
        self = c
    }
}

/// The classification of one grid point.
public struct PointStability: Sendable, Equatable {
    public var stabilityClass: StabilityClass
    /// Eigenvalues with a real part above the tolerance.
    public var unstableCount: Int
    /// The largest real part and the imaginary part of that eigenvalue (the positive one
    /// of a conjugate pair).
    public var maxReal: Double
    public var imaginaryAtMax: Double
}

/// Classifies eigenvalues. `tolerance` is absolute; eigenvalues with |Re| ≤ tolerance are
/// neither stable nor unstable, and make the point `marginal` only when nothing is unstable.
public func classify(eigenvalues: [Complex<Double>], tolerance: Double) -> PointStability {
    var maxRe = -Double.infinity, imAtMax = 0.0
    var unstable = 0, unstableReal = 0, marginal = 0
    var imSum = 0.0
    for z in eigenvalues {
        let re = z.real, im = z.imaginary
        // Prefer the eigenvalue with Im ≥ 0 when a conjugate pair ties in Re.
        if re > maxRe + tolerance * 1e-3 || ((re - maxRe).magnitude <= tolerance * 1e-3 && im > imAtMax) {
            maxRe = re; imAtMax = im
        }
        if re > tolerance {
            unstable += 1
            imSum += im
            if im.magnitude <= tolerance { unstableReal += 1 }
        } else if re >= -tolerance {
            marginal += 1
        }
    }
    let c: StabilityClass
    switch unstable {
    case 0: c = marginal > 0 ? .marginal : .stable
    case 1: c = unstableReal == 1 ? .oneReal : .multiple
    case 2: c = unstableReal == 0 && imSum.magnitude <= tolerance * 10 ? .complexPair : .multiple
    default: c = .multiple
    }
    return PointStability(stabilityClass: c, unstableCount: unstable, maxReal: maxRe, imaginaryAtMax: imAtMax.magnitude <= tolerance ? 0 : imAtMax)
}
