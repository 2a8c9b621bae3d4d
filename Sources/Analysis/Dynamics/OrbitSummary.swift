import KeldyshNumerics

/// Time averages and amplitudes of the orbit the run ends on, over a whole number of periods
/// after the transient (issue 14): the window's `SeriesSummary` averages over a span that is
/// not a whole number of periods and can include the transient (an L2 amplitude of 0.1016
/// where the orbit's is 0.1009).
///
/// Definition. Periodic phases: T is the period of the order parameter's maxima (c maxima per
/// period, the smallest c for which the heights repeat); the last 3.2·T of the run is
/// integrated again from its stored state with T/1024 between samples; t₀ < t₁ < t₂ are
/// upward crossings of the order parameter through its mid level one period apart. Over
/// [t₁, t₂] (the last whole period) the mean of each observable is the trapezoidal integral
/// (crossing ends interpolated) over T and the amplitude half its range (extrema refined by a
/// parabola through the neighbouring samples). The run counts as past its transient when the
/// period before, [t₀, t₁], gives the same means and amplitudes within `tolerance`; otherwise
/// there is no summary and the reason says by how much they differ. Stationary phases: the
/// state at the end of the run, amplitude half the range of the last 10 % of the window,
/// settled when every state component varies by less than `tolerance` there. Relaxing,
/// irregular and undetermined runs have no orbit summary (the reason says why).
public struct OrbitSummary: Sendable {
    /// Mean and amplitude of each observable over the span below.
    public var summaries: [SeriesSummary]
    /// The span: [t₁, t₂] (one period) or the stationary tail.
    public var start: Double
    public var end: Double
    /// The period, nil for a stationary state.
    public var period: Double?
    /// How the summary was checked to be post-transient.
    public var evidence: String
}

/// The orbit summary of a classified run, or the reason there is none.
func orbitSummary(_ setup: DynamicsSetup, times: [Double], states: [[Double]], observables: [[Double]],
                  order: [Double], window: Range<Int>, classification c: DynamicsClassification,
                  tolerance: Double = 1e-8) -> (OrbitSummary?, String) {
    switch c.phase {
    case .stationary, .ordered:
        let tail = max(window.upperBound - max(window.count / 10, 2), window.lowerBound)..<window.upperBound
        var spread = 0.0
        for k in 0..<(states.first?.count ?? 0) {
            var lo = Double.infinity, hi = -Double.infinity
            for t in tail { lo = min(lo, states[t][k]); hi = max(hi, states[t][k]) }
            spread = max(spread, hi - lo)
        }
        guard spread < tolerance else {
            return (nil, "no orbit summary: the state still varies by \(spread) over the last \(times[tail.upperBound - 1] - times[tail.lowerBound]) time units (≥ \(tolerance)): the transient is not over, integrate longer")
        }
        let sums = observables.map { o -> SeriesSummary in
            SeriesSummary(mean: o[window.upperBound - 1], amplitude: SeriesSummary(o[tail]).amplitude)
        }
        return (OrbitSummary(summaries: sums, start: times[tail.lowerBound], end: times[tail.upperBound - 1], period: nil,
                             evidence: "stationary: every state component varies by \(spread) < \(tolerance) over the span; values at its end"),
                "")
    case .periodic, .periodicOrdered:
        return periodicSummary(setup, times: times, states: states, order: order, window: window, tolerance: tolerance)
    default:
        return (nil, "no orbit summary: \(c.phase == .irregular ? "no periodic orbit (irregular)" : "the phase is not determined")")
    }
}

/// Maxima of `x` over `range` as (time, height), each refined by the parabola through it and
/// its two neighbours.
private func refinedMaxima(_ x: [Double], _ t: [Double], _ range: Range<Int>) -> [(Double, Double)] {
    var out: [(Double, Double)] = []
    guard range.count >= 3 else { return out }
    for k in (range.lowerBound + 1)..<(range.upperBound - 1) where x[k] > x[k - 1] && x[k] >= x[k + 1] {
        out.append(parabolaVertex(t[k - 1], t[k], t[k + 1], x[k - 1], x[k], x[k + 1]))
    }
    return out
}

