/// The dynamical phase of a run, read off the long-time behaviour of an order parameter
/// (the first observable) over the analysis window:
///
/// * stationary — every state component varies by less than `stationaryTolerance` over the
///   window: `stationary` when |⟨order⟩_t| < `zeroTolerance`, else `ordered`;
/// * periodic — the maxima of the order parameter in the window take at most
///   `maxLevels` distinct values (within `levelTolerance` × its amplitude), i.e. a closed
///   orbit, possibly with a few maxima per period: `periodic` when the time average is zero
///   (|⟨order⟩_t| < max(`zeroTolerance`, `meanFraction` × amplitude)), else `periodicOrdered`;
/// * relaxing — the oscillation amplitude in the second half of the window is below
///   `decayRatio` × the amplitude in the first half: a damped approach to a fixed point,
///   classified `stationary`/`ordered` by its time average (near a boundary to a periodic
///   phase the damping slows down critically);
/// * `irregular` — oscillating with maxima spread over more levels: no periodicity;
/// * `undetermined` — the window holds too few samples (`minimumSamples`) or, for an
///   oscillation, too few maxima (`minimumMaxima`) to support any of the above: the reason
///   says which, and a longer run decides.
///
/// What a model calls these classes (003 calls them NS, SR, L1, L2, IR) is data of the model
/// file (`phase` statements), handed to the analysis as `PhaseNames`.
public enum DynamicalPhase: String, Sendable, CaseIterable {
    case stationary, ordered, periodic, periodicOrdered = "periodic-ordered", irregular, failed
    // Last, so the class codes of the others (grid.csv, merged shards) do not change.
    case undetermined
}

/// The name (written in grid.csv and printed) and legend label of each dynamical phase.
public struct PhaseNames: Sendable, Equatable {
    public var names: [DynamicalPhase: String]
    public var labels: [DynamicalPhase: String]

    public init(names: [DynamicalPhase: String] = [:], labels: [DynamicalPhase: String] = [:]) {
        self.names = names
        self.labels = labels
    }

    public func name(_ p: DynamicalPhase) -> String { names[p] ?? p.rawValue }

    public func label(_ p: DynamicalPhase) -> String {
        if let l = labels[p] { return "\(name(p)): \(l)" }
        switch p {
        case .stationary: return "\(name(p)): stationary, ⟨order⟩ = 0"
        case .ordered: return "\(name(p)): stationary, ⟨order⟩ ≠ 0"
        case .periodic: return "\(name(p)): oscillating, ⟨order⟩_t = 0"
        case .periodicOrdered: return "\(name(p)): oscillating, ⟨order⟩_t ≠ 0"
        case .irregular: return "\(name(p)): irregular"
        case .failed: return "integration failed"
        case .undetermined: return "\(name(p)): too few samples or periods to name a phase"
        }
    }

    /// Legend colours, in `DynamicalPhase.allCases` order.
    static let colors: [DynamicalPhase: String] = [.stationary: "#ffffff", .ordered: "#7b3294", .periodic: "#f2d33a",
                                                    .periodicOrdered: "#f08a24", .irregular: "#c0392b", .failed: "#888888",
                                                    .undetermined: "#cccccc"]
}
