import ArbitraryPrecision

/// Sparse multivariate polynomial over ℤ: the fast kernel under `Polynomial` and `expand`.
///
/// Terms are stored in decreasing graded-lex order (leading term first) as packed monomials
/// (`MonomialLayout`) in one flat array, with coefficients in a parallel array of machine
/// integers. Only when some coefficient leaves the `Int` range does the whole coefficient
/// array move to `BigInt` (GMP); that keeps the common case free of per-coefficient tags.
struct SparseIntegerPolynomial: Sendable {
    var layout: MonomialLayout
    /// `count * layout.words` words, leading term first.
    var monomials: [UInt64]
    /// Coefficients while every one fits in `Int`; empty once `big` is set.
    var small: [Int]
    /// All coefficients, once any of them needs more than 64 bits.
    var big: [BigInt]?

    init(layout: MonomialLayout) {
        self.layout = layout
        monomials = []
        small = []
        big = nil
    }

    init(layout: MonomialLayout, monomials: [UInt64], coefficients: CoefficientSink) {
        self.layout = layout
        self.monomials = monomials
        self.small = coefficients.small
        self.big = coefficients.big
    }

    var count: Int { big?.count ?? small.count }
    var isZero: Bool { count == 0 }
    var isSmall: Bool { big == nil }

    @inline(__always) func coefficient(_ i: Int) -> BigInt {
        if let big { return big[i] }
        return BigInt(small[i])
    }

    func monomial(_ i: Int) -> [UInt64] {
        Array(monomials[(i * layout.words)..<((i + 1) * layout.words)])
    }

    func exponents(_ i: Int) -> [Int] {
        monomials.withUnsafeBufferPointer { layout.exponents(of: $0.baseAddress! + i * layout.words) }
    }

    /// Total degree (−1 for the zero polynomial): the degree field of the leading term.
    var totalDegree: Int {
        if isZero { return -1 }
        return monomials.withUnsafeBufferPointer { layout.degree(of: $0.baseAddress!) }
    }

    static func constant(_ c: BigInt, layout: MonomialLayout) -> SparseIntegerPolynomial {
        var p = SparseIntegerPolynomial(layout: layout)
        if c.isZero { return p }
        p.monomials = [UInt64](repeating: 0, count: layout.words)
        var sink = CoefficientSink()
        sink.append(c)
        p.small = sink.small
        p.big = sink.big
        return p
    }

    /// Builds a polynomial from unsorted terms, combining equal monomials.
    static func fromTerms(_ terms: [(exponents: [Int], coefficient: BigInt)], variables: Int) -> SparseIntegerPolynomial {
        let maxDegree = terms.map { $0.exponents.reduce(0, +) }.max() ?? 0
        let layout = MonomialLayout(variables: variables, maxDegree: maxDegree)
        var words = [UInt64](repeating: 0, count: terms.count * layout.words)
        words.withUnsafeMutableBufferPointer { buf in
            for (i, t) in terms.enumerated() { layout.pack(t.exponents, into: buf.baseAddress! + i * layout.words) }
        }
        return sortAndCombine(layout: layout, monomials: words, coefficients: terms.map(\.coefficient))
    }

    /// Sorts terms into decreasing order and adds coefficients of equal monomials.
    static func sortAndCombine(layout: MonomialLayout, monomials: [UInt64], coefficients: [BigInt]) -> SparseIntegerPolynomial {
        let w = layout.words
        var order = Array(0..<coefficients.count)
        monomials.withUnsafeBufferPointer { m in
            let base = m.baseAddress!
            order.sort { compareMonomials(base + $0 * w, base + $1 * w, words: w) > 0 }
        }
        var outWords: [UInt64] = []
        outWords.reserveCapacity(monomials.count)
        var sink = CoefficientSink()
        var k = 0
        monomials.withUnsafeBufferPointer { m in
            let base = m.baseAddress!
            while k < order.count {
                var c = coefficients[order[k]]
                var next = k + 1
                while next < order.count,
                      compareMonomials(base + order[k] * w, base + order[next] * w, words: w) == 0 {
                    c += coefficients[order[next]]
                    next += 1
                }
                if !c.isZero {
                    outWords.append(contentsOf: UnsafeBufferPointer(start: base + order[k] * w, count: w))
                    sink.append(c)
                }
                k = next
            }
        }
        return SparseIntegerPolynomial(layout: layout, monomials: outWords, coefficients: sink)
    }