/// The vertex (time, value) of the parabola through three equally spaced samples.
private func parabolaVertex(_ t0: Double, _ t1: Double, _ t2: Double, _ a: Double, _ b: Double, _ c: Double) -> (Double, Double) {
    let d = a - 2 * b + c
    guard d != 0 else { return (t1, b) }
    let s = 0.5 * (a - c) / d  // offset in steps, |s| ≤ 1/2 at a sampled extremum
    return (t1 + s * (t2 - t1), b - 0.25 * (a - c) * s)
}

private func periodicSummary(_ setup: DynamicsSetup, times: [Double], states: [[Double]], order: [Double],
                             window: Range<Int>, tolerance: Double) -> (OrbitSummary?, String) {
    let peaks = refinedMaxima(order, times, window)
    let scale = max(SeriesSummary(order[window]).amplitude, 1e-12)
    // c: the number of maxima per period — the smallest c whose heights repeat over the last
    // maxima (|h_j − h_(j+c)| within 2 % of the amplitude, the classification's level
    // tolerance) about as well as for any c ≤ maxLevels (within 10× the best: alternating
    // maxima closer than 2 % still make a period of two).
    var discrepancy: [Int: Double] = [:]
    for c in 1...max(setup.criteria.maxLevels, 1) where peaks.count >= 3 * c + 1 {
        let last = peaks.suffix(2 * c + 1).map(\.1)
        discrepancy[c] = (0..<(last.count - c)).map { abs(last[$0] - last[$0 + c]) }.max() ?? .infinity
    }
    let best = discrepancy.values.min() ?? .infinity
    let cycle = discrepancy.keys.sorted().first {
        discrepancy[$0]! < setup.criteria.levelTolerance * scale && discrepancy[$0]! <= 10 * best + 1e-12 * scale
    }
    guard let c = cycle else {
        return (nil, "no orbit summary: the maxima of the order parameter do not repeat with at most \(setup.criteria.maxLevels) per period in the window")
    }
    let k = (peaks.count - 1) / c
    let period = (peaks[peaks.count - 1].0 - peaks[peaks.count - 1 - k * c].0) / Double(k)
    let end = times[window.upperBound - 1]
    guard let i0 = times.lastIndex(where: { $0 <= end - 3.2 * period }), i0 >= window.lowerBound else {
        return (nil, "no orbit summary: the window holds less than 3.2 periods (T = \(period))")
    }
    // The last 3.2 periods again (three crossings one period apart), finely sampled.
    let h = period / 1024
    let count = Int(((end - times[i0]) / h).rounded(.down)) + 1
    guard count <= 100_000 else {
        return (nil, "no orbit summary: the period (T = \(period)) is too short for the sampling step; sample finer (--dt)")
    }
    let fine = (0..<count).map { times[i0] + Double($0) * h }
    guard let sol = try? setup.integrator.integrate(from: states[i0], times: fine, options: setup.options) else {
        return (nil, "no orbit summary: the re-integration of the last periods failed")
    }
    let obs = setup.integrator.observe(sol)
    let x = obs.isEmpty ? sol.states.map { $0[0] } : obs[min(setup.orderIndex, obs.count - 1)]
    let level = 0.5 * ((x.max() ?? 0) + (x.min() ?? 0))
    // Upward crossings of the mid level, on the cubic through the four nearest samples (a
    // crossing time off by δ moves a mean by δ·(level − mean)/T: cubic keeps δ ~ h⁴).
    var crossings: [(time: Double, index: Int)] = []
    for i in 1..<x.count where x[i - 1] < level && x[i] >= level {
        var lo = fine[i - 1], hi = fine[i]
        for _ in 0..<60 where hi - lo > 1e-15 * max(abs(hi), 1) {
            let mid = 0.5 * (lo + hi)
            if cubic(x, fine, i, at: mid) < level { lo = mid } else { hi = mid }
        }
        crossings.append((0.5 * (lo + hi), i))
    }
    // t₂: the last crossing; t₁, t₀: one and two periods before it.
    func near(_ target: Double) -> (time: Double, index: Int)? {
        guard let best = crossings.min(by: { abs($0.time - target) < abs($1.time - target) }),
              abs(best.time - target) < 0.05 * period else { return nil }
        return best
    }
    guard let t2 = crossings.last, let t1 = near(t2.time - period), let t0 = near(t1.time - period),
          t0.time < t1.time, t1.time < t2.time else {
        return (nil, "no orbit summary: no two whole periods of the order parameter's mid-level crossings in the last 3.2·T (T = \(period))")
    }
    let series = obs.isEmpty ? [x] : obs
    let late = series.map { wholePeriod($0, fine, from: t1, to: t2) }
    let early = series.map { wholePeriod($0, fine, from: t0, to: t1) }
    var change = 0.0
    for (a, b) in zip(early, late) { change = max(change, abs(a.mean - b.mean), abs(a.amplitude - b.amplitude)) }
    guard change < tolerance else {
        return (nil, "no orbit summary: the means and amplitudes of the last two periods (T = \(t2.time - t1.time), \(c) maxim\(c == 1 ? "um" : "a") each) differ by \(change) (≥ \(tolerance)): the transient is not over, integrate longer")
    }
    return (OrbitSummary(summaries: obs.isEmpty ? [] : late, start: t1.time, end: t2.time, period: t2.time - t1.time,
                         evidence: "the period before gives the same means and amplitudes within \(change) (< \(tolerance)); \(c) maxim\(c == 1 ? "um" : "a") per period"),
            "")
}

