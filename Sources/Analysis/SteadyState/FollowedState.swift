import Algebra
import ArbitraryPrecision
import KeldyshNumerics
import Symbolic

/// What `keldysh threshold --about N` asks: the crossings of the stability of one steady state
/// (found by the search at P = `lower`, `start` its exact centre) as it is followed along P.
public struct FollowedThresholdRequest: Sendable {
    public var meanField: MeanFieldSystem
    /// Every parameter but P, exact.
    public var values: [Symbol: Expr]
    public var parameter: Symbol
    /// The state at P = lower, in the real unknowns of `keldysh steady` (Re, Im of complex
    /// variables), and its number there.
    public var start: [BigRational]
    public var index: Int
    public var lower: BigRational
    public var upper: BigRational
    public var digits: Int
    public var selection: CrossingSelection = .max
    /// The model's declared steady point, from which (at P = lower) the values of conserved
    /// quantities are read as `keldysh steady` reads them; without it, from `start`.
    public var reference: [Expr: Expr]?

    public init(meanField: MeanFieldSystem, values: [Symbol: Expr], parameter: Symbol, start: [BigRational], index: Int,
                lower: BigRational, upper: BigRational, digits: Int) {
        self.meanField = meanField
        self.values = values
        self.parameter = parameter
        self.start = start
        self.index = index
        self.lower = lower
        self.upper = upper
        self.digits = digits
    }
}

/// The crossings of a steady state followed along P, by the bracketing route: at every
/// evaluation the state is continued from the nearest point already followed below P (tangent
/// predictor dx/dP = −J⁻¹ ∂F/∂P, dogleg corrector in double precision, the step halved until
/// the corrector lands within a tenth of the predicted move of the prediction: on a smooth
/// branch the prediction's error is O(h²) against a move O(h)), then polished by Newton in
/// MPFR at the working precision, and the stability matrix is the Jacobian there (one exact
/// zero per conserved quantity removed). Where no step of at least 2⁻⁴⁰ of the interval is
/// accepted the state is lost — a fold, or a branch point where it meets another state — and
/// the search refuses, naming where. Results are bracketed (two working precisions), not
/// certified: the state is known only numerically.
public func followedThreshold(_ request: FollowedThresholdRequest) throws -> ThresholdOutcome {
    guard request.lower < request.upper else {
        throw AnalysisError.badRange("\(request.lower):\(request.upper)", reason: "the range is empty")
    }
    guard request.digits >= 1 && request.digits <= 200 else {
        throw AnalysisError.badRange("\(request.digits)", reason: "a followed steady state is bracketed to 1…200 digits")
    }
    var values = request.values
    values[request.parameter] = nil
    let system = try RealMeanFieldSystem(meanField: request.meanField, values: values, free: request.parameter)
    let n = system.count
    guard request.start.count == n else {
        throw AnalysisError.numerical("the steady state has \(request.start.count) components, the equations \(n) unknowns")
    }
    var at = values
    at[request.parameter] = Expr.number(GaussianRational(request.lower))
    let shell = try exactPoint(request.reference, of: system, resolved: try resolveAssignments(at)) ?? request.start
    let (modified, original, slope, casimirs) = followable(system, shell: shell)
    let name = request.parameter.name
    let follower = BranchFollower(modified: modified, original: original, slope: slope, n: n,
                                  lower: request.lower.toDouble(), upper: request.upper.toDouble(),
                                  start: request.start.map { $0.toDouble() }, name: name, index: request.index)
    let conserved = casimirs.count
    let eigen: (BigFloat, Int) throws -> [PreciseEigenvalue] = { p, digits in
        let x = try follower.state(at: p, digits: digits)
        let bits = BigFloat.bits(forDigits: digits) + 32
        let j = original.jacobian(x + [p.rounded(toPrecision: bits)], precision: bits)
        var m = DenseMatrix<BigComplex>(rows: n, columns: n, repeating: BigComplex(BigFloat(0, precision: bits)))
        for r in 0..<n { for c in 0..<n { m[r, c] = BigComplex(j[r, c]) } }
        var values: [PreciseEigenvalue]
        do { values = try preciseEigenvalues(of: m, digits: digits).eigenvalues } catch {
            throw AnalysisError.numerical("MPFR eigenvalues of steady state \(request.index) at \(name) = \(p.toString(digits: 12)): \(error)",
                                          cause: .init(error))
        }
        // ∇C·J = 0 at a steady state: one exact zero per conserved quantity, removed.
        let floor = BigFloat.pow(BigFloat(10, precision: bits), -(digits / 2))
        for _ in 0..<conserved {
            guard let k = values.indices.min(by: { values[$0].value.abs < values[$1].value.abs }),
                  values[k].value.abs <= floor else {
                throw AnalysisError.numerical("the zero eigenvalue of the conserved quantity is not separated from the others at \(name) = \(p.toString(digits: 12))")
            }
            values.remove(at: k)
        }
        return values
    }
    var notes = ["steady state \(request.index) of `keldysh steady` at \(name) = \(request.lower.decimalShort) followed along \(name): at each evaluation continued from the nearest point already followed (tangent predictor, dogleg corrector, steps halved until the correction is small against the move), polished by Newton in MPFR at the working precision, and linearised there; bracketed, not certified (the state is known numerically)"]
    if !casimirs.isEmpty {
        notes.append("conserved: " + casimirs.map { "\($0.text) = \($0.value) (its value at the model's steady point, as `keldysh steady` fixes it)" }.joined(separator: "; ")
                     + "; its equation replaced by C = C₀ along the way, and its zero eigenvalue removed from the spectrum")
    }
    let (zeros, more) = try bracketedCrossings(eigen, name: name, lower: request.lower, upper: request.upper,
                                               digits: request.digits, selection: request.selection) {
        { x, digits in try eigen(x, digits).map(\.value.re).max { $0 < $1 }! }
    }
    return ThresholdOutcome(result: .bracketed(zeros), notes: notes + more)
}