    /// The same polynomial in a layout for total degrees up to `maxDegree` (and never narrower).
    func repacked(toHoldDegree maxDegree: Int) -> SparseIntegerPolynomial {
        if maxDegree <= layout.maxDegree { return self }
        return repacked(into: MonomialLayout(variables: layout.variables, maxDegree: maxDegree))
    }

    func repacked(into target: MonomialLayout) -> SparseIntegerPolynomial {
        if target == layout { return self }
        precondition(target.variables == layout.variables)
        var out = [UInt64](repeating: 0, count: count * target.words)
        monomials.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for i in 0..<count {
                    let m = src.baseAddress! + i * layout.words
                    let d = dst.baseAddress! + i * target.words
                    for f in 0...layout.variables { target.set(field: f, to: layout.field(f, of: m), in: d) }
                }
            }
        }
        var p = self
        p.layout = target
        p.monomials = out
        return p
    }

    /// Both operands in one layout wide enough for total degree `degree`.
    static func aligned(_ a: SparseIntegerPolynomial, _ b: SparseIntegerPolynomial, degree: Int)
        -> (SparseIntegerPolynomial, SparseIntegerPolynomial) {
        if a.layout == b.layout && degree <= a.layout.maxDegree { return (a, b) }
        let need = max(degree, a.layout.maxDegree, b.layout.maxDegree)
        let target = MonomialLayout(variables: a.layout.variables, maxDegree: need)
        return (a.repacked(into: target), b.repacked(into: target))
    }

    var bigCoefficients: [BigInt] { big ?? small.map { BigInt($0) } }
}

/// Collects coefficients as `Int` and moves to `BigInt` the first time one does not fit.
struct CoefficientSink {
    var small: [Int] = []
    var big: [BigInt]? = nil

    mutating func reserve(_ n: Int) { small.reserveCapacity(n) }

    @inline(__always) mutating func append(_ v: Int) {
        if big == nil { small.append(v) } else { big!.append(BigInt(v)) }
    }

    mutating func append(_ v: BigInt) {
        if big == nil, let s = v.asInt { small.append(s); return }
        promote()
        big!.append(v)
    }

    @inline(__always) mutating func append(_ v: Int128) {
        if big == nil, let s = Int(exactly: v) { small.append(s); return }
        append(bigInt(v))
    }

    private mutating func promote() {
        if big == nil {
            big = small.map { BigInt($0) }
            small = []
        }
    }
}

func bigInt(_ v: Int128) -> BigInt {
    if let s = Int(exactly: v) { return BigInt(s) }
    let high = Int(truncatingIfNeeded: v >> 64)
    let low = UInt(truncatingIfNeeded: v)
    return (BigInt(high) << 64) + BigInt(low)
}

// MARK: - Ring operations

extension SparseIntegerPolynomial {
    static prefix func - (p: SparseIntegerPolynomial) -> SparseIntegerPolynomial {
        var q = p
        if let big = p.big {
            q.big = big.map { -$0 }
        } else if p.small.contains(Int.min) {
            q.big = p.small.map { -BigInt($0) }
            q.small = []
        } else {
            q.small = p.small.map { -$0 }
        }
        return q
    }

    static func + (a: SparseIntegerPolynomial, b: SparseIntegerPolynomial) -> SparseIntegerPolynomial { merge(a, b, negateB: false) }
    static func - (a: SparseIntegerPolynomial, b: SparseIntegerPolynomial) -> SparseIntegerPolynomial { merge(a, b, negateB: true) }

