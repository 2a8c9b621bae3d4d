import RealModule

public enum RungeKuttaMethod: Sendable {
    /// Dormand–Prince 5(4), quartic dense output.
    case dormandPrince5
    /// Dormand–Prince 8(5,3) (DOP853), 7th-order dense output.
    case dormandPrince853
}

public struct ODEOptions: Sendable {
    /// Local error per step is kept below absoluteTolerance + relativeTolerance·|y| componentwise (RMS norm).
    public var relativeTolerance: Double = 1e-8
    public var absoluteTolerance: Double = 1e-10
    public var maxSteps: Int = 100_000
    /// nil: Hairer's starting-step heuristic.
    public var initialStep: Double? = nil
    public var maxStep: Double = .infinity
    public init() {}
}

public struct ODEStatistics: Sendable, Equatable {
    public var acceptedSteps = 0
    public var rejectedSteps = 0
    public var functionEvaluations = 0
}

public enum ODEStop: Sendable, Equatable {
    /// Reached the last requested time.
    case completed
    case maxStepsReached(at: Double)
    /// The step size fell below the resolution of t.
    case stepSizeTooSmall(at: Double)
    /// The right-hand side or the state became NaN or infinite.
    case nonFiniteState(at: Double)
}

extension ODEStop: CustomStringConvertible {
    /// What a user reads in an error (the case name `maxStepsReached(at: 12.5)` is not).
    public var description: String {
        switch self {
        case .completed: return "completed"
        case .maxStepsReached(let t): return "the step limit was reached at t = \(t) (the dynamics are stiff or fast there)"
        case .stepSizeTooSmall(let t): return "the step size fell below the resolution of t at t = \(t)"
        case .nonFiniteState(let t): return "the state became NaN or infinite at t = \(t)"
        }
    }
}

public struct ODESolution: Sendable {
    /// The requested times that were reached, in order.
    public var times: [Double]
    /// State at each of `times` (from the dense output between steps).
    public var states: [[Double]]
    public var stop: ODEStop
    public var statistics: ODEStatistics
    public var completed: Bool { stop == .completed }
}

/// Integrates y' = f(t, y) from (t0, y0) with an adaptive Dormand–Prince
/// pair and returns y at `times` (monotone in the direction of integration,
/// not before t0) through the dense output, so sampling does not shorten the
/// steps. Step control: Hairer's PI controller (β = 0.04) on the embedded
/// error estimate with local extrapolation. `f` writes dy/dt into its third
/// argument, which arrives with the right size.
public func integrateODE(_ f: (Double, [Double], inout [Double]) throws -> Void, from t0: Double, y0: [Double],
                         times: [Double], method: RungeKuttaMethod = .dormandPrince5,
                         options: ODEOptions = ODEOptions()) rethrows -> ODESolution {
    var solver = DormandPrinceStepper(method: method, dimension: y0.count, options: options)
    return try solver.run(f, t0: t0, y0: y0, times: times)
}

struct DormandPrinceStepper {
    let method: RungeKuttaMethod
    let tableau: Tableau
    let n: Int
    let options: ODEOptions
    var stats = ODEStatistics()
    /// Stage derivatives K₀…K_s (and the three extra DOP853 stages).
    var k: [[Double]]

    init(method: RungeKuttaMethod, dimension: Int, options: ODEOptions) {
        self.method = method
        tableau = method == .dormandPrince5 ? dopri5Tableau : dop853Tableau
        n = dimension
        self.options = options
        let count = method == .dormandPrince5 ? 7 : 16
        k = Array(repeating: Array(repeating: 0, count: dimension), count: count)
    }

    func scale(_ y: [Double], _ yNew: [Double]) -> [Double] {
        (0..<n).map { options.absoluteTolerance + options.relativeTolerance * max(abs(y[$0]), abs(yNew[$0])) }
    }

    mutating func evaluate(_ f: (Double, [Double], inout [Double]) throws -> Void, _ t: Double, _ y: [Double], into i: Int) rethrows {
        stats.functionEvaluations += 1
        try f(t, y, &k[i])
    }