/// The system a state is followed with: each conserved quantity's equation replaced by C = C₀
/// (its value at `shell`), so the state is isolated; the original (for residuals and the
/// spectrum) and ∂F/∂P of the modified one (P the generator after the unknowns).
func followable(_ system: RealMeanFieldSystem, shell: [BigRational])
    -> (modified: CompiledSystem, original: CompiledSystem, slope: [CompiledPolynomial], casimirs: [Casimir]) {
    let n = system.count
    var casimirs = Casimir.find(in: system)
    for k in casimirs.indices { casimirs[k].value = casimirs[k].at(shell) }
    var equations = system.equations
    let gens = system.equations.first?.generators ?? []
    for c in casimirs {
        let x = { (k: Int) in Polynomial.generator(k, of: gens) }
        equations[c.z] = x(c.z) * x(c.z) + (x(c.u) * x(c.u) + x(c.w) * x(c.w)).scaled(by: GaussianRational(c.c))
            - Polynomial(GaussianRational(c.value), generators: gens)
    }
    let modified = CompiledSystem(equations: equations, jacobian: equations.map { f in (0..<n).map { f.derivative($0) } })
    let original = CompiledSystem(equations: system.equations, jacobian: system.jacobian)
    return (modified, original, equations.map { CompiledPolynomial($0.derivative(n)) }, casimirs)
}

/// A steady state followed along P: the points accepted so far, sorted by P, and the step
/// logic that extends them (`state(at:digits:)`). `tail`: the values of generators after P
/// held fixed (the other axis of a scan).
final class BranchFollower {
    let modified: CompiledSystem, original: CompiledSystem
    /// ∂F/∂P of the modified system.
    let slope: [CompiledPolynomial]
    let n: Int
    let lower: Double, upper: Double
    let name: String, index: Int
    /// Accepted (P, x), increasing in P.
    var path: [(p: Double, x: [Double])]
    var tail: [Double] = []

    init(modified: CompiledSystem, original: CompiledSystem, slope: [CompiledPolynomial], n: Int, lower: Double,
         upper: Double, start: [Double], name: String, index: Int) {
        self.modified = modified
        self.original = original
        self.slope = slope
        self.n = n
        self.lower = lower
        self.upper = upper
        self.name = name
        self.index = index
        path = [(lower, start)]
    }

