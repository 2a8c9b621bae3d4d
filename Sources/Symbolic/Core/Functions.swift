import ArbitraryPrecision

/// Function application and the simplification rules of builtin functions that hold
/// for every value (exp(log x) = x, conj x = x for real x, δ_{ii} = 1, odd and even
/// symmetry). Rules that need a choice (expanding exp of a sum, say) are rewriters.
extension Expr {
    public static func apply(_ f: Symbol, _ args: [Expr]) -> Expr {
        let info = f.info
        if args.contains(where: \.isUndefinedValue) { return .undefined }
        if let b = info.builtin, let simplified = simplifyBuiltin(b, args) { return simplified }
        return rawApply(f, args)
    }

    /// Parity of an application: conj and `derivative` keep their argument's (the bar of an odd
    /// value is odd); any other function of an odd or mixed argument is mixed (f(ψ) = f(0) +
    /// f'(0)ψ); otherwise the function symbol's own (ψ(t) is odd for ψ declared Grassmann).
    static func rawApply(_ f: Symbol, _ args: [Expr]) -> Expr {
        let info = f.info
        var flags = symbolFlags(info)
        var argFlags: NodeFlags = [.numeric]
        var argParity: NodeFlags = []
        for a in args {
            argFlags.formIntersection(a.flags.union([.hasBound, .hasGrassmann, .noncommuting]))
            flags.formUnion(a.flags.intersection([.hasBound, .hasGrassmann]))
            argParity.formUnion(a.flags.intersection(.parity))
            if a.flags.contains(.noncommuting) { flags.insert(.noncommuting) }
        }
        if let b = info.builtin {
            flags.formUnion(builtinFlags(b, args))
            if argFlags.contains(.numeric) { flags.insert(.numeric) }
            if b == .conj || b == .derivative { argParity = [] }
        }
        if !argParity.isEmpty {
            flags.subtract(.odd)
            flags.insert(.mixed)
        }
        return raw(.function, value: Int64(f.index), flags: flags, args,
                   valueHash: symbolHash(info))
    }

    private static func builtinFlags(_ b: Builtin, _ args: [Expr]) -> NodeFlags {
        let x = args.first ?? .zero
        switch b {
        case .exp: return x.isReal ? [.real, .positive, .nonnegative] : []
        case .log: return x.isPositive ? [.real] : []
        case .sin, .cos, .tan, .tanh, .sinh, .atan: return x.isReal ? [.real] : []
        case .cosh: return x.isReal ? [.real, .positive, .nonnegative] : []
        case .re, .im, .sign: return [.real]
        case .abs: return [.real, .nonnegative]
        case .conj: return x.flags.intersection([.real, .positive, .nonnegative, .integer, .odd, .mixed])
        case .theta: return [.real, .nonnegative]
        case .delta: return [.real, .nonnegative]
        case .kdelta: return [.real, .nonnegative, .integer]
        // A derivative of a Grassmann-odd or operator-valued function keeps that character.
        case .derivative: return x.flags.intersection([.odd, .mixed, .noncommuting])
        }
    }

    /// Whether a term reads with a leading minus sign (−x, −2·x·y), for odd/even symmetry.
    var hasNegativeCoefficient: Bool {
        if let q = rationalValue { return q.signum < 0 }
        if kind == .mul, let q = children[0].rationalValue { return q.signum < 0 }
        return false
    }

    private static func simplifyBuiltin(_ b: Builtin, _ args: [Expr]) -> Expr? {
        if b == .kdelta {
            guard args.count == 2 else { return nil }
            let (i, j) = (args[0], args[1])
            if i == j { return .one }
            if i.isNumber && j.isNumber { return .zero }
            if Expr.canonicalLess(j, i) { return rawApply(.builtin(.kdelta), [j, i]) }
            return nil
        }
        guard args.count == 1 else { return nil }
        let x = args[0]
        if x.isGrassmannOdd, let r = oddArgument(b, x) { return r }
        let negX = x.hasNegativeCoefficient ? neg(x) : nil
        switch b {
        case .exp:
            if x.isZero { return .one }
            if x.builtin == .log { return x.children[0] }
        case .log:
            if x.isOne { return .zero }
            if x.builtin == .exp && x.children[0].isReal { return x.children[0] }
        case .sin, .tan, .sinh, .tanh, .atan:
            if x.isZero { return .zero }
            if let n = negX { return neg(apply(.builtin(b), [n])) }
        case .cos, .cosh:
            if x.isZero { return .one }
            if let n = negX { return apply(.builtin(b), [n]) }
        case .conj:
            return conjugate(x)
        case .re:
            if x.isReal { return x }
            if let q = x.numberValue { return number(q.re) }
            if x.kind == .add { return add(x.children.map { apply(.builtin(.re), [$0]) }) }
        case .im:
            if x.isReal { return .zero }
            if let q = x.numberValue { return number(q.im) }
            if x.kind == .add { return add(x.children.map { apply(.builtin(.im), [$0]) }) }
        case .abs:
            if let q = x.numberValue {
                if q.isReal { return number(q.re.signum < 0 ? -q.re : q.re) }
                return pow(number(q.norm), .half)
            }
            if x.isNonnegative { return x }
            if let n = negX { return apply(.builtin(.abs), [n]) }
            if x.kind == .mul && x.isCommuting { return mul(x.children.map { apply(.builtin(.abs), [$0]) }) }
            if x.builtin == .abs { return x }
        case .sign:
            if let q = x.rationalValue { return integer(q.signum) }
            if x.isPositive { return .one }
        case .theta:
            if let q = x.rationalValue, q.signum != 0 { return q.signum > 0 ? .one : .zero }
            if x.isPositive { return .one }
        case .delta:
            if let q = x.numberValue, !q.isZero { return .zero }
            if x.isPositive { return .zero }
            if let n = negX { return apply(.builtin(.delta), [n]) }
        case .kdelta, .derivative:
            return nil
        }
        return nil
    }

