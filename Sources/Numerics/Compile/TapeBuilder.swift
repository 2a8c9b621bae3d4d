import ArbitraryPrecision

/// A real operand while lowering: an exact constant (folded at compile time) or a register.
enum RealOperand: Hashable {
    case constant(BigRational)
    case register(Int32)

    static let zero = RealOperand.constant(BigRational(0))
    static let one = RealOperand.constant(BigRational(1))

    var constantValue: BigRational? {
        if case .constant(let q) = self { return q }
        return nil
    }
    var isZero: Bool { constantValue?.isZero ?? false }
}

/// Emits real SSA instructions with constant folding, a few algebraic peepholes
/// (x·1, x+0, x + (−y) → x − y, −(−x) → x) and value numbering, so that an operation
/// on the same registers is emitted once however many times lowering asks for it.
/// Registers are numbered in one build-time space and renumbered by `finish`.
struct TapeBuilder {
    enum Origin: Hashable { case input(Int), constant(TapeConstant), result(Int) }

    private(set) var origins: [Origin] = []
    private(set) var instructions: [TapeInstruction] = []
    private var valueNumbers: [TapeInstruction: Int32] = [:]
    private var constantRegisters: [TapeConstant: Int32] = [:]
    /// r ↦ x for every register r = −x.
    private var negationOf: [Int32: Int32] = [:]
    let inputCount: Int

    init(inputCount: Int) {
        self.inputCount = inputCount
        for i in 0..<inputCount { origins.append(.input(i)) }
    }

    func input(_ i: Int) -> RealOperand { .register(Int32(i)) }

    mutating func register(for c: TapeConstant) -> Int32 {
        if let r = constantRegisters[c] { return r }
        let r = Int32(origins.count)
        origins.append(.constant(c))
        constantRegisters[c] = r
        return r
    }

    mutating func materialize(_ x: RealOperand) -> Int32 {
        switch x {
        case .register(let r): return r
        case .constant(let q): return register(for: .rational(q))
        }
    }

    /// Emits (or finds) `op(a, b)` and returns the register of its first result.
    mutating func emit(_ op: TapeOp, _ a: RealOperand, _ b: RealOperand = .zero) -> Int32 {
        var ra = materialize(a)
        var rb = op.isBinary ? materialize(b) : 0
        if op.isCommutative && rb < ra { swap(&ra, &rb) }
        let key = TapeInstruction(op: op, a: ra, b: rb, dest: -1)
        if let r = valueNumbers[key] { return r }
        let dest = Int32(origins.count)
        for _ in 0..<op.resultCount { origins.append(.result(instructions.count)) }
        instructions.append(TapeInstruction(op: op, a: ra, b: rb, dest: dest))
        valueNumbers[key] = dest
        if op == .neg { negationOf[dest] = ra }
        return dest
    }

    private func negated(_ x: RealOperand) -> Int32? {
        if case .register(let r) = x { return negationOf[r] }
        return nil
    }

    // MARK: Arithmetic with folding

    mutating func add(_ a: RealOperand, _ b: RealOperand) -> RealOperand {
        if let p = a.constantValue, let q = b.constantValue { return .constant(p + q) }
        if a.isZero { return b }
        if b.isZero { return a }
        if let y = negated(b) { return sub(a, .register(y)) }
        if let x = negated(a) { return sub(b, .register(x)) }
        if let q = b.constantValue, q.signum < 0 { return sub(a, .constant(-q)) }
        if let p = a.constantValue, p.signum < 0 { return sub(b, .constant(-p)) }
        return .register(emit(.add, a, b))
    }

    mutating func sub(_ a: RealOperand, _ b: RealOperand) -> RealOperand {
        if let p = a.constantValue, let q = b.constantValue { return .constant(p - q) }
        if b.isZero { return a }
        if a.isZero { return neg(b) }
        if a == b { return .zero }
        if let y = negated(b) { return add(a, .register(y)) }
        if let x = negated(a) { return neg(add(.register(x), b)) }
        return .register(emit(.sub, a, b))
    }

    mutating func neg(_ a: RealOperand) -> RealOperand {
        if let p = a.constantValue { return .constant(-p) }
        if let x = negated(a) { return .register(x) }
        return .register(emit(.neg, a))
    }

