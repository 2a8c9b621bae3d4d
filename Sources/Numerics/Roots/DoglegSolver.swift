/// Why a nonlinear solve stopped.
public enum NonlinearStop: Sendable, Equatable, CustomStringConvertible {
    /// ‖F(x)‖₂ ≤ residual tolerance at the final evaluation.
    case converged
    /// The last accepted step was below the step tolerance but the residual is not small.
    case stepTooSmall
    /// Every trial step was rejected until the trust radius fell below the step tolerance.
    case trustRegionCollapsed
    case maxIterations
    /// The solver stalled where the Jacobian is (numerically) singular: a
    /// stationary point of ‖F‖ that is not a root, or no usable Newton direction.
    case singularJacobian(condition: Double)
    /// F returned NaN or ±∞ at the start.
    case nonFiniteResidual

    public var description: String {
        switch self {
        case .converged: return "converged: residual below tolerance"
        case .stepTooSmall: return "step too small, residual not below tolerance"
        case .trustRegionCollapsed: return "trust region collapsed: no step reduces the residual"
        case .maxIterations: return "maximum number of iterations reached"
        case let .singularJacobian(c): return "singular Jacobian (condition estimate \(c))"
        case .nonFiniteResidual: return "residual is not finite at the starting point"
        }
    }
}

public struct NonlinearSolveResult: Sendable {
    public var x: [Double]
    /// ‖F(x)‖₂ from one more evaluation at the returned x.
    public var residualNorm: Double
    public var stop: NonlinearStop
    public var iterations: Int
    public var functionEvaluations: Int
    public var jacobianEvaluations: Int
    /// Condition estimate of the Jacobian at the returned x (pivoted QR).
    public var jacobianCondition: Double
    /// F and the Jacobian at the returned x (nil when the first residual was not finite): what a
    /// caller needs to move the root for a small change of F (F + δF has its root at x − J⁻¹δF).
    public var residual: [Double]? = nil
    public var jacobian: DenseMatrix<Double>? = nil
    public var converged: Bool { stop == .converged }
}

public struct DoglegOptions: Sendable {
    /// Success when ‖F‖₂ ≤ this at the final evaluation.
    public var residualTolerance: Double = 1e-10
    /// Relative step (in the scaled norm ‖D·p‖ against ‖D·x‖) below which the solver stops.
    public var stepTolerance: Double = 1e-13
    public var maxIterations: Int = 200
    /// Initial trust radius is factor·‖D·x₀‖ (or factor if that is 0), as in MINPACK.
    public var initialRadiusFactor: Double = 100
    public init() {}
}

