// Canonical sums, products, integer powers and sin for the reference-counted nodes, doing
// the same work as Sources/Symbolic/Core/{Add,Mul,Pow,SumContent,Functions}.swift for the
// subset the workloads use. Branches of the core outside that subset (Grassmann and
// operator factors, non-integer exponents, exp) trap instead of being skipped silently.
import Symbolic
import ArbitraryPrecision

extension RC {
    static func add(_ terms: some Sequence<Node>) -> Node {
        var builder = RCSumBuilder()
        for t in terms { builder.add(t) }
        return builder.build()
    }

    static func add(_ a: Node, _ b: Node) -> Node {
        if a.isZero { return b }
        if b.isZero { return a }
        return add([a, b])
    }

    static func addFlags<C: Collection>(_ terms: C) -> NodeFlags where C.Element == Node {
        var all: NodeFlags = [.real, .positive, .nonnegative, .integer, .numeric, .odd]
        var any: NodeFlags = []
        for t in terms {
            all.formIntersection(t.flags)
            any.formUnion(t.flags.intersection([.noncommuting, .hasBound, .hasGrassmann]))
        }
        return all.union(any)
    }

    static func mulFlags<C: Collection>(_ factors: C) -> NodeFlags where C.Element == Node {
        var all: NodeFlags = [.real, .positive, .nonnegative, .integer, .numeric]
        var any: NodeFlags = []
        var oddCount = 0
        for f in factors {
            all.formIntersection(f.flags)
            any.formUnion(f.flags.intersection([.noncommuting, .hasBound, .hasGrassmann]))
            if f.flags.contains(.odd) { oddCount += 1 }
        }
        if oddCount % 2 == 1 { any.insert(.odd) }
        return all.union(any)
    }

    static func scaled(_ term: Node, by c: GaussianRational) -> Node {
        if c.isOne { return term }
        if c.isZero { return zero }
        if term.kind == .add { return mul([number(c), term]) }
        var list: ContiguousArray<Node> = [number(c)]
        if term.kind == .mul { list.append(contentsOf: term.children) } else { list.append(term) }
        return raw(.mul, flags: mulFlags(list), list)
    }

    static func mul(_ factors: some Sequence<Node>) -> Node {
        var state = RCProductState()
        for f in factors { state.feed(f) }
        return state.build()
    }

    static func mul(_ a: Node, _ b: Node) -> Node {
        if a.isOne { return b }
        if b.isOne { return a }
        return mul([a, b])
    }

    static func pow(_ base: Node, _ exponent: Node) -> Node {
        precondition(exponent.kind == .integer, "benchmark subset: integer exponents")
        if exponent.isZero { return one }
        if exponent.isOne { return base }
        if base.isOne { return one }
        if base.isZero {
            if exponent.isPositive { return zero }
            if let q = exponent.rationalValue, q.signum < 0 { return undefined }
            return raw(.pow, flags: powFlags(base, exponent), [base, exponent])
        }
        if let q = base.numberValue, let e = exponent.rationalValue {
            guard let n = e.numerator.asInt, Swift.abs(n) <= 100_000 else { fatalError("benchmark subset") }
            if q.isZero { return n > 0 ? zero : undefined }
            return number(q.power(n))
        }
        let eInteger = exponent.intValue
        switch base.kind {
        case .pow:
            return pow(base.children[0], mul(base.children[1], exponent))
        case .mul where base.isCommuting:
            return mul(base.children.map { pow($0, exponent) })
        case .add:
            let (content, primitive) = sumContent(base)
            if !content.isOne && eInteger != nil {
                return mul(pow(number(content), exponent), pow(primitive, exponent))
            }
        case .function where base.builtin == .exp:
            fatalError("benchmark subset: no exp")
        default:
            break
        }
        precondition(!base.isGrassmannOdd, "benchmark subset: commuting symbols")
        return raw(.pow, flags: powFlags(base, exponent), [base, exponent])
    }

    static func powFlags(_ b: Node, _ e: Node) -> NodeFlags {
        var f: NodeFlags = []
        let eInteger = e.isIntegerValued
        if (b.isReal && eInteger) || (b.isNonnegative && e.isReal) { f.insert(.real) }
        if b.isPositive && e.isReal { f.formUnion([.positive, .nonnegative]) }
        if b.isNonnegative && e.isReal { f.insert(.nonnegative) }
        if b.isReal, let n = e.intValue, n % 2 == 0 { f.insert(.nonnegative) }
        if b.isIntegerValued && e.isNonnegative && eInteger { f.insert(.integer) }
        if b.flags.contains(.numeric) && e.flags.contains(.numeric) { f.insert(.numeric) }
        f.formUnion(b.flags.union(e.flags).intersection([.noncommuting, .hasBound, .hasGrassmann]))
        return f
    }

