import Foundation

/// A value computed on first use and kept (thread-safe): for the parts of a derivation that few
/// commands need (a step's printed result, a model's symbolic G₀), so the others do not pay for
/// them. A computation that can fail keeps its `Result`.
public final class ComputedOnce<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var computed: Value?
    private let compute: @Sendable () -> Value

    public init(_ compute: @escaping @Sendable () -> Value) { self.compute = compute }

    public var value: Value {
        lock.lock()
        defer { lock.unlock() }
        if let computed { return computed }
        let v = compute()
        computed = v
        return v
    }
}