    mutating func mul(_ a: RealOperand, _ b: RealOperand) -> RealOperand {
        if let p = a.constantValue, let q = b.constantValue { return .constant(p * q) }
        if a.isZero || b.isZero { return .zero }
        if a == .one { return b }
        if b == .one { return a }
        if a.constantValue == BigRational(-1) { return neg(b) }
        if b.constantValue == BigRational(-1) { return neg(a) }
        // Pull signs out so that −x·y and x·(−y) are one product.
        if let x = negated(a) { return neg(mul(.register(x), b)) }
        if let y = negated(b) { return neg(mul(a, .register(y))) }
        if let q = a.constantValue, q.signum < 0 { return neg(mul(.constant(-q), b)) }
        if let q = b.constantValue, q.signum < 0 { return neg(mul(a, .constant(-q))) }
        return .register(emit(.mul, a, b))
    }

    mutating func div(_ a: RealOperand, _ b: RealOperand) -> RealOperand {
        if let p = a.constantValue, let q = b.constantValue, !q.isZero { return .constant(p / q) }
        if a.isZero { return .zero }
        if b == .one { return a }
        if let q = b.constantValue, !q.isZero { return mul(a, .constant(q.reciprocal)) }
        if let x = negated(a) { return neg(div(.register(x), b)) }
        return .register(emit(.div, a, b))
    }

    mutating func unary(_ op: TapeOp, _ a: RealOperand) -> RealOperand {
        if let q = a.constantValue, let v = Self.exactValue(op, q) { return .constant(v) }
        return .register(emit(op, a))
    }

    /// op(q) when it is rational: the values at 0 (and √1, log 1) that complex lowering
    /// produces for real or imaginary arguments, and the piecewise functions.
    static func exactValue(_ op: TapeOp, _ q: BigRational) -> BigRational? {
        let zero = BigRational(0), one = BigRational(1)
        switch op {
        case .abs: return q.signum < 0 ? -q : q
        case .sign: return BigRational(q.signum)
        case .theta: return q.signum > 0 ? one : q.signum < 0 ? zero : BigRational(BigInt(1), BigInt(2))
        case .isZero: return q.isZero ? one : zero
        case .exp, .cos, .cosh: return q.isZero ? one : nil
        case .sin, .sinh, .tan, .tanh, .atan: return q.isZero ? zero : nil
        case .sqrt: return q.isZero || q == one ? q : nil
        case .log: return q == one ? zero : nil
        default: return nil
        }
    }

    mutating func binary(_ op: TapeOp, _ a: RealOperand, _ b: RealOperand) -> RealOperand {
        .register(emit(op, a, b))
    }

    // MARK: Finishing

    /// Drops instructions no output depends on and numbers registers as `Tape` documents.
    func finish(outputs: [(re: RealOperand, im: RealOperand)]) -> Tape {
        var builder = self
        let out = outputs.map { (builder.materialize($0.re), builder.materialize($0.im)) }
        return builder.compact(out)
    }

    private func compact(_ out: [(Int32, Int32)]) -> Tape {
        var live = [Bool](repeating: false, count: origins.count)
        for (r, i) in out { live[Int(r)] = true; live[Int(i)] = true }
        var liveInstruction = [Bool](repeating: false, count: instructions.count)
        for k in stride(from: instructions.count - 1, through: 0, by: -1) {
            let ins = instructions[k]
            let d = Int(ins.dest)
            guard live[d] || (ins.op.resultCount == 2 && live[d + 1]) else { continue }
            liveInstruction[k] = true
            live[Int(ins.a)] = true
            if ins.op.isBinary { live[Int(ins.b)] = true }
        }
        var newIndex = [Int32](repeating: -1, count: origins.count)
        for i in 0..<inputCount { newIndex[i] = Int32(i) }
        var constants: [TapeConstant] = []
        for (r, o) in origins.enumerated() {
            if case .constant(let c) = o, live[r] {
                newIndex[r] = Int32(inputCount + constants.count)
                constants.append(c)
            }
        }
        var next = Int32(inputCount + constants.count)
        var kept: [TapeInstruction] = []
        for (k, ins) in instructions.enumerated() where liveInstruction[k] {
            for j in 0..<ins.op.resultCount { newIndex[Int(ins.dest) + j] = next + Int32(j) }
            kept.append(TapeInstruction(op: ins.op, a: newIndex[Int(ins.a)],
                                        b: ins.op.isBinary ? newIndex[Int(ins.b)] : 0, dest: next))
            next += Int32(ins.op.resultCount)
        }
        return Tape(inputCount: inputCount, constants: constants, instructions: kept,
                    registerCount: Int(next),
                    outputs: out.map { (newIndex[Int($0.0)], newIndex[Int($0.1)]) })
    }
}
