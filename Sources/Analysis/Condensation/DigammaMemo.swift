import ComplexModule
import KeldyshNumerics

/// ψ values already computed for this node (or this parameter point), found by their exact
/// argument. Σ's pieces share poles: a species' photon poles appear in its R, K and A pieces,
/// a conjugate pair of poles has conjugate arguments (ψ(z̄) = ψ(z)‾, exactly so in
/// `ComplexPolygamma`, which computes at |Im z| and conjugates), and a fermion's poles do not
/// move with the outer frequency at all. Matching is bitwise, so a shared value is the value
/// the piece would have computed itself: the memo changes no digit.
///
/// Storage is raw and fixed (a full memo just stops remembering): it is consulted a few times
/// per piece per node, and a Swift array in a class would pay an exclusivity check each time.
final class DigammaMemo {
    private let capacity: Int
    private let arguments: UnsafeMutablePointer<Complex<Double>>
    private let values: UnsafeMutablePointer<Complex<Double>>
    private let used: UnsafeMutablePointer<Int>

    init(capacity: Int) {
        self.capacity = capacity
        arguments = .allocate(capacity: capacity)
        values = .allocate(capacity: capacity)
        used = .allocate(capacity: 1)
        used.pointee = 0
    }

    deinit {
        arguments.deallocate()
        values.deallocate()
        used.deallocate()
    }

    func clear() { used.pointee = 0 }

    /// ψ(z), from the memo (of z itself or of its conjugate) or computed and remembered.
    func digamma(_ z: Complex<Double>) -> Complex<Double> {
        let n = used.pointee
        for k in 0..<n {
            let a = arguments[k]
            guard a.real == z.real else { continue }
            if a.imaginary == z.imaginary { return values[k] }
            if a.imaginary == -z.imaginary { return values[k].conjugate }
        }
        let v = ComplexPolygamma.digamma(z)
        if n < capacity {
            arguments[n] = z
            values[n] = v
            used.pointee = n + 1
        }
        return v
    }
}