    /// f(x) for an odd x, where the Taylor series stops after the linear term (x² = 0):
    /// exp(x) = 1 + x, sin x = sinh x = tan x = tanh x = atan x = x, cos x = cosh x = 1.
    /// These hold for every odd value, so they are applied at construction.
    private static func oddArgument(_ b: Builtin, _ x: Expr) -> Expr? {
        switch b {
        case .exp: return add(.one, x)
        case .sin, .sinh, .tan, .tanh, .atan: return x
        case .cos, .cosh: return .one
        default: return nil
        }
    }

    /// Complex conjugation pushed down to atoms, so conj appears only on symbols and
    /// user functions that are not declared real.
    ///
    /// On Grassmann values conjugation is the bar: it keeps parity (the bar of an odd value is
    /// odd) and acts factor by factor *without* reversing the order, conj(ψχ) = conj(ψ)conj(χ)
    /// (an antilinear automorphism; the alternative convention reverses products). The Keldysh
    /// layer treats conj(ψ) as the independent generator ψ̄, as the Wirtinger derivative does.
    public static func conjugate(_ x: Expr) -> Expr {
        if x.isReal { return x }
        switch x.kind {
        case .integer, .number:
            return number(x.numberValue!.conjugate)
        case .add:
            return add(x.children.map(conjugate))
        case .mul where !x.flags.contains(.noncommuting):
            return mul(x.children.map(conjugate))
        case .pow where x.children[1].isReal && x.isCommuting:
            let (b, e) = (x.children[0], x.children[1])
            if e.isIntegerValued || b.isNonnegative { return pow(conjugate(b), e) }
        case .function:
            switch x.builtin {
            case .conj: return x.children[0]
            case .exp, .sin, .cos, .sinh, .cosh, .tanh, .tan:
                return apply(x.head!, [conjugate(x.children[0])])
            default: break
            }
        default:
            break
        }
        return rawApply(.builtin(.conj), [x])
    }

    public static func neg(_ x: Expr) -> Expr { mul(.minusOne, x) }
}

// MARK: - Named builtins

extension Expr {
    public static func exp(_ x: Expr) -> Expr { apply(.builtin(.exp), [x]) }
    public static func log(_ x: Expr) -> Expr { apply(.builtin(.log), [x]) }
    public static func sin(_ x: Expr) -> Expr { apply(.builtin(.sin), [x]) }
    public static func cos(_ x: Expr) -> Expr { apply(.builtin(.cos), [x]) }
    public static func tan(_ x: Expr) -> Expr { apply(.builtin(.tan), [x]) }
    public static func sinh(_ x: Expr) -> Expr { apply(.builtin(.sinh), [x]) }
    public static func cosh(_ x: Expr) -> Expr { apply(.builtin(.cosh), [x]) }
    public static func tanh(_ x: Expr) -> Expr { apply(.builtin(.tanh), [x]) }
    public static func atan(_ x: Expr) -> Expr { apply(.builtin(.atan), [x]) }
    public static func sqrt(_ x: Expr) -> Expr { pow(x, .half) }
    public static func conj(_ x: Expr) -> Expr { apply(.builtin(.conj), [x]) }
    public static func re(_ x: Expr) -> Expr { apply(.builtin(.re), [x]) }
    public static func im(_ x: Expr) -> Expr { apply(.builtin(.im), [x]) }
    public static func abs(_ x: Expr) -> Expr { apply(.builtin(.abs), [x]) }
    public static func sign(_ x: Expr) -> Expr { apply(.builtin(.sign), [x]) }
    public static func theta(_ x: Expr) -> Expr { apply(.builtin(.theta), [x]) }
    public static func diracDelta(_ x: Expr) -> Expr { apply(.builtin(.delta), [x]) }
    public static func kroneckerDelta(_ i: Expr, _ j: Expr) -> Expr { apply(.builtin(.kdelta), [i, j]) }
}