/// Powell's hybrid (dogleg trust-region) method for square systems F(x) = 0,
/// as in MINPACK hybrd/hybrj and MATLAB fsolve: a step in the trust region
/// ‖D p‖ ≤ Δ combining the Gauss–Newton and the scaled steepest-descent
/// directions, with D the running maximum of the Jacobian's column norms.
/// Unlike hybrd the Jacobian is recomputed at every accepted step (no Broyden
/// updates): the systems here are small and an exact Jacobian keeps the
/// singularity diagnosis honest. `jacobian` nil means forward differences.
public func solveDogleg(_ f: ([Double]) throws -> [Double], jacobian: (([Double]) throws -> DenseMatrix<Double>)? = nil,
                        from x0: [Double], options: DoglegOptions = DoglegOptions()) rethrows -> NonlinearSolveResult {
    let n = x0.count
    precondition(n >= 1, "empty system")
    var fEvals = 0, jEvals = 0
    func evalF(_ x: [Double]) throws -> [Double] {
        fEvals += 1
        let y = try f(x)
        precondition(y.count == n, "F returned \(y.count) components for \(n) unknowns")
        return y
    }
    func evalJ(_ x: [Double], _ fx: [Double]) throws -> DenseMatrix<Double> {
        jEvals += 1
        if let jacobian { return try jacobian(x) }
        var j = DenseMatrix<Double>(rows: n, columns: n, repeating: 0)
        let root = Double.ulpOfOne.squareRoot()
        for c in 0..<n {
            var xh = x
            let h = x[c] == 0 ? root : root * abs(x[c])
            xh[c] += h
            let step = xh[c] - x[c]  // the increment actually representable
            let fh = try evalF(xh)
            for r in 0..<n { j[r, c] = (fh[r] - fx[r]) / step }
        }
        return j
    }

    var x = x0
    var fx = try evalF(x)
    var fnorm = euclideanNorm(fx)
    guard fnorm.isFinite else {
        return NonlinearSolveResult(x: x, residualNorm: fnorm, stop: .nonFiniteResidual, iterations: 0,
                                    functionEvaluations: fEvals, jacobianEvaluations: 0, jacobianCondition: .nan)
    }
    var jac = try evalJ(x, fx)
    var diag = Array(repeating: 0.0, count: n)
    func updateScaling() {
        for c in 0..<n {
            let norm = (0..<n).reduce(0.0) { $0 + jac[$1, c] * jac[$1, c] }.squareRoot()
            diag[c] = max(diag[c], norm == 0 ? 1 : norm)
        }
    }
    updateScaling()
    func scaledNorm(_ v: [Double]) -> Double { euclideanNorm((0..<n).map { diag[$0] * v[$0] }) }
    var delta = options.initialRadiusFactor * scaledNorm(x)
    if delta == 0 { delta = options.initialRadiusFactor }
    var qr = PivotedQR(jac)
    var iterations = 0
    var stop = NonlinearStop.maxIterations

    while true {
        if fnorm <= options.residualTolerance { stop = .converged; break }
        if iterations >= options.maxIterations { stop = .maxIterations; break }
        iterations += 1

        // Scaled gradient of ½‖F‖² and the Cauchy point along it.
        var gradient = Array(repeating: 0.0, count: n)
        for c in 0..<n { for r in 0..<n { gradient[c] += jac[r, c] * fx[r] } }
        let gScaled = (0..<n).map { gradient[$0] / diag[$0] }
        let gNorm = euclideanNorm(gScaled)
        let singular = qr.conditionEstimate * Double.ulpOfOne * Double(n) > 1
        let newton: [Double]? = singular ? nil : qr.solve(fx.map { -$0 })
        if gNorm == 0 && newton == nil { stop = .singularJacobian(condition: qr.conditionEstimate); break }

        var p: [Double]
        if let newton, scaledNorm(newton) <= delta {
            p = newton
        } else {
            // Steepest descent in scaled variables z = D·p: direction −g_s, step
            // length ‖g_s‖² / ‖J D⁻¹ g_s‖² minimises the linear model along it.
            let direction = (0..<n).map { -gScaled[$0] / diag[$0] }  // p-space direction for z = −g_s
            var jd = Array(repeating: 0.0, count: n)
            for r in 0..<n { for c in 0..<n { jd[r] += jac[r, c] * direction[c] } }
            let jdNorm = euclideanNorm(jd)
            let alpha = jdNorm == 0 ? Double.infinity : (gNorm / jdNorm) * (gNorm / jdNorm)
            if alpha * gNorm >= delta || newton == nil {
                let t = min(alpha, delta / gNorm)
                p = direction.map { $0 * t }
            } else {
                // Walk from the Cauchy point towards the Newton point until ‖D p‖ = Δ.
                let cauchy = direction.map { $0 * alpha }
                let diff = (0..<n).map { newton![$0] - cauchy[$0] }
                let a = (0..<n).reduce(0.0) { $0 + diag[$1] * diag[$1] * diff[$1] * diff[$1] }
                let b = (0..<n).reduce(0.0) { $0 + diag[$1] * diag[$1] * diff[$1] * cauchy[$1] }
                let cNorm = scaledNorm(cauchy)
                let c = cNorm * cNorm - delta * delta
                let disc = (b * b - a * c).squareRoot()
                let tau = b <= 0 ? (-b + disc) / a : -c / (b + disc)
                p = (0..<n).map { cauchy[$0] + tau * diff[$0] }
            }
        }
        let pNorm = scaledNorm(p)
        var jp = Array(repeating: 0.0, count: n)
        for r in 0..<n { for c in 0..<n { jp[r] += jac[r, c] * p[c] } }
        let predictedNorm = euclideanNorm((0..<n).map { fx[$0] + jp[$0] })
        let xNew = (0..<n).map { x[$0] + p[$0] }
        let fNew = try evalF(xNew)
        let fNewNorm = euclideanNorm(fNew)
        // Reductions of ‖F‖² relative to the current value, as in hybrd.
        let actual = fNewNorm.isFinite ? 1 - (fNewNorm / fnorm) * (fNewNorm / fnorm) : -1
        let predicted = 1 - (predictedNorm / fnorm) * (predictedNorm / fnorm)
        let ratio = predicted > 0 ? actual / predicted : (actual > 0 ? 1 : 0)

        if ratio < 0.25 {
            delta = 0.5 * min(delta, pNorm)
        } else if ratio > 0.75 {
            delta = max(delta, 2 * pNorm)
        }
        if ratio > 1e-4 {
            x = xNew; fx = fNew; fnorm = fNewNorm
            jac = try evalJ(x, fx)
            updateScaling()
            qr = PivotedQR(jac)
            if pNorm <= options.stepTolerance * (scaledNorm(x) + options.stepTolerance) {
                if fnorm > options.residualTolerance { stop = .stepTooSmall; break }
            }
        } else if delta <= options.stepTolerance * (scaledNorm(x) + options.stepTolerance) {
            stop = .trustRegionCollapsed
            break
        }
    }

    // One more evaluation so the reported residual belongs to the returned x.
    let finalF = try evalF(x)
    let finalNorm = euclideanNorm(finalF)
    let finalJ = try evalJ(x, finalF)
    let condition = PivotedQR(finalJ).conditionEstimate
    if finalNorm <= options.residualTolerance {
        stop = .converged
    } else {
        if stop == .converged { stop = .stepTooSmall }  // the re-evaluation disagreed
        // Not a root: a stall where JᵀF ≈ 0 with F ≠ 0 or an ill-conditioned J means a singular Jacobian.
        var gradient = Array(repeating: 0.0, count: n)
        for c in 0..<n { for r in 0..<n { gradient[c] += finalJ[r, c] * finalF[r] } }
        let jNorm = finalJ.storage.reduce(0.0) { $0 + $1 * $1 }.squareRoot()
        let relativeGradient = euclideanNorm(gradient) / max(jNorm * finalNorm, .leastNormalMagnitude)
        if condition * Double.ulpOfOne.squareRoot() > 1 || relativeGradient < Double.ulpOfOne.squareRoot() {
            stop = .singularJacobian(condition: condition)
        }
    }
    return NonlinearSolveResult(x: x, residualNorm: finalNorm, stop: stop, iterations: iterations,
                                functionEvaluations: fEvals, jacobianEvaluations: jEvals, jacobianCondition: condition,
                                residual: finalF, jacobian: finalJ)
}