    static func neg(_ x: Node) -> Node { mul(minusOne, x) }

    static func sin(_ x: Node) -> Node { apply(.builtin(.sin), [x]) }

    /// Application with the rules the core applies to sin at construction (sin 0 = 0, odd symmetry).
    static func apply(_ f: Symbol, _ args: ContiguousArray<Node>) -> Node {
        let info = f.info
        precondition(info.builtin == .sin && args.count == 1, "benchmark subset: sin only")
        let x = args[0]
        let negX = x.hasNegativeCoefficient ? neg(x) : nil
        if x.isZero { return zero }
        if let n = negX { return neg(apply(f, [n])) }
        return rawApply(f, args)
    }

    static func rawApply(_ f: Symbol, _ args: ContiguousArray<Node>) -> Node {
        let info = f.info
        let x = args[0]
        var flags = symbolFlags(info)
        var argFlags: NodeFlags = [.numeric]
        for a in args {
            argFlags.formIntersection(a.flags.union([.hasBound, .hasGrassmann, .noncommuting]))
            flags.formUnion(a.flags.intersection([.hasBound, .hasGrassmann]))
            if a.flags.contains(.noncommuting) { flags.insert(.noncommuting) }
        }
        if x.isReal { flags.insert(.real) }
        if argFlags.contains(.numeric) { flags.insert(.numeric) }
        return raw(.function, value: Int64(f.index), flags: flags, args, valueHash: symbolHash(info))
    }

    /// Numeric content and primitive part of a sum (SumContent.swift).
    static func sumContent(_ e: Node) -> (content: GaussianRational, primitive: Node) {
        precondition(e.kind == .add)
        var numeratorGCD = BigInt(0)
        var denominatorLCM = BigInt(1)
        var allInteger = true
        var leadingTerm: Node? = nil
        var first = GaussianRational(1)
        for t in e.children {
            let (q, monomial) = RC.split(t)
            if leadingTerm == nil || canonicalLess(monomial, leadingTerm!) {
                leadingTerm = monomial
                first = q
            }
            for part in [q.re, q.im] where !part.isZero {
                numeratorGCD = BigInt.gcd(numeratorGCD, part.numerator)
                if !part.denominator.isOne {
                    allInteger = false
                    denominatorLCM = BigInt.lcm(denominatorLCM, part.denominator)
                }
            }
        }
        let leading = first.re.isZero ? first.im : first.re
        let negative = leading.signum < 0
        if allInteger && numeratorGCD.isOne && !negative { return (GaussianRational(1), e) }
        var c = BigRational(numeratorGCD, denominatorLCM)
        if negative { c = -c }
        let content = GaussianRational(c)
        let inverse = GaussianRational(c.reciprocal)
        var builder = RCSumBuilder()
        for t in e.children { builder.add(t, times: inverse) }
        return (content, builder.build())
    }

    /// Rebuild through the canonical constructor of the node's kind (Rebuild.swift).
    static func withChildren(_ e: Node, _ newChildren: ContiguousArray<Node>) -> Node {
        if sameChildren(newChildren, e.children) { return e }
        switch e.kind {
        case .integer, .number, .symbol, .bound: return e
        case .add: return add(newChildren)
        case .mul: return mul(newChildren)
        case .pow: return pow(newChildren[0], newChildren[1])
        case .function: return apply(e.head!, newChildren)
        case .binder: fatalError("benchmark subset: no binders")
        }
    }

    /// Simultaneous substitution, memoised per node (Substitute.swift).
    static func substitute(_ e: Node, _ map: [Node: Node]) -> Node {
        var memo: [Node: Node] = [:]
        return substituteNode(e, map, &memo)
    }

    private static func substituteNode(_ e: Node, _ map: [Node: Node], _ memo: inout [Node: Node]) -> Node {
        if let r = map[e] { return r }
        if e.children.isEmpty { return e }
        if let done = memo[e] { return done }
        var changed = false
        var list = ContiguousArray<Node>()
        list.reserveCapacity(e.children.count)
        for c in e.children {
            let r = substituteNode(c, map, &memo)
            if r !== c { changed = true }
            list.append(r)
        }
        let out = changed ? withChildren(e, list) : e
        memo[e] = out
        return out
    }

    static func dagSize(_ root: Node) -> Int {
        var seen = Set<Node>()
        var stack = [root]
        while let e = stack.popLast() {
            if seen.insert(e).inserted { stack.append(contentsOf: e.children) }
        }
        return seen.count
    }

