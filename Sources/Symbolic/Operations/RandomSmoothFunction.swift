import ArbitraryPrecision

/// The smooth function a numeric identity check puts in place of a user function symbol
/// (the distribution functions F_b(ω), F_Ψ(ω) of a Keldysh calculation, or any G(x, y)), so that
/// identities about functions nobody has defined can still be checked at 100 digits.
///
/// **Family.** With m the number of arguments and K = `bumps` = 6,
///
///     F(x₁, …, x_m) = c₀ + Σ_{k=1}^{K} c_k · Π_{j=1}^{m} exp(−u_kj²),   u_kj = (x_j − μ_kj)/w_kj,
///
/// a constant plus Gaussian bumps, with exact dyadic parameters drawn from `SplitMix64`, seeded by
/// the check's seed and the symbol's name, arity and assumptions: every point and both sides of a
/// comparison see the same function, every run the same numbers, and the function is the same
/// mathematical object at every working precision (so two precisions can be compared). Centres
/// μ ∈ [−3, 3] cover where the test points put arguments, widths w ∈ [3/4, 2] keep the bumps smooth
/// for quadrature, and real and imaginary parts of c_k in [−1, 1] keep |F| ≤ 7 (7√2 for a complex
/// F) on the real axis. Assumptions are respected on the
/// real axis: a `real` function has real c (real for real arguments), a `positive` or
/// `nonnegative` one has c₀ ∈ [1/4, 1] and c_k ∈ [0, 1], so F ≥ 1/4; otherwise c₀ and c_k are
/// complex. Derivatives of any order in any slot are in closed form, d^n/dx^n e^{−u²} =
/// (−1)^n H_n(u) e^{−u²}/w^n with the Hermite polynomials H_n, which is what
/// `derivative(F(…), k)` nodes (from `Expr.derivative`) evaluate to.
///
/// **Why Gaussians.** They are entire: the core's derivative rule takes user functions to be
/// holomorphic, and a complex argument (ω + iκ) can never hit a pole, as it could with
/// Lorentzian bumps (poles at μ ± iw) or tanh (poles at μ + iπw/2); off the real axis the bumps
/// grow like exp((Im x/w)²), finite (≤ e¹⁶ for |Im x| ≤ 3) and judged against the scale of the
/// computation like any other term.
///
/// **Why a wrong identity is caught.** (a) Pointwise: an expression uses F only through finitely
/// many values and derivatives (a jet of J numbers) at the arguments it meets, and D − P is an
/// analytic function of that jet, not identically 0 if the identity is wrong. The jet is linear in
/// (c₀, c₁, …, c_K). Distinct (argument, order) pairs are independent functionals, and they stay
/// independent on the span of single Gaussians (dense in C^∞ on compacts), so J of those
/// Gaussians have a nonsingular J × J jet matrix; with J ≤ K + 1 = 7 the family has that many
/// terms, and the determinant, analytic in (μ, w), is then nonzero for almost every draw. So for
/// almost every draw the c ↦ jet map is onto, D − P is a nonzero
/// analytic function of the random parameters, and its zero set has measure zero: a random draw
/// (2⁻²⁴ grid, three independent points) lands on it with negligible probability. (b) Under an
/// integral that is linear in F (∫ k(ν) F(ν) dν, the Keldysh case), one bump gives
/// ∫ k(ν) e^{−((ν − μ)/w)²} dν, a Weierstrass (heat-kernel) transform of k, which vanishes for all μ
/// only if k = 0 (the Gaussian's Fourier transform has no zeros); a polynomial functional of
/// degree ≤ K is caught by polarisation in the same way. Identities that need more than 7 values of
/// one function at one point, or that hold only for special F (F(∞) = 1, F real on all of ℂ,
/// integer values), are outside the argument; integer-valued functions are refused.
public struct RandomSmoothFunction: Sendable {
    public static let bumps = 6

    public let name: String
    public let arity: Int
    public let constant: GaussianRational
    /// c_k, k = 1…K.
    public let coefficients: [GaussianRational]
    /// μ_kj and w_kj: `centres[k][j]`, `widths[k][j]`.
    public let centres: [[BigRational]]
    public let widths: [[BigRational]]

    /// The function of `symbol` applied to `arity` arguments in the check seeded by `seed`.
    public init(_ symbol: Symbol, arity: Int, seed: UInt64) {
        let info = symbol.info
        var h = hashMix(seed, stableHash(info.name))
        h = hashMix(h, UInt64(arity))
        h = hashMix(h, UInt64(info.assumptions.rawValue))
        var rng = PointGenerator(seed: h)
        let real = info.assumptions.contains(.real)
        let signed = !info.assumptions.contains(.nonnegative)
        func coefficient(_ lo: Double, _ hi: Double) -> GaussianRational {
            let re = rng.uniform(lo, hi)
            return real ? GaussianRational(re) : GaussianRational(re, rng.uniform(lo, hi))
        }
        name = info.name
        self.arity = arity
        constant = signed ? coefficient(-1, 1) : coefficient(0.25, 1)
        var c: [GaussianRational] = [], mu: [[BigRational]] = [], w: [[BigRational]] = []
        for _ in 0..<Self.bumps {
            c.append(signed ? coefficient(-1, 1) : coefficient(0, 1))
            mu.append((0..<arity).map { _ in rng.uniform(-3, 3) })
            w.append((0..<arity).map { _ in rng.uniform(0.75, 2) })
        }
        coefficients = c
        centres = mu
        widths = w
    }