    /// Merges two sorted term lists (a ± b) in one pass.
    static func merge(_ a0: SparseIntegerPolynomial, _ b0: SparseIntegerPolynomial, negateB: Bool) -> SparseIntegerPolynomial {
        if b0.isZero { return a0 }
        if a0.isZero { return negateB ? -b0 : b0 }
        let (a, b) = aligned(a0, b0, degree: max(a0.totalDegree, b0.totalDegree))
        let w = a.layout.words
        var words: [UInt64] = []
        words.reserveCapacity(a.monomials.count + b.monomials.count)
        var sink = CoefficientSink()
        sink.reserve(a.count + b.count)
        let bothSmall = a.isSmall && b.isSmall
        a.monomials.withUnsafeBufferPointer { am in
            b.monomials.withUnsafeBufferPointer { bm in
                let pa = am.baseAddress!, pb = bm.baseAddress!
                var i = 0, j = 0
                func takeB(_ j: Int) {
                    if bothSmall {
                        let v = b.small[j]
                        if negateB { if v == .min { sink.append(-BigInt(v)) } else { sink.append(-v) } } else { sink.append(v) }
                    } else {
                        sink.append(negateB ? -b.coefficient(j) : b.coefficient(j))
                    }
                }
                while i < a.count || j < b.count {
                    let c: Int
                    if i == a.count { c = -1 } else if j == b.count { c = 1 } else {
                        c = compareMonomials(pa + i * w, pb + j * w, words: w)
                    }
                    if c > 0 {
                        words.append(contentsOf: UnsafeBufferPointer(start: pa + i * w, count: w))
                        if bothSmall { sink.append(a.small[i]) } else { sink.append(a.coefficient(i)) }
                        i += 1
                    } else if c < 0 {
                        words.append(contentsOf: UnsafeBufferPointer(start: pb + j * w, count: w))
                        takeB(j)
                        j += 1
                    } else {
                        if bothSmall {
                            let (s, o) = negateB ? a.small[i].subtractingReportingOverflow(b.small[j])
                                                 : a.small[i].addingReportingOverflow(b.small[j])
                            if o {
                                words.append(contentsOf: UnsafeBufferPointer(start: pa + i * w, count: w))
                                sink.append(negateB ? BigInt(a.small[i]) - BigInt(b.small[j])
                                                    : BigInt(a.small[i]) + BigInt(b.small[j]))
                            } else if s != 0 {
                                words.append(contentsOf: UnsafeBufferPointer(start: pa + i * w, count: w))
                                sink.append(s)
                            }
                        } else {
                            let s = negateB ? a.coefficient(i) - b.coefficient(j) : a.coefficient(i) + b.coefficient(j)
                            if !s.isZero {
                                words.append(contentsOf: UnsafeBufferPointer(start: pa + i * w, count: w))
                                sink.append(s)
                            }
                        }
                        i += 1
                        j += 1
                    }
                }
            }
        }
        return SparseIntegerPolynomial(layout: a.layout, monomials: words, coefficients: sink)
    }

    /// Multiplies every coefficient by `c`.
    func scaled(by c: BigInt) -> SparseIntegerPolynomial {
        if c.isZero { return SparseIntegerPolynomial(layout: layout) }
        if c.isOne { return self }
        var sink = CoefficientSink()
        sink.reserve(count)
        if let cs = c.asInt, isSmall {
            for v in small {
                let (r, o) = v.multipliedReportingOverflow(by: cs)
                if o { sink.append(BigInt(v) * c) } else { sink.append(r) }
            }
        } else {
            for i in 0..<count { sink.append(coefficient(i) * c) }
        }
        return SparseIntegerPolynomial(layout: layout, monomials: monomials, coefficients: sink)
    }

    /// Divides every coefficient by `c`, which must divide them all.
    func exactlyDivided(by c: BigInt) -> SparseIntegerPolynomial {
        if c.isOne { return self }
        var sink = CoefficientSink()
        for i in 0..<count { sink.append(coefficient(i).exactlyDivided(by: c)) }
        return SparseIntegerPolynomial(layout: layout, monomials: monomials, coefficients: sink)
    }

    /// Non-negative gcd of the coefficients (0 for the zero polynomial).
    var content: BigInt {
        var g = BigInt.zero
        for i in 0..<count {
            g = BigInt.gcd(g, coefficient(i))
            if g.isOne { break }
        }
        return g
    }

    /// Multiplies by one monomial (given packed in this layout, with room for the result).
    func shifted(by m: [UInt64], coefficient c: BigInt) -> SparseIntegerPolynomial {
        let w = layout.words
        var out = monomials
        for i in 0..<count { for k in 0..<w { out[i * w + k] &+= m[k] } }
        var p = scaled(by: c)
        p.monomials = out
        return p
    }

    static func == (a: SparseIntegerPolynomial, b: SparseIntegerPolynomial) -> Bool {
        if a.count != b.count { return false }
        if a.isZero { return true }
        let (x, y) = aligned(a, b, degree: max(a.totalDegree, b.totalDegree))
        if x.monomials != y.monomials { return false }
        if x.isSmall && y.isSmall { return x.small == y.small }
        return x.bigCoefficients == y.bigCoefficients
    }
}
