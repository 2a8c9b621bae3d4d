/// How exponent vectors are packed into machine words.
///
/// A monomial x₀^e₀ ⋯ x_{n−1}^e_{n−1} is stored as n + 1 unsigned fields: field 0 holds the
/// total degree e₀ + ⋯ + e_{n−1}, field k + 1 holds e_k. Fields fill words from the most
/// significant bit down and words are compared most significant first, so comparing the
/// packed words as unsigned integers is the **graded lexicographic order** (total degree
/// first, ties broken by x₀ > x₁ > ⋯), and multiplying monomials is adding their words.
///
/// Every field keeps its top bit clear as a guard bit: a carry out of a field sets it, which
/// is how divisibility tests (subtraction without borrow) and overflow checks work. Since the
/// total degree bounds every exponent, one comparison of total degrees decides whether a
/// product fits; when it does not, the operands are repacked into a wider layout (wider
/// fields, more words per monomial), so there is no degree or variable-count limit.
struct MonomialLayout: Hashable, Sendable {
    let variables: Int
    /// Width of one field including its guard bit.
    let bits: Int
    let fieldsPerWord: Int
    /// Words per monomial.
    let words: Int

    /// The narrowest layout (fewest words, then widest fields in them) holding total degrees
    /// up to `maxDegree`.
    init(variables: Int, maxDegree: Int) {
        precondition(variables >= 0 && maxDegree >= 0)
        let fields = variables + 1
        let needed = min(64, max(2, (Int.bitWidth - maxDegree.leadingZeroBitCount) + 1))
        let perWord = 64 / needed
        let words = (fields + perWord - 1) / perWord
        let spread = (fields + words - 1) / words
        self.variables = variables
        self.fieldsPerWord = spread
        self.bits = 64 / spread
        self.words = words
    }

    /// Largest total degree (hence exponent) a field can hold.
    var maxDegree: Int { bits >= 64 ? Int.max : (1 << (bits - 1)) - 1 }

    @inline(__always) func word(ofField f: Int) -> Int { f / fieldsPerWord }
    @inline(__always) func shift(ofField f: Int) -> Int { 64 - (f % fieldsPerWord + 1) * bits }
    var fieldMask: UInt64 { bits >= 64 ? .max : (UInt64(1) << UInt64(bits)) - 1 }

    /// The guard bits of every field of word `w`.
    func guardMask(word w: Int) -> UInt64 {
        var m: UInt64 = 0
        for f in 0...variables where word(ofField: f) == w {
            m |= UInt64(1) << UInt64(shift(ofField: f) + bits - 1)
        }
        return m
    }

    /// Writes the packed form of `exponents` (one per variable) to `out[0..<words]`.
    func pack(_ exponents: [Int], into out: UnsafeMutablePointer<UInt64>) {
        precondition(exponents.count == variables)
        for w in 0..<words { out[w] = 0 }
        var degree = 0
        for (k, e) in exponents.enumerated() {
            precondition(e >= 0)
            degree += e
            set(field: k + 1, to: e, in: out)
        }
        precondition(degree <= maxDegree, "monomial degree exceeds the layout")
        set(field: 0, to: degree, in: out)
    }

    @inline(__always)
    func set(field f: Int, to value: Int, in out: UnsafeMutablePointer<UInt64>) {
        out[word(ofField: f)] |= UInt64(value) << UInt64(shift(ofField: f))
    }

    @inline(__always)
    func field(_ f: Int, of m: UnsafePointer<UInt64>) -> Int {
        Int((m[word(ofField: f)] >> UInt64(shift(ofField: f))) & fieldMask)
    }

    @inline(__always) func degree(of m: UnsafePointer<UInt64>) -> Int { field(0, of: m) }
    @inline(__always) func exponent(_ k: Int, of m: UnsafePointer<UInt64>) -> Int { field(k + 1, of: m) }

    func exponents(of m: UnsafePointer<UInt64>) -> [Int] {
        (0..<variables).map { exponent($0, of: m) }
    }

    /// The packed monomial of one variable to the first power (with its degree field).
    func variableWords(_ k: Int) -> [UInt64] {
        var e = [Int](repeating: 0, count: variables)
        e[k] = 1
        var out = [UInt64](repeating: 0, count: words)
        out.withUnsafeMutableBufferPointer { pack(e, into: $0.baseAddress!) }
        return out
    }
}

/// Compares two packed monomials of `words` words: −1, 0 or 1.
@inline(__always)
func compareMonomials(_ a: UnsafePointer<UInt64>, _ b: UnsafePointer<UInt64>, words: Int) -> Int {
    for w in 0..<words where a[w] != b[w] { return a[w] < b[w] ? -1 : 1 }
    return 0
}