    /// The state at P, polished to `digits` digits.
    func state(at p: BigFloat, digits: Int) throws -> [BigFloat] {
        let target = p.toDouble()
        var from = path[path.lastIndex { $0.p <= target } ?? 0]
        if from.p < target {
            // Beyond the followed stretch: extend it in steps of at most 1/64 of the interval.
            if from.p == path.last!.p {
                let h = (upper - lower) / 64
                while path.last!.p + h < target {
                    let next = try step(from: path.last!, to: path.last!.p + h)
                    path.append(next)
                }
                from = path.last!
            }
            if from.p < target { from = try step(from: from, to: target) }
        }
        let bits = BigFloat.bits(forDigits: digits + 20)
        let exact = [p.rounded(toPrecision: bits)] + tail.map { BigFloat($0, precision: bits) }
        let polished = newtonPolish({ x in self.modified.value(x + exact, precision: bits) },
                                    jacobian: { x in self.modified.jacobian(x + exact, precision: bits) },
                                    from: from.x, digits: digits + 5)
        let scale = max(1, from.x.map(abs).max() ?? 0)
        guard polished.stop == .converged,
              zip(polished.x, from.x).allSatisfy({ abs($0.toDouble() - $1) <= 1e-6 * scale }) else {
            throw lost(near: target, why: "Newton in MPFR does not converge next to the followed point")
        }
        return Array(polished.x.prefix(n))
    }

    /// One accepted continuation step from `from` to P = `to`, halving as needed.
    func step(from: (p: Double, x: [Double]), to: Double) throws -> (p: Double, x: [Double]) {
        var current = from
        let minimum = (upper - lower) * 0x1p-40
        var h = to - current.p
        while current.p < to {
            // The last step lands on `to` itself.
            let next = to - current.p <= h * (1 + 1e-12) ? to : current.p + h
            guard next - current.p >= minimum || next == to else {
                throw lost(near: current.p, why: "no continuation step of at least 2⁻⁴⁰ of the interval is accepted")
            }
            if let x = corrected(current, to: next) {
                current = (next, x)
                h *= 2
            } else {
                h /= 2
                if next == to && h < minimum {
                    throw lost(near: current.p, why: "no continuation step of at least 2⁻⁴⁰ of the interval is accepted")
                }
            }
        }
        return current
    }

    /// The state at P + h from (P, x) when the corrector accepts it, else nil.
    func corrected(_ at: (p: Double, x: [Double]), to p: Double) -> [Double]? {
        let h = p - at.p
        let point = at.x + [at.p] + tail
        // Tangent: J·v = −∂F/∂P.
        guard let v = solveLinear(modified.jacobian(point), slope.map { -$0.value(point) }) else { return nil }
        let predicted = zip(at.x, v).map { $0 + h * $1 }
        let tail = self.tail
        let r = solveDogleg({ self.modified.value($0 + [p] + tail) }, jacobian: { self.modified.jacobian($0 + [p] + tail) }, from: predicted)
        guard r.converged, r.x.allSatisfy(\.isFinite) else { return nil }
        let scale = max(1, r.x.map(abs).max() ?? 0)
        let residual = original.value(r.x + [p] + tail).map(abs).max() ?? 0
        guard residual <= 1e-8 * scale else { return nil }
        let move = zip(predicted, at.x).map { abs($0 - $1) }.max() ?? 0
        let miss = zip(r.x, predicted).map { abs($0 - $1) }.max() ?? 0
        return miss <= 0.1 * move + 1e-9 * scale ? r.x : nil
    }

    func lost(near p: Double, why: String) -> AnalysisError {
        .noCrossing("steady state \(index) is lost at \(name) ≈ \(String(format: "%.10g", p)) (\(why)): a fold, or a branch point where it meets another steady state; the followed stretch is [\(String(format: "%.10g", lower)), \(String(format: "%.10g", p))] — search inside it, or start from a state found past that point")
    }
}

/// x with A·x = b by Gaussian elimination with partial pivoting (Double); nil when singular.
func solveLinear(_ a: DenseMatrix<Double>, _ b: [Double]) -> [Double]? {
    let n = b.count
    var m = (0..<n).map { i in (0..<n).map { a[i, $0] } + [b[i]] }
    for c in 0..<n {
        guard let p = (c..<n).max(by: { abs(m[$0][c]) < abs(m[$1][c]) }), abs(m[p][c]) > 1e-300 else { return nil }
        m.swapAt(c, p)
        for i in (c + 1)..<n where m[i][c] != 0 {
            let f = m[i][c] / m[c][c]
            for k in c...n { m[i][k] -= f * m[c][k] }
        }
    }
    var x = [Double](repeating: 0, count: n)
    for i in stride(from: n - 1, through: 0, by: -1) {
        var s = m[i][n]
        for k in (i + 1)..<n { s -= m[i][k] * x[k] }
        x[i] = s / m[i][i]
    }
    return x.allSatisfy(\.isFinite) ? x : nil
}
