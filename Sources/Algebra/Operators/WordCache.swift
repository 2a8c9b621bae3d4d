import ArbitraryPrecision
import Synchronization

/// Canonical forms of operator words, remembered for the life of one algebra.
///
/// A derivation brings the same few words (H's terms times each observable, L†OL, …) to
/// canonical order again and again: for every Heisenberg equation, every adjoint, every
/// expectation value. Rewriting a word costs dictionaries of words; looking it up costs one
/// hash. The cache belongs to the algebra's current declarations: `OperatorAlgebra` gives
/// itself a new one whenever it declares a group, so copies of an algebra that go on to
/// declare different groups never share entries (group ids would mean different things).
final class WordCache: Sendable {
    private let memo = Mutex<[Word: [Word: GaussianRational]]>([:])
    /// The same forms as lists, for the words `forEachCanonicalTerm` looks up.
    private let lists = Mutex<[Word: [(Word, GaussianRational)]]>([:])

    /// The cached list of terms of `w`, computed by `make` when absent (outside the lock:
    /// `make` may look up `canonical`).
    func terms(_ w: Word, _ make: (Word) -> [(Word, GaussianRational)]) -> [(Word, GaussianRational)] {
        if let r = lists.withLock({ $0[w] }) { return r }
        let r = make(w)
        lists.withLock { $0[w] = r }
        return r
    }

    /// The cached canonical form of `w`, computed by `make` (with the cache's memo for the
    /// shorter words it recurses into) when absent.
    func canonical(_ w: Word, _ make: (Word, inout [Word: [Word: GaussianRational]]) -> [Word: GaussianRational])
        -> [Word: GaussianRational] {
        memo.withLock { m in
            if let r = m[w] { return r }
            return make(w, &m)
        }
    }
}