/// Mean (trapezoidal, crossing ends interpolated) and amplitude (half the range, extrema
/// refined by parabolas) of `v` over [a, b], fine samples `t` with constant spacing.
private func wholePeriod(_ v: [Double], _ t: [Double], from a: (time: Double, index: Int), to b: (time: Double, index: Int)) -> SeriesSummary {
    let h = t[1] - t[0]
    let va = cubic(v, t, a.index, at: a.time), vb = cubic(v, t, b.index, at: b.time)
    var integral = 0.5 * (va + v[a.index]) * (t[a.index] - a.time)
    for i in a.index..<(b.index - 1) { integral += 0.5 * (v[i] + v[i + 1]) * h }
    integral += 0.5 * (v[b.index - 1] + vb) * (b.time - t[b.index - 1])
    var hi = max(va, vb), lo = min(va, vb)
    for i in max(a.index, 1)..<min(b.index, v.count - 1) {
        if v[i] > v[i - 1] && v[i] >= v[i + 1] { hi = max(hi, parabolaVertex(t[i - 1], t[i], t[i + 1], v[i - 1], v[i], v[i + 1]).1) }
        if v[i] < v[i - 1] && v[i] <= v[i + 1] { lo = min(lo, parabolaVertex(t[i - 1], t[i], t[i + 1], v[i - 1], v[i], v[i + 1]).1) }
        hi = max(hi, v[i]); lo = min(lo, v[i])
    }
    return SeriesSummary(mean: integral / (b.time - a.time), amplitude: (hi - lo) / 2)
}

/// The cubic through the four samples of `v` nearest to [t[i − 1], t[i]], at `time`.
private func cubic(_ v: [Double], _ t: [Double], _ i: Int, at time: Double) -> Double {
    let j = min(max(i - 2, 0), max(v.count - 4, 0))
    let n = min(4, v.count - j)
    var sum = 0.0
    for a in j..<(j + n) {
        var w = 1.0
        for b in j..<(j + n) where b != a { w *= (time - t[b]) / (t[a] - t[b]) }
        sum += w * v[a]
    }
    return sum
}
