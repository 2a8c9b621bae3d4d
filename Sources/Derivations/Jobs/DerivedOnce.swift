import Foundation

/// A value derived on first use and kept (thread-safe): for the parts of a derived model that
/// few commands need, so the others do not pay for them.
final class DerivedOnce<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<Value, any Error>?
    private let derive: @Sendable () throws -> Value

    init(_ derive: @escaping @Sendable () throws -> Value) { self.derive = derive }

    var value: Value {
        get throws {
            lock.lock()
            defer { lock.unlock() }
            if result == nil { result = Result { try derive() } }
            return try result!.get()
        }
    }
}