    /// Hairer's starting step (hinit in dopri5.f).
    mutating func initialStep(_ f: (Double, [Double], inout [Double]) throws -> Void, _ t0: Double, _ y0: [Double],
                              direction: Double) rethrows -> Double {
        let sk = (0..<n).map { options.absoluteTolerance + options.relativeTolerance * abs(y0[$0]) }
        func rms(_ v: [Double]) -> Double { ((0..<n).reduce(0.0) { $0 + (v[$1] / sk[$1]) * (v[$1] / sk[$1]) } / Double(n)).squareRoot() }
        let dnf = rms(k[0]), dny = rms(y0)
        var h = (dnf <= 1e-5 || dny <= 1e-5) ? 1e-6 : 0.01 * dny / dnf
        h = min(h, options.maxStep)
        let y1 = (0..<n).map { y0[$0] + direction * h * k[0][$0] }
        var f1 = Array(repeating: 0.0, count: n)
        stats.functionEvaluations += 1
        try f(t0 + direction * h, y1, &f1)
        let der2 = rms((0..<n).map { f1[$0] - k[0][$0] }) / h
        let der12 = max(abs(der2), dnf)
        let order = Double(method == .dormandPrince5 ? 5 : 8)
        let h1 = der12 <= 1e-15 ? max(1e-6, h * 1e-3) : Double.pow(0.01 / der12, 1 / order)
        return min(100 * h, h1, options.maxStep)
    }

    mutating func run(_ f: (Double, [Double], inout [Double]) throws -> Void, t0: Double, y0: [Double],
                      times: [Double]) rethrows -> ODESolution {
        var outTimes = [Double](), outStates = [[Double]]()
        guard let tEnd = times.last else {
            return ODESolution(times: [], states: [], stop: .completed, statistics: stats)
        }
        let direction: Double = tEnd >= t0 ? 1 : -1
        precondition(zip(times, times.dropFirst()).allSatisfy { direction * ($1 - $0) >= 0 }, "times must be monotone")
        precondition(direction * (times[0] - t0) >= 0, "times must not precede t0")
        var t = t0, y = y0
        var next = 0  // index of the next requested time
        while next < times.count && times[next] == t0 { outTimes.append(t0); outStates.append(y0); next += 1 }
        if next == times.count { return ODESolution(times: outTimes, states: outStates, stop: .completed, statistics: stats) }

        try evaluate(f, t, y, into: 0)
        guard k[0].allSatisfy(\.isFinite) else {
            return ODESolution(times: outTimes, states: outStates, stop: .nonFiniteState(at: t), statistics: stats)
        }
        var h: Double
        if let given = options.initialStep { h = abs(given) } else { h = try initialStep(f, t, y, direction: direction) }
        let beta = 0.04
        let q = Double(tableau.errorOrder)
        // Hairer: expo1 = 1/(q+1) − 0.75β for DOPRI5 and 1/8 − 0.2β for DOP853.
        let expo1 = method == .dormandPrince5 ? 1 / (q + 1) - 0.75 * beta : 1 / (q + 1) - 0.2 * beta
        let (facMin, facMax) = method == .dormandPrince5 ? (0.2, 10.0) : (0.333, 6.0)
        let safety = 0.9
        var errOld = 1e-4
        var lastRejected = false
        let s = tableau.stages
        var yStage = y, yNew = y

        while true {
            if stats.acceptedSteps + stats.rejectedSteps >= options.maxSteps {
                return ODESolution(times: outTimes, states: outStates, stop: .maxStepsReached(at: t), statistics: stats)
            }
            h = min(h, options.maxStep)
            if abs(h) <= 16 * Double.ulpOfOne * max(abs(t), Double.leastNormalMagnitude) {
                return ODESolution(times: outTimes, states: outStates, stop: .stepSizeTooSmall(at: t), statistics: stats)
            }
            // Do not step past the end by more than rounding (1.01 avoids a sliver step).
            if direction * (t + direction * h * 1.01 - tEnd) > 0 { h = abs(tEnd - t) }
            let hs = direction * h
            for i in 1..<s {
                for c in 0..<n {
                    var acc = 0.0
                    for j in 0..<i { acc += tableau.a[i][j] * k[j][c] }
                    yStage[c] = y[c] + hs * acc
                }
                try evaluate(f, t + tableau.c[i] * hs, yStage, into: i)
            }
            for c in 0..<n {
                var acc = 0.0
                for j in 0..<s { acc += tableau.b[j] * k[j][c] }
                yNew[c] = y[c] + hs * acc
            }
            let tNew = tEnd == t + hs || abs(tEnd - (t + hs)) <= 4 * Double.ulpOfOne * abs(tEnd) ? tEnd : t + hs
            try evaluate(f, tNew, yNew, into: s)
            guard yNew.allSatisfy(\.isFinite), k[s].allSatisfy(\.isFinite) else {
                // A non-finite stage may just mean the step was too long: shrink, and give up only when tiny.
                stats.rejectedSteps += 1
                h *= 0.25
                lastRejected = true
                if abs(h) <= 16 * Double.ulpOfOne * max(abs(t), 1) {
                    return ODESolution(times: outTimes, states: outStates, stop: .nonFiniteState(at: t), statistics: stats)
                }
                continue
            }
            let err = errorNorm(y, yNew, h: h)
            let fac11 = Double.pow(err, expo1)
            if err <= 1 {
                var fac = fac11 / Double.pow(errOld, beta)
                fac = max(1 / facMax, min(1 / facMin, fac / safety))
                var hNew = h / fac
                if lastRejected { hNew = min(hNew, h) }
                errOld = max(err, 1e-4)
                stats.acceptedSteps += 1
                lastRejected = false
                // Samples inside (t, tNew] from the dense output of this step.
                if next < times.count && direction * (times[next] - tNew) <= 0 {
                    let dense = try denseOutput(f, t: t, y: y, yNew: yNew, h: hs)
                    while next < times.count && direction * (times[next] - tNew) <= 0 {
                        let theta = times[next] == tNew ? 1 : (times[next] - t) / hs
                        outTimes.append(times[next])
                        outStates.append(times[next] == tNew ? yNew : dense(theta))
                        next += 1
                    }
                }
                t = tNew
                swap(&y, &yNew)
                k.swapAt(0, s)  // first same as last
                h = hNew
                if next == times.count {
                    return ODESolution(times: outTimes, states: outStates, stop: .completed, statistics: stats)
                }
            } else {
                stats.rejectedSteps += 1
                lastRejected = true
                h /= min(1 / facMin, fac11 / safety)
            }
        }
    }

