import ArbitraryPrecision

/// Conversion between the sparse kernel (`Polynomial`) and the recursive dense layout of
/// the Euclidean-type algorithms, over a chosen list of variables (outermost first).
extension Polynomial {
    /// Indices of the generators that occur in any of `ps`, in generator order.
    static func usedVariables(_ ps: [Polynomial]) -> [Int] {
        guard let first = ps.first else { return [] }
        return (0..<first.generators.count).filter { k in ps.contains { $0.degree(in: k) > 0 } }
    }

    /// The integer numerator (self · denominator) as a recursive polynomial; real polynomials only.
    func integerRecursive(_ variables: [Int]) -> RecursivePolynomial<BigInt> {
        precondition(im.isZero)
        let terms = (0..<re.count).map { (re.exponents($0), re.coefficient($0)) }
        return Polynomial.recursive(terms, variables, depth: 0)
    }

    func gaussianRecursive(_ variables: [Int]) -> RecursivePolynomial<GaussianRational> {
        Polynomial.recursive(terms.map { ($0.exponents, $0.coefficient) }, variables, depth: 0)
    }

    static func recursive<C>(_ terms: [([Int], C)], _ variables: [Int], depth: Int) -> RecursivePolynomial<C> {
        if depth == variables.count {
            return .ground(terms.reduce(C.zero) { $0 + $1.1 })
        }
        let v = variables[depth]
        let top = terms.map { $0.0[v] }.max() ?? -1
        var buckets = [[([Int], C)]](repeating: [], count: top + 1)
        for t in terms { buckets[t.0[v]].append(t) }
        return RecursivePolynomial.trimmed(buckets.map { recursive($0, variables, depth: depth + 1) })
    }

    /// The polynomial of a recursive one over `variables` of `generators`.
    static func from<C>(_ p: RecursivePolynomial<C>, _ variables: [Int], generators: [Expr],
                        _ value: (C) -> GaussianRational) -> Polynomial {
        var terms: [(exponents: [Int], coefficient: GaussianRational)] = []
        var exps = [Int](repeating: 0, count: generators.count)
        func walk(_ q: RecursivePolynomial<C>, _ depth: Int) {
            switch q {
            case .ground(let c):
                if !c.isZero { terms.append((exps, value(c))) }
            case .poly(let a):
                for (k, c) in a.enumerated() where !c.isZero {
                    exps[variables[depth]] = k
                    walk(c, depth + 1)
                }
                exps[variables[depth]] = 0
            }
        }
        walk(p, 0)
        return Polynomial(terms: terms, generators: generators)
    }

    static func fromInteger(_ p: RecursivePolynomial<BigInt>, _ variables: [Int], generators: [Expr]) -> Polynomial {
        from(p, variables, generators: generators) { GaussianRational(BigRational($0)) }
    }

    static func fromGaussian(_ p: RecursivePolynomial<GaussianRational>, _ variables: [Int],
                             generators: [Expr]) -> Polynomial {
        from(p, variables, generators: generators) { $0 }
    }
}
