import Foundation
import Symbolic

/// In-process memo of the symbolic preparation of analyses: derived models (keyed by the
/// model text and options) and crossing resultants (keyed by the substituted matrix and the
/// varied parameter — so by the model and every fixed parameter value). Repeated thresholds
/// of one model (a sweep of λ, a CLI session, a notebook) then skip the derivation and the
/// elimination. Bounded: cleared when it reaches `capacity` entries.
public enum AnalysisCache {
    nonisolated(unsafe) private static var models: [String: ModelInput] = [:]
    nonisolated(unsafe) private static var crossings: [CrossingKey: CrossingPolynomial] = [:]
    nonisolated(unsafe) private static var on = true
    private static let lock = NSLock()
    public static let capacity = 64

    struct CrossingKey: Hashable {
        let matrix: Matrix
        let parameter: Symbol
    }

    /// Turns the memo on or off (off also empties it); for benchmarks of the uncached path.
    public static var enabled: Bool {
        get { lock.withLock { on } }
        set { lock.withLock { on = newValue; if !newValue { models = [:]; crossings = [:] } } }
    }

    public static func clear() { lock.withLock { models = [:]; crossings = [:] } }

    static func model(_ key: String, _ make: () throws -> ModelInput) rethrows -> ModelInput {
        if let hit = lock.withLock({ on ? models[key] : nil }) { return hit }
        let value = try make()
        lock.withLock {
            guard on else { return }
            if models.count >= capacity { models = [:] }
            models[key] = value
        }
        return value
    }

    static func crossing(_ key: CrossingKey, _ make: () throws -> CrossingPolynomial) rethrows -> CrossingPolynomial {
        if let hit = lock.withLock({ on ? crossings[key] : nil }) { return hit }
        let value = try make()
        lock.withLock {
            guard on else { return }
            if crossings.count >= capacity { crossings = [:] }
            crossings[key] = value
        }
        return value
    }
}

extension CrossingPolynomial {
    /// `CrossingPolynomial(problem:)`, memoised in `AnalysisCache`.
    public static func cached(problem: StabilityProblem) throws -> CrossingPolynomial {
        guard problem.free.count == 1 else { return try CrossingPolynomial(problem: problem) }
        return try AnalysisCache.crossing(.init(matrix: problem.matrix, parameter: problem.free[0])) {
            try CrossingPolynomial(problem: problem)
        }
    }
}