    static func treeSize(_ e: Node) -> Int { 1 + e.children.reduce(0) { $0 + treeSize($1) } }
}

/// SumBuilder of Add.swift.
struct RCSumBuilder {
    private var constant = GaussianRational.zero
    private var index: [Node: Int] = [:]
    private var terms: [Node] = []
    private var coefficients: [GaussianRational] = []

    mutating func add(_ e: Node) {
        switch e.kind {
        case .integer, .number:
            constant = constant + e.numberValue!
        case .add:
            for c in e.children { add(c) }
        default:
            let (c, t) = RC.split(e)
            collect(t, c)
        }
    }

    mutating func collect(_ term: Node, _ c: GaussianRational) {
        let found: Int?
        if index.isEmpty && terms.count < 16 { found = terms.firstIndex(of: term) } else {
            if index.isEmpty { for (k, t) in terms.enumerated() { index[t] = k } }
            found = index[term]
        }
        if let i = found {
            coefficients[i] = coefficients[i] + c
        } else {
            if !index.isEmpty || terms.count >= 16 { index[term] = terms.count }
            terms.append(term)
            coefficients.append(c)
        }
    }

    mutating func add(_ term: Node, times q: GaussianRational) {
        if q.isZero { return }
        let (c, t) = RC.split(term)
        let product = c * q
        if t.isOne { constant = constant + product } else { collect(t, product) }
    }

    func build() -> Node {
        var out = ContiguousArray<Node>()
        out.reserveCapacity(terms.count + 1)
        for (t, c) in zip(terms, coefficients) where !c.isZero {
            out.append(c.isOne ? t : RC.scaled(t, by: c))
        }
        RC.sortCanonically(&out)
        if !constant.isZero { out.insert(RC.number(constant), at: 0) }
        if out.isEmpty { return RC.zero }
        if out.count == 1 { return out[0] }
        return RC.raw(.add, flags: RC.addFlags(out), out)
    }
}

/// ProductState of Mul.swift, commuting factors only.
struct RCProductState {
    var coefficient = GaussianRational.one
    var baseIndex: [Node: Int] = [:]
    var bases: [Node] = []
    var exponents: [[Node]] = []

    static var linearSearchLimit: Int { 12 }

    @inline(__always) func position(of b: Node) -> Int? {
        if baseIndex.isEmpty { return bases.firstIndex(of: b) }
        return baseIndex[b]
    }

    mutating func feed(_ f: Node) {
        switch f.kind {
        case .integer, .number:
            coefficient = coefficient * f.numberValue!
        case .mul:
            for c in f.children { feed(c) }
        case .add:
            let (content, primitive) = RC.sumContent(f)
            if !content.isOne {
                coefficient = coefficient * content
                feed(primitive)
                return
            }
            fallthrough
        default:
            precondition(!f.flags.contains(.noncommuting) && !f.flags.contains(.odd),
                         "benchmark subset: commuting factors")
            let (b, e) = f.asPower
            if let i = position(of: b) {
                exponents[i].append(e)
            } else {
                if !baseIndex.isEmpty || bases.count == Self.linearSearchLimit {
                    if baseIndex.isEmpty { for (k, x) in bases.enumerated() { baseIndex[x] = k } }
                    baseIndex[b] = bases.count
                }
                bases.append(b)
                exponents.append([e])
            }
        }
    }

    mutating func build() -> Node {
        if coefficient.isZero { return RC.zero }
        var factors = ContiguousArray<Node>()
        var needsAnotherPass = false
        for (b, es) in zip(bases, exponents) {
            let p = es.count == 1 ? (es[0].isOne ? b : RC.pow(b, es[0])) : RC.pow(b, RC.add(es))
            switch p.kind {
            case .integer, .number:
                coefficient = coefficient * p.numberValue!
            case .mul:
                needsAnotherPass = true
                factors.append(p)
            default:
                factors.append(p)
            }
        }
        if coefficient.isZero { return RC.zero }
        if needsAnotherPass {
            return RC.mul([RC.number(coefficient)] + factors)
        }
        RC.sortCanonically(&factors)
        if factors.isEmpty { return RC.number(coefficient) }
        if factors.count == 1 {
            if coefficient.isOne { return factors[0] }
            if factors[0].kind == .add {
                var builder = RCSumBuilder()
                for t in factors[0].children { builder.add(t, times: coefficient) }
                return builder.build()
            }
        }
        if !coefficient.isOne { factors.insert(RC.number(coefficient), at: 0) }
        return RC.raw(.mul, flags: RC.mulFlags(factors), factors)
    }
}
