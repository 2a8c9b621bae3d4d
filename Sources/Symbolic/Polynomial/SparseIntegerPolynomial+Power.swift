import ArbitraryPrecision

extension SparseIntegerPolynomial {
    /// pⁿ for n ≥ 0.
    ///
    /// A monomial is raised directly. A polynomial with few terms is multiplied up one factor
    /// at a time: pᵏ·p costs |pᵏ|·|p| term products, and the sum over k is far below the cost of
    /// squaring pᵏ (|pᵏ|² products) for sparse inputs such as (1 + x + y + z + t)ⁿ. Larger
    /// bases use repeated squaring.
    func power(_ n: Int, method: MultiplicationMethod = .automatic) -> SparseIntegerPolynomial {
        precondition(n >= 0)
        let one = SparseIntegerPolynomial.constant(1, layout: layout)
        if n == 0 { return one }
        if n == 1 || isZero { return self }
        let degree = totalDegree
        let (d, o) = degree.multipliedReportingOverflow(by: n)
        precondition(!o, "polynomial degree overflows Int")
        let base = repacked(toHoldDegree: d)
        if count == 1 {
            var m = base.monomial(0)
            for k in 0..<m.count { m[k] = m[k] &* UInt64(n) }
            var sink = CoefficientSink()
            sink.append(base.coefficient(0).power(n))
            return SparseIntegerPolynomial(layout: base.layout, monomials: m, coefficients: sink)
        }
        if count <= 16 {
            var result = base
            for _ in 1..<n { result = SparseIntegerPolynomial.multiply(result, base, method: method) }
            return result
        }
        var result = one.repacked(into: base.layout)
        var square = base
        var e = n
        while true {
            if e & 1 == 1 { result = SparseIntegerPolynomial.multiply(result, square, method: method) }
            e >>= 1
            if e == 0 { return result }
            square = SparseIntegerPolynomial.multiply(square, square, method: method)
        }
    }

    /// Largest exponent of variable `k` (−1 for the zero polynomial).
    func degree(in k: Int) -> Int {
        if isZero { return -1 }
        var m = 0
        monomials.withUnsafeBufferPointer { buf in
            for i in 0..<count { m = Swift.max(m, layout.exponent(k, of: buf.baseAddress! + i * layout.words)) }
        }
        return m
    }

    /// ∂p/∂x_k. Dividing every monomial by x_k preserves the graded-lex order (a monomial
    /// order is compatible with multiplication), so the result needs no sorting.
    func derivative(_ k: Int) -> SparseIntegerPolynomial {
        let w = layout.words
        let step = layout.variableWords(k)
        var words = [UInt64]()
        var sink = CoefficientSink()
        monomials.withUnsafeBufferPointer { buf in
            for i in 0..<count {
                let p = buf.baseAddress! + i * w
                let e = layout.exponent(k, of: p)
                if e == 0 { continue }
                for q in 0..<w { words.append(p[q] &- step[q]) }
                if isSmall, case let (r, o) = small[i].multipliedReportingOverflow(by: e), !o {
                    sink.append(r)
                } else {
                    sink.append(coefficient(i) * BigInt(e))
                }
            }
        }
        return SparseIntegerPolynomial(layout: layout, monomials: words, coefficients: sink)
    }

    /// Whether monomial `b` divides monomial `a` (both in this layout): a − b borrows from
    /// no field exactly when the guard bits of (a | guards) − b all survive.
    func divides(_ b: UnsafePointer<UInt64>, _ a: UnsafePointer<UInt64>) -> Bool {
        for w in 0..<layout.words {
            let g = layout.guardMask(word: w)
            if ((a[w] | g) &- b[w]) & g != g { return false }
        }
        return true
    }
}
