import Analysis
import ArbitraryPrecision
import Foundation
import KeldyshNumerics
import OutputFormats
import Symbolic

/// `keldysh threshold … --certify` for a field-theory model: around the threshold the search
/// found, a box in (ω, p) on which Poincaré–Miranda proves a zero of K₁^R(ω) of B15
/// (`CertifiedZeroBox`, ten enclosures by `CertifiedRetardedKernel`), in the frame μ_S = the
/// search's frequency. What it proves: for some p in [lo, hi] the photon's kernel vanishes at a
/// real frequency — the onset of the instability. It does not prove that no smaller p in the
/// interval has one (that "first" is the Double scan's).
public struct CondensationCertificate: Sendable {
    /// The box's half-width is 10^−(D+1) of p for D digits asked, at most this many. K's
    /// enclosures have a floor, the loop's proven tail beyond the cutoff R, ~1/R² (`shells`);
    /// the box is centred on the MPFR polish's value (past 9 digits, where the polish runs), so
    /// the 128-bit balls, not the centre, limit it. Measured at the g0 threshold in μ_B: with
    /// R = 2^20 a 10⁻¹⁰ box is certified and a 10⁻¹¹ box fails on a spread of 1.5·10⁻¹² against
    /// 1.3·10⁻¹²; R = 2^24 certifies 12 digits, 2^28 13, 2^32 15.
    public static let maximumDigits = 15
    /// The dyadic shells of the loop's verified quadrature beyond [−8, 8] for D digits: the
    /// cutoff 2^(3 + shells) grows by 2^4 (the tail by 2^−8) for every two digits past 9.
    public static func shells(digits: Int) -> Int { 17 + 4 * max(0, (digits - 8) / 2) }
    /// The digits asked (the box's scale).
    public let digits: Int
    /// log₂ of the loop's cutoff R: verified quadrature over |ν| ≤ R, the proven tail beyond.
    public let log2Cutoff: Int
    public let lower: BigRational, upper: BigRational
    public let omegaHalfWidth: BigRational
    public let frame: BigRational
    public let enclosures: Int
    public let margins: [Double]
}

/// The certificate for a threshold `center` (the varied parameter) at frequency `frame` with
/// `digits` digits: both exact, the MPFR polish's where it ran (a Double centre is off by
/// ~10⁻¹⁶, more than a 15-digit box allows). `shells`: the cutoff,
/// `CondensationCertificate.shells(digits:)` unless given (tests: a shorter one must fail).
func certifyThreshold(problem: CondensationProblem, reading: DysonReading, given: [Symbol: Expr], varied: Int, frequency: Int,
                      center: BigRational, frame: BigRational, digits: Int,
                      numerics: CondensationNumerics, values: [Double], step: Double, progress: Bool,
                      shells: Int? = nil) throws -> CondensationCertificate {
    try requireEnclosableReading(reading, option: "--certify")
    let names = problem.parameters
    var balls: [RealBall] = []
    let bits = 128
    let value = center.toDouble(), mu = frame.toDouble()
    for (k, s) in names.enumerated() {
        if k == varied { balls.append(RealBall(0, precision: bits)); continue }
        if k == frequency {
            balls.append(RealBall.enclosing(frame, precision: bits + 64)!)
            continue
        }
        balls.append(try exactBall(s.name, given[s], bits: bits, what: "--certify"))
    }
    // J = ∂(Re K, Im K)/∂(ω, p) by central differences of the Double route (∂/∂ω = ∂/∂μ_S: the
    // frame only shifts frequencies), for the preconditioner only.
    let nodes = FrequencyNodes(step: step / 2, limit: FrequencyNodes.tailLimit)
    func k(_ dMu: Double, _ dP: Double) throws -> (Double, Double) {
        var v = values
        v[frequency] = mu + dMu
        v[varied] = value + dP
        numerics.set(v)
        let z = try numerics.retardedKernelAtZero(reading, nodes: nodes)
        return (z.real, z.imaginary)
    }
    let hMu = 1e-6 * max(1, abs(mu)), hP = 1e-6 * max(1, abs(value))
    let (a, b) = (try k(hMu, 0), try k(-hMu, 0)), (c, d) = (try k(0, hP), try k(0, -hP))
    let j = [[(a.0 - b.0) / (2 * hMu), (c.0 - d.0) / (2 * hP)], [(a.1 - b.1) / (2 * hMu), (c.1 - d.1) / (2 * hP)]]
    let det = j[0][0] * j[1][1] - j[0][1] * j[1][0]
    // Half-widths: p to about `digits` digits; ω wide enough that the ω faces dominate the ball
    // of p (a plain ball widens K ~10 times), inside a tenth of the Cauchy disk ρ = 1/100.
    let dp = max(abs(value), 1e-300) * Foundation.pow(10, -Double(digits + 1))
    let c1 = 2 * abs(j[0][1] * j[1][1]) / abs(det)
    let dOmega = min(1e-3, max(1e-12, 100 * c1 * dp))
    let shellCount = shells ?? CondensationCertificate.shells(digits: digits)
    let kernel = try CertifiedRetardedKernel(problem, bits: bits, reading: reading, shells: shellCount)
    let bar = progress ? ProgressBar(total: 10, label: "certificate") : nil
    let request = CertifiedZeroBox.Request(parameters: balls, varied: varied, center: center,
                                           halfWidth: BigRational(exactly: dp), omegaHalfWidth: BigRational(exactly: dOmega),
                                           disk: BigRational(1) / BigRational(100), jacobian: j,
                                           tolerance: BigRational(exactly: min(1e-10, 1e-3 * dp)))
    let r = try CertifiedZeroBox.certify(kernel, request) { bar?.update($0) }
    if progress { writeStandardError("\n") }
    return CondensationCertificate(digits: digits, log2Cutoff: kernel.log2Cutoff, lower: r.parameter.lowerBound, upper: r.parameter.upperBound, omegaHalfWidth: BigRational(exactly: dOmega),
                                   frame: frame, enclosures: r.enclosures, margins: r.margins)
}
