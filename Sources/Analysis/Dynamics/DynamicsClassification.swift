/// The criteria of `classifyDynamics` (see `DynamicalPhase` for what each class means).
public struct DynamicsCriteria: Sendable {
    public var stationaryTolerance = 1e-4
    public var zeroTolerance = 1e-3
    public var meanFraction = 0.1
    public var levelTolerance = 0.02
    public var maxLevels = 4
    public var decayRatio = 0.9
    /// Fewer samples than this in the window: no phase is named (`undetermined`).
    public var minimumSamples = 16
    /// An oscillation with fewer maxima than this in the window is not called periodic or
    /// irregular (`undetermined`): "0 maxima on 0 levels" is no periodic orbit.
    public var minimumMaxima = 3
    public init() {}
}

/// Time average and oscillation amplitude (half the peak-to-peak range) of a series.
public struct SeriesSummary: Sendable {
    public var mean: Double
    public var amplitude: Double
    public init(mean: Double, amplitude: Double) {
        self.mean = mean
        self.amplitude = amplitude
    }
    public init(_ v: ArraySlice<Double>) {
        var lo = Double.infinity, hi = -Double.infinity, sum = 0.0
        for x in v { lo = min(lo, x); hi = max(hi, x); sum += x }
        mean = v.isEmpty ? .nan : sum / Double(v.count)
        amplitude = v.isEmpty ? .nan : (hi - lo) / 2
    }
}

public struct DynamicsClassification: Sendable {
    public var phase: DynamicalPhase
    public var orderMean: Double
    public var orderAmplitude: Double
    /// Distinct maximum levels found (0 for a stationary state).
    public var levels: Int
    public var reason: String
}

/// Classifies from the order parameter `order` and all state components `states` over the
/// window (indices of the samples to use).
public func classifyDynamics(order: [Double], states: [[Double]], window: Range<Int>,
                             criteria: DynamicsCriteria = DynamicsCriteria()) -> DynamicsClassification {
    let o = SeriesSummary(order[window])
    guard window.count >= criteria.minimumSamples else {
        return DynamicsClassification(phase: .undetermined, orderMean: o.mean, orderAmplitude: o.amplitude, levels: 0,
                                      reason: "only \(window.count) sample\(window.count == 1 ? "" : "s") in the window (at least \(criteria.minimumSamples) needed): integrate longer or sample finer")
    }
    var maxRange = 0.0
    if let dim = states.first?.count {
        for k in 0..<dim {
            var lo = Double.infinity, hi = -Double.infinity
            for t in window { lo = min(lo, states[t][k]); hi = max(hi, states[t][k]) }
            maxRange = max(maxRange, hi - lo)
        }
    }
    if maxRange < criteria.stationaryTolerance {
        let sr = abs(o.mean) >= criteria.zeroTolerance
        return DynamicsClassification(phase: sr ? .ordered : .stationary, orderMean: o.mean, orderAmplitude: o.amplitude, levels: 0,
                                      reason: "stationary (state varies by \(maxRange) < \(criteria.stationaryTolerance)); |⟨order⟩| \(sr ? "≥" : "<") \(criteria.zeroTolerance)")
    }
    let mid = window.lowerBound + window.count / 2
    let early = SeriesSummary(order[window.lowerBound..<mid]), late = SeriesSummary(order[mid..<window.upperBound])
    if late.amplitude < criteria.decayRatio * early.amplitude {
        let sr = abs(late.mean) >= criteria.zeroTolerance
        return DynamicsClassification(phase: sr ? .ordered : .stationary, orderMean: o.mean, orderAmplitude: o.amplitude, levels: 0,
                                      reason: "relaxing: amplitude decays from \(early.amplitude) to \(late.amplitude) across the window; |⟨order⟩| \(sr ? "≥" : "<") \(criteria.zeroTolerance)")
    }
    // Local maxima of the order parameter in the window, grouped into levels.
    var peaks: [Double] = []
    let idx = Array(window)
    if idx.count >= 3 {
        for k in 1..<(idx.count - 1) where order[idx[k]] > order[idx[k - 1]] && order[idx[k]] >= order[idx[k + 1]] {
            peaks.append(order[idx[k]])
        }
    }
    let scale = max(o.amplitude, 1e-12)
    peaks.sort()
    var levels = 0
    var last = -Double.infinity
    for p in peaks where p - last > criteria.levelTolerance * scale { levels += 1; last = p }
    if peaks.count >= 2 * criteria.maxLevels && levels > criteria.maxLevels {
        return DynamicsClassification(phase: .irregular, orderMean: o.mean, orderAmplitude: o.amplitude, levels: levels,
                                      reason: "\(peaks.count) maxima on \(levels) levels (> \(criteria.maxLevels)): no periodic orbit")
    }
    guard peaks.count >= criteria.minimumMaxima else {
        return DynamicsClassification(phase: .undetermined, orderMean: o.mean, orderAmplitude: o.amplitude, levels: levels,
                                      reason: "the state still varies (by \(maxRange)) but the order parameter has \(peaks.count) maxima in the window (at least \(criteria.minimumMaxima) needed to call it periodic or irregular): integrate longer")
    }
    let zero = max(criteria.zeroTolerance, criteria.meanFraction * o.amplitude)
    let l2 = abs(o.mean) >= zero
    return DynamicsClassification(phase: l2 ? .periodicOrdered : .periodic, orderMean: o.mean, orderAmplitude: o.amplitude, levels: levels,
                                  reason: "periodic: \(peaks.count) maxima on \(levels) level(s); |mean| \(l2 ? "≥" : "<") \(zero)")
}
