import ArbitraryPrecision

/// How `SparseIntegerPolynomial` multiplies. `automatic` picks dense accumulation when the
/// product's exponent box is small compared with the number of term products, the heap
/// otherwise; both are exposed so the benchmark can compare them.
public enum MultiplicationMethod: Sendable {
    case automatic
    /// Monagan–Pearce heap merge: memory proportional to the smaller operand.
    case heap
    /// Accumulation into a dense array indexed by Kronecker substitution of the exponents.
    case dense
}

/// Width of the accumulator a product needs, decided before multiplying so the inner
/// loops carry no overflow checks. Every product coefficient is bounded by
/// min(max|a|·‖b‖₁, max|b|·‖a‖₁); the accumulators wrap (two's complement), so intermediate
/// sums may overflow as long as the final value fits, which that bound guarantees.
private enum AccumulatorWidth { case int64, int128, bigInt }

private func accumulatorWidth(_ a: SparseIntegerPolynomial, _ b: SparseIntegerPolynomial) -> AccumulatorWidth {
    guard a.isSmall, b.isSmall else { return .bigInt }
    func stats(_ p: SparseIntegerPolynomial) -> (max: Double, norm: Double) {
        var m = 0.0, s = 0.0
        for v in p.small { let d = Double(v.magnitude); m = Swift.max(m, d); s += d }
        return (m, s)
    }
    let sa = stats(a), sb = stats(b)
    let bound = Swift.min(sa.max * sb.norm, sb.max * sa.norm)
    // The margin covers the rounding of the Double sums (relative error far below 1e-6).
    if bound < 0x1p63 * 0.999_999 { return .int64 }
    if bound < 0x1p127 * 0.999_999 { return .int128 }
    return .bigInt
}

extension SparseIntegerPolynomial {
    static func * (a: SparseIntegerPolynomial, b: SparseIntegerPolynomial) -> SparseIntegerPolynomial {
        multiply(a, b, method: .automatic)
    }

    static func multiply(_ a0: SparseIntegerPolynomial, _ b0: SparseIntegerPolynomial, method: MultiplicationMethod) -> SparseIntegerPolynomial {
        if a0.isZero || b0.isZero {
            return SparseIntegerPolynomial(layout: a0.layout.maxDegree >= b0.layout.maxDegree ? a0.layout : b0.layout)
        }
        let (a, b) = aligned(a0, b0, degree: a0.totalDegree + b0.totalDegree)
        let width = accumulatorWidth(a, b)
        if width == .bigInt || a.layout.words != 1 { return multiplyGeneric(a, b) }
        let dense = denseShape(a, b)
        let useDense: Bool
        switch method {
        case .automatic:
            // Scanning the dense box costs about as much as a few term products per cell.
            useDense = dense.map { Double($0.size) <= 4 * Double(a.count) * Double(b.count) } ?? false
        case .dense: useDense = dense != nil
        case .heap: useDense = false
        }
        if useDense, let shape = dense {
            return width == .int64 ? multiplyDense(a, b, shape, Int.self) : multiplyDense(a, b, shape, Int128.self)
        }
        let (small, large) = a.count <= b.count ? (a, b) : (b, a)
        return width == .int64 ? multiplyHeap(small, large, Int.self) : multiplyHeap(small, large, Int128.self)
    }

    // MARK: Dense accumulation

    struct DenseShape { let size: Int; let extents: [Int]; let strides: [Int] }

    /// The exponent box of the product, when it has at most 2²⁴ cells.
    static func denseShape(_ a: SparseIntegerPolynomial, _ b: SparseIntegerPolynomial) -> DenseShape? {
        let n = a.layout.variables
        let ma = a.maxExponents(), mb = b.maxExponents()
        var extents = [Int](repeating: 1, count: n)
        var size = 1
        for k in 0..<n {
            extents[k] = ma[k] + mb[k] + 1
            let (s, o) = size.multipliedReportingOverflow(by: extents[k])
            if o || s > 1 << 24 { return nil }
            size = s
        }
        var strides = [Int](repeating: 1, count: n)
        var s = 1
        for k in stride(from: n - 1, through: 0, by: -1) { strides[k] = s; s *= extents[k] }
        return DenseShape(size: size, extents: extents, strides: strides)
    }