    /// ∂^{orders[0]}_{x₁} ⋯ ∂^{orders[m−1]}_{x_m} F at `args`, computed at `precision` bits.
    public func value(at args: [BigComplex], orders: [Int], precision: Int) -> BigComplex {
        Prepared<BigComplex>(self, precision: precision).value(args, orders: orders)
    }

    /// The parameters converted once to the evaluator's scalar and precision (an integral
    /// evaluates the function at thousands of nodes), with a real path for real arguments in
    /// MPFR: the bumps are then real, and only the coefficients can be complex.
    struct Prepared<T: EvaluationScalar> {
        let arity: Int
        let constant: T, zero: T, minusOne: T
        let coefficients: [T]
        let centres: [[T]], inverseWidths: [[T]]
        let realCentres: [[BigFloat]], realInverseWidths: [[BigFloat]]
        let precision: Int

        init(_ f: RandomSmoothFunction, precision: Int) {
            let exact = { (q: GaussianRational) in T.exact(q, precision: precision) }
            arity = f.arity
            self.precision = precision
            constant = exact(f.constant)
            zero = exact(GaussianRational(0))
            minusOne = exact(GaussianRational(-1))
            coefficients = f.coefficients.map(exact)
            centres = f.centres.map { $0.map { exact(GaussianRational($0)) } }
            inverseWidths = f.widths.map { $0.map { exact(GaussianRational(1 / $0)) } }
            realCentres = f.centres.map { $0.map { BigFloat($0, precision: precision) } }
            realInverseWidths = f.widths.map { $0.map { BigFloat(1 / $0, precision: precision) } }
        }

        func value(_ args: [T], orders: [Int]) -> T {
            precondition(args.count == arity && orders.count == arity, "\(arity) arguments expected")
            let reals = args.compactMap(\.exactlyReal)
            var total = orders.contains { $0 > 0 } ? zero : constant
            for k in coefficients.indices {
                if reals.count == arity {
                    var product = BigFloat(1, precision: precision)
                    for j in 0..<arity {
                        product *= bump((reals[j] - realCentres[k][j]) * realInverseWidths[k][j], realInverseWidths[k][j], orders[j])
                    }
                    total = total + coefficients[k] * T.real(product)
                } else {
                    var term = coefficients[k]
                    for j in 0..<arity {
                        term = term * bump((args[j] - centres[k][j]) * inverseWidths[k][j], inverseWidths[k][j], orders[j])
                    }
                    total = total + term
                }
            }
            return total
        }

        /// d^n/dx^n e^{−u²} = (−1)^n H_n(u) e^{−u²} / w^n, u = (x − μ)/w.
        private func bump<S: BumpArithmetic>(_ u: S, _ inverseWidth: S, _ n: Int) -> S {
            let minusOne = S.integer(-1, precision: precision)
            let g = S.exp(minusOne * u * u)
            if n == 0 { return g }
            let scale = S.power(n % 2 == 0 ? inverseWidth : minusOne * inverseWidth, n)
            return RandomSmoothFunction.hermite(n, u, precision: precision) * g * scale
        }
    }

    /// The physicists' Hermite polynomial H_n(u): H₀ = 1, H₁ = 2u, H_{n+1} = 2u H_n − 2n H_{n−1}.
    static func hermite<T: BumpArithmetic>(_ n: Int, _ u: T, precision: Int) -> T {
        let int = { (k: Int) in T.integer(k, precision: precision) }
        var previous = int(1)
        if n == 0 { return previous }
        let twoU = int(2) * u
        var current = twoU
        if n >= 2 {
            for k in 1..<n {
                (previous, current) = (current, twoU * current - int(2 * k) * previous)
            }
        }
        return current
    }
}

/// The arithmetic of a Gaussian bump and its derivatives: every evaluation scalar, and BigFloat
/// for the real path.
protocol BumpArithmetic {
    static func * (a: Self, b: Self) -> Self
    static func - (a: Self, b: Self) -> Self
    static func exp(_ z: Self) -> Self
    static func power(_ z: Self, _ n: Int) -> Self
    static func integer(_ n: Int, precision: Int) -> Self
}

extension BigFloat: BumpArithmetic {
    static func power(_ z: BigFloat, _ n: Int) -> BigFloat { pow(z, n) }
    static func integer(_ n: Int, precision: Int) -> BigFloat { BigFloat(n, precision: precision) }
}