    func errorNorm(_ y: [Double], _ yNew: [Double], h: Double) -> Double {
        let sc = scale(y, yNew)
        switch method {
        case .dormandPrince5:
            var sum = 0.0
            for c in 0..<n {
                var e = 0.0
                for j in 0...6 { e += dopri5Error[j] * k[j][c] }
                let r = h * e / sc[c]
                sum += r * r
            }
            return (sum / Double(n)).squareRoot()
        case .dormandPrince853:
            // Hairer's combination of the 5th- and 3rd-order estimates (dop853.f).
            var e5 = 0.0, e3 = 0.0
            for c in 0..<n {
                var a5 = 0.0, a3 = 0.0
                for j in 0...12 { a5 += dop853Error5[j] * k[j][c]; a3 += dop853Error3[j] * k[j][c] }
                e5 += (a5 / sc[c]) * (a5 / sc[c])
                e3 += (a3 / sc[c]) * (a3 / sc[c])
            }
            if e5 == 0 && e3 == 0 { return 0 }
            return h * e5 / (Double(n) * (e5 + 0.01 * e3)).squareRoot()
        }
    }

    /// The interpolant on the step just accepted, as a function of θ ∈ [0, 1].
    mutating func denseOutput(_ f: (Double, [Double], inout [Double]) throws -> Void, t: Double, y: [Double],
                              yNew: [Double], h: Double) rethrows -> (Double) -> [Double] {
        let n = self.n
        switch method {
        case .dormandPrince5:
            // Q[c][k] = Σⱼ Kⱼ[c] P[j][k]; y(θ) = y + h Σₖ Q[c][k] θ^(k+1).
            var q = Array(repeating: [0.0, 0.0, 0.0, 0.0], count: n)
            for c in 0..<n { for kk in 0..<4 { for j in 0...6 { q[c][kk] += k[j][c] * dopri5Dense[j][kk] } } }
            return { theta in
                (0..<n).map { c in
                    let poly = theta * (q[c][0] + theta * (q[c][1] + theta * (q[c][2] + theta * q[c][3])))
                    return y[c] + h * poly
                }
            }
        case .dormandPrince853:
            // Three extra stages (13, 14, 15) feed the 7th-order interpolant.
            var yStage = y
            for i in 13..<16 {
                for c in 0..<n {
                    var acc = 0.0
                    for j in 0..<i { acc += tableau.a[i][j] * k[j][c] }
                    yStage[c] = y[c] + h * acc
                }
                try evaluate(f, t + tableau.c[i] * h, yStage, into: i)
            }
            // Coefficients F₀…F₆ of the nested form y + F₀θ... (as in Hairer's contd8).
            var coefficients = Array(repeating: Array(repeating: 0.0, count: n), count: 7)
            for c in 0..<n {
                let dy = yNew[c] - y[c]
                coefficients[0][c] = dy
                coefficients[1][c] = h * k[0][c] - dy
                coefficients[2][c] = 2 * dy - h * (k[12][c] + k[0][c])
                for r in 0..<4 {
                    var acc = 0.0
                    for j in 0..<16 { acc += dop853Dense[r][j] * k[j][c] }
                    coefficients[3 + r][c] = h * acc
                }
            }
            return { theta in
                let u = 1 - theta
                return (0..<n).map { c in
                    let fc = coefficients
                    let inner = fc[3][c] + theta * (fc[4][c] + u * (fc[5][c] + theta * fc[6][c]))
                    return y[c] + theta * (fc[0][c] + u * (fc[1][c] + theta * (fc[2][c] + u * inner)))
                }
            }
        }
    }
}