    func maxExponents() -> [Int] {
        var m = [Int](repeating: 0, count: layout.variables)
        monomials.withUnsafeBufferPointer { buf in
            for i in 0..<count {
                let p = buf.baseAddress! + i * layout.words
                for k in 0..<layout.variables { m[k] = Swift.max(m[k], layout.exponent(k, of: p)) }
            }
        }
        return m
    }

    func denseIndices(_ strides: [Int]) -> [Int] {
        var out = [Int](repeating: 0, count: count)
        monomials.withUnsafeBufferPointer { buf in
            for i in 0..<count {
                let p = buf.baseAddress! + i * layout.words
                var idx = 0
                for k in 0..<layout.variables { idx += layout.exponent(k, of: p) * strides[k] }
                out[i] = idx
            }
        }
        return out
    }

    private static func multiplyDense<A: FixedWidthInteger & SignedInteger>(
        _ a: SparseIntegerPolynomial, _ b: SparseIntegerPolynomial, _ shape: DenseShape, _: A.Type
    ) -> SparseIntegerPolynomial {
        let ia = a.denseIndices(shape.strides), ib = b.denseIndices(shape.strides)
        let acc = UnsafeMutablePointer<A>.allocate(capacity: shape.size)
        acc.initialize(repeating: 0, count: shape.size)
        defer { acc.deallocate() }
        let nb = b.count
        a.small.withUnsafeBufferPointer { ca in
            b.small.withUnsafeBufferPointer { cb in
                ib.withUnsafeBufferPointer { ibp in
                    for i in 0..<a.count {
                        let c = A(truncatingIfNeeded: ca[i])
                        let row = acc + ia[i]
                        for j in 0..<nb {
                            // The accumulator width was chosen so that nothing wraps.
                            row[ibp[j]] &+= c &* A(truncatingIfNeeded: cb[j])
                        }
                    }
                }
            }
        }
        // Collect the nonzero cells, then sort them into graded-lex order.
        let layout = a.layout
        var cells: [(UInt64, A)] = []
        cells.reserveCapacity(Swift.min(shape.size, a.count * nb))
        let n = layout.variables
        var shifts = [UInt64](repeating: 0, count: n + 1)
        for f in 0...n { shifts[f] = UInt64(layout.shift(ofField: f)) }
        for idx in 0..<shape.size where acc[idx] != 0 {
            var rest = idx, m: UInt64 = 0, degree = 0
            for k in 0..<n {
                let e = rest / shape.strides[k]
                rest -= e * shape.strides[k]
                degree += e
                m |= UInt64(e) << shifts[k + 1]
            }
            m |= UInt64(degree) << shifts[0]
            cells.append((m, acc[idx]))
        }
        cells.sort { $0.0 > $1.0 }
        var sink = CoefficientSink()
        sink.reserve(cells.count)
        var words = [UInt64]()
        words.reserveCapacity(cells.count)
        for (m, c) in cells {
            words.append(m)
            if A.self == Int.self { sink.append(Int(truncatingIfNeeded: c)) } else { sink.append(Int128(truncatingIfNeeded: c)) }
        }
        return SparseIntegerPolynomial(layout: layout, monomials: words, coefficients: sink)
    }

    // MARK: Heap (Monagan–Pearce)

