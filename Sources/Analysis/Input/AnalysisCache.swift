import Foundation
import Symbolic

/// A bounded in-process memo: emptied when it reaches `capacity` entries, and switched off
/// (and emptied) together with every other memo by `AnalysisCache.enabled`.
public final class BoundedMemo<Key: Hashable, Value>: @unchecked Sendable {
    private var table: [Key: Value] = [:]
    private let lock = NSLock()
    public let capacity: Int

    public init(capacity: Int = 64) {
        self.capacity = capacity
        AnalysisCache.register { [weak self] in self?.clear() }
    }

    /// The memoised value for `key`, made (outside the lock) when absent.
    public func value(_ key: Key, _ make: () throws -> Value) rethrows -> Value {
        if let hit = lock.withLock({ AnalysisCache.enabled ? table[key] : nil }) { return hit }
        let value = try make()
        lock.withLock {
            guard AnalysisCache.enabled else { return }
            if table.count >= capacity { table = [:] }
            table[key] = value
        }
        return value
    }

    public func clear() { lock.withLock { table = [:] } }
}

/// The switch of every in-process memo of symbolic preparation: crossing resultants here,
/// derived models in the application. Repeated thresholds of one model (a sweep of λ, a CLI
/// session, a notebook) then skip the derivation and the elimination.
public enum AnalysisCache {
    nonisolated(unsafe) private static var on = true
    nonisolated(unsafe) private static var clearers: [() -> Void] = []
    private static let lock = NSLock()
    public static let capacity = 64

    /// Turns every memo on or off (off also empties them); for benchmarks of the uncached path.
    public static var enabled: Bool {
        get { lock.withLock { on } }
        set {
            lock.withLock { on = newValue }
            if !newValue { clear() }
        }
    }

    /// Empties every memo.
    public static func clear() { for c in lock.withLock({ clearers }) { c() } }

    static func register(_ clear: @escaping () -> Void) { lock.withLock { clearers.append(clear) } }

    struct CrossingKey: Hashable {
        let matrix: Matrix
        let parameter: Symbol
    }

    static let crossings = BoundedMemo<CrossingKey, CrossingPolynomial>(capacity: capacity)
}

extension CrossingPolynomial {
    /// `CrossingPolynomial(problem:)`, memoised.
    public static func cached(problem: StabilityProblem) throws -> CrossingPolynomial {
        guard problem.free.count == 1 else { return try CrossingPolynomial(problem: problem) }
        return try AnalysisCache.crossings.value(.init(matrix: problem.matrix, parameter: problem.free[0])) {
            try CrossingPolynomial(problem: problem)
        }
    }
}
