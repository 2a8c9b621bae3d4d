import ArbitraryPrecision
import KeldyshNumerics
import Symbolic

/// The eigenvalues of the Jacobian of the real mean-field system at a steady state, enclosed:
/// the Jacobian's entries are evaluated over the box that holds the state (balls), its
/// characteristic polynomial formed by Berkowitz's division-free algorithm over balls, and
/// its roots enclosed by verified inclusion disks (`verifiedRoots`) — for every matrix in the
/// box, so for the exact state too. The real Jacobian is similar to the stability matrix in
/// (δv, δv*) coordinates, so these are the stability eigenvalues.
public struct Spectrum: Sendable {
    public struct Eigenvalue: Sendable {
        /// Re and Im to the digits the disk fixes.
        public var re: String
        public var im: String
        /// +1 Re > 0, −1 Re < 0, 0 the disk meets the imaginary axis.
        public var sign: Int
        public var multiplicity: Int
    }
    public var eigenvalues: [Eigenvalue]
    public var unstable: Int
    public var stable: Int
    /// Eigenvalues whose disk meets the imaginary axis.
    public var undecided: Int
    /// Of the undecided: exact zeros from conserved quantities (one per conserved quantity
    /// with a nonzero gradient: ∇C·J = 0 at every steady state).
    public var conservedZeros: Int

    /// Stable, unstable, or marginal only through the conserved quantities' zero modes.
    public var verdict: String {
        if unstable > 0 { return "unstable (\(unstable) eigenvalue\(unstable == 1 ? "" : "s") with Re λ > 0)" }
        if undecided == 0 { return "stable (every eigenvalue has Re λ < 0)" }
        if undecided == conservedZeros {
            return "stable within the conserved shell (the other eigenvalues have Re λ < 0; \(conservedZeros) eigenvalue\(conservedZeros == 1 ? " is" : "s are") 0 along the conserved quantit\(conservedZeros == 1 ? "y" : "ies"))"
        }
        return "undecided (\(undecided) eigenvalue\(undecided == 1 ? "" : "s") on or too close to the imaginary axis)"
    }

    init(jacobian system: CompiledSystem, at box: [ComplexBall], digits: Int, bits: Int, conserved: Int) throws {
        let n = system.count
        let j = system.j.map { row in row.map { $0.value(box, bits: bits) } }
        // Berkowitz gives det(s − J) highest degree first.
        let p = berkowitzCharacteristic(size: n, { j[$0][$1] }, normalize: { $0.rounded(bits: bits) })
        try self.init(coefficients: Array(p.reversed()), digits: digits, bits: bits, realFamily: true, conserved: conserved)
    }

    /// The roots of every polynomial with coefficients (lowest degree first) in the balls.
    init(coefficients ascending: [ComplexBall], digits: Int, bits: Int, realFamily: Bool, conserved: Int) throws {
        let clusters = try verifiedRoots(digits: digits, realFamily: realFamily, maxBits: bits) { _ in ascending }
        var values: [Eigenvalue] = []
        var unstable = 0, stable = 0, undecided = 0, zeros = 0
        for c in clusters.sorted(by: { ($0.center.re, $0.center.im) > ($1.center.re, $1.center.im) }) {
            let (rl, rh) = c.realRange, (il, ih) = c.imaginaryRange
            let sign = c.realPartSign
            values.append(Eigenvalue(re: provenDigits(rl, rh, digits), im: c.isReal ? "0" : provenDigits(il, ih, digits),
                                     sign: sign, multiplicity: c.count))
            switch sign {
            case 1: unstable += c.count
            case -1: stable += c.count
            default:
                undecided += c.count
                if rl.signum <= 0 && rh.signum >= 0 && il.signum <= 0 && ih.signum >= 0 { zeros += c.count }
            }
        }
        eigenvalues = values
        self.unstable = unstable
        self.stable = stable
        self.undecided = undecided
        conservedZeros = min(zeros, conserved)
    }
}