    /// `a` is the smaller operand: the heap holds at most one entry per term of `a`.
    private static func multiplyHeap<A: FixedWidthInteger & SignedInteger>(
        _ a: SparseIntegerPolynomial, _ b: SparseIntegerPolynomial, _: A.Type
    ) -> SparseIntegerPolynomial {
        let na = a.count, nb = b.count
        var heap = MonomialHeap(capacity: na)
        defer { heap.deallocate() }
        var words = [UInt64]()
        words.reserveCapacity(na + nb)
        var sink = CoefficientSink()
        sink.reserve(na + nb)
        var popped = [(Int32, Int32)]()
        popped.reserveCapacity(na)
        a.monomials.withUnsafeBufferPointer { am in
            b.monomials.withUnsafeBufferPointer { bm in
                a.small.withUnsafeBufferPointer { ca in
                    b.small.withUnsafeBufferPointer { cb in
                        heap.push(am[0] &+ bm[0], 0, 0)
                        while !heap.isEmpty {
                            let m = heap.topKey
                            var sum: A = 0
                            // Pop every product with this monomial, then insert their successors.
                            while !heap.isEmpty && heap.topKey == m {
                                let (i, j) = heap.pop()
                                sum &+= A(truncatingIfNeeded: ca[Int(i)]) &* A(truncatingIfNeeded: cb[Int(j)])
                                popped.append((i, j))
                            }
                            for (i, j) in popped {
                                // Row i + 1 cannot be needed before (i, 0) has been taken.
                                if j == 0 && Int(i) + 1 < na {
                                    heap.push(am[Int(i) + 1] &+ bm[0], i + 1, 0)
                                }
                                if Int(j) + 1 < nb {
                                    heap.push(am[Int(i)] &+ bm[Int(j) + 1], i, j + 1)
                                }
                            }
                            popped.removeAll(keepingCapacity: true)
                            if sum != 0 {
                                words.append(m)
                                if A.self == Int.self { sink.append(Int(truncatingIfNeeded: sum)) }
                                else { sink.append(Int128(truncatingIfNeeded: sum)) }
                            }
                        }
                    }
                }
            }
        }
        return SparseIntegerPolynomial(layout: a.layout, monomials: words, coefficients: sink)
    }

    // MARK: Generic (any layout, big coefficients)

    /// Term products sorted and combined, a block of rows of `a` at a time (memory stays
    /// near 2²⁰ products), the blocks merged: used for multi-word monomials and for
    /// coefficients beyond 128-bit accumulation.
    static func multiplyGeneric(_ a: SparseIntegerPolynomial, _ b: SparseIntegerPolynomial,
                                blockProducts: Int = 1 << 20) -> SparseIntegerPolynomial {
        let w = a.layout.words
        let ca = a.bigCoefficients, cb = b.bigCoefficients
        let block = Swift.max(1, blockProducts / b.count)
        var result = SparseIntegerPolynomial(layout: a.layout)
        var start = 0
        while start < a.count {
            let end = Swift.min(a.count, start + block)
            var words = [UInt64](repeating: 0, count: (end - start) * b.count * w)
            var coefficients: [BigInt] = []
            coefficients.reserveCapacity((end - start) * b.count)
            for i in start..<end {
                for j in 0..<b.count {
                    let base = ((i - start) * b.count + j) * w
                    for k in 0..<w { words[base + k] = a.monomials[i * w + k] &+ b.monomials[j * w + k] }
                    coefficients.append(ca[i] * cb[j])
                }
            }
            result = result + sortAndCombine(layout: a.layout, monomials: words, coefficients: coefficients)
            start = end
        }
        return result
    }
}

/// Binary max-heap of packed one-word monomials with (row, column) payloads.
private struct MonomialHeap {
    private var keys: UnsafeMutablePointer<UInt64>
    private var rows: UnsafeMutablePointer<Int32>
    private var cols: UnsafeMutablePointer<Int32>
    private(set) var count = 0
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = Swift.max(capacity, 1)
        keys = .allocate(capacity: self.capacity)
        rows = .allocate(capacity: self.capacity)
        cols = .allocate(capacity: self.capacity)
    }

    var isEmpty: Bool { count == 0 }
    var topKey: UInt64 { keys[0] }

    mutating func push(_ key: UInt64, _ r: Int32, _ c: Int32) {
        precondition(count < capacity)
        var i = count
        count += 1
        while i > 0 {
            let parent = (i - 1) >> 1
            if keys[parent] >= key { break }
            keys[i] = keys[parent]; rows[i] = rows[parent]; cols[i] = cols[parent]
            i = parent
        }
        keys[i] = key; rows[i] = r; cols[i] = c
    }

    mutating func pop() -> (Int32, Int32) {
        let result = (rows[0], cols[0])
        count -= 1
        if count > 0 {
            let key = keys[count], r = rows[count], c = cols[count]
            var i = 0
            while true {
                var child = 2 * i + 1
                if child >= count { break }
                if child + 1 < count && keys[child + 1] > keys[child] { child += 1 }
                if keys[child] <= key { break }
                keys[i] = keys[child]; rows[i] = rows[child]; cols[i] = cols[child]
                i = child
            }
            keys[i] = key; rows[i] = r; cols[i] = c
        }
        return result
    }

    func deallocate() { keys.deallocate(); rows.deallocate(); cols.deallocate() }
}
