import Symbolic

/// The operator content of a model: its bosonic modes, spin-1/2 ensembles and fermionic
/// modes, in declaration order.
///
/// Operators are ordinary `Expr` symbols declared `.operator(space:)`; this value knows
/// what each of them means and turns any expression built from them into its canonical
/// form (see `normalOrder`). Example:
///
/// ```swift
/// var algebra = OperatorAlgebra()
/// let a = algebra.boson("a")
/// let S = algebra.spinEnsemble("S", site: "σ", size: .symbol("N", [.positive]))
/// let e = try algebra.commutator(S.plus, S.minus)   // 2 S^z
/// ```
///
/// Spaces: every boson mode and every ensemble has a Hilbert space of its own, so the core
/// lets their operators commute; all fermionic modes share one space, so that the core
/// keeps their relative order and this algebra applies the anticommutation signs.
public struct OperatorAlgebra: Sendable {
    /// One declared group of operators.
    public enum GroupKind: Sendable, Hashable {
        case boson
        case fermion
        /// N spin-1/2 with collective operators; `size` is N. With `single` (N = 1) the
        /// collective operators are themselves spin-1/2 operators and products reduce.
        case spinEnsemble(size: Expr, single: Bool)
    }

    public struct Group: Sendable, Hashable {
        public let name: String
        public let kind: GroupKind
        /// Name of the per-site operators of an ensemble (σ for S = Σ_i σ_i).
        public let siteName: String?
    }

    public private(set) var groups: [Group] = []
    var letterOfSymbol: [Symbol: Letter] = [:]
    var symbolOfLetter: [Letter: Symbol] = [:]
    /// Canonical forms of words under the current declarations (replaced on every declaration).
    private(set) var wordCache = WordCache()

    public init() {}

    /// The space shared by all fermionic modes.
    static let fermionSpace = 0x6665_726d

    /// A bosonic mode with [a, a†] = 1.
    @discardableResult
    public mutating func boson(_ name: String) -> BosonMode {
        let g = declare(Group(name: name, kind: .boson, siteName: nil))
        let space = Self.space(for: "boson:" + name)
        return BosonMode(annihilation: register(name, Letter(group: g, role: .annihilate), space),
                         creation: register(name + "†", Letter(group: g, role: .create), space))
    }

    /// A fermionic mode with {c, c†} = 1, c² = 0, anticommuting with every other fermionic mode.
    @discardableResult
    public mutating func fermion(_ name: String) -> FermionMode {
        let g = declare(Group(name: name, kind: .fermion, siteName: nil))
        return FermionMode(annihilation: register(name, Letter(group: g, role: .annihilate), Self.fermionSpace),
                           creation: register(name + "†", Letter(group: g, role: .create), Self.fermionSpace))
    }

    /// An ensemble of `size` spin-1/2 with collective operators S^α = Σ_i σ_i^α
    /// (σ^± = σ^x ± iσ^y) and per-site operators σ_i^α of one representative site i.
    @discardableResult
    public mutating func spinEnsemble(_ name: String, site: String, size: Expr) -> SpinEnsemble {
        makeSpin(name, site: site, kind: .spinEnsemble(size: size, single: false))
    }

    /// One spin-1/2 (an ensemble of size 1 whose collective operators reduce as σ^α do).
    @discardableResult
    public mutating func spinHalf(_ name: String) -> SpinEnsemble {
        makeSpin(name, site: name + "_site", kind: .spinEnsemble(size: .one, single: true))
    }

    private mutating func makeSpin(_ name: String, site: String, kind: GroupKind) -> SpinEnsemble {
        let g = declare(Group(name: name, kind: kind, siteName: site))
        let space = Self.space(for: "spin:" + name)
        func op(_ n: String, _ r: Role) -> Expr { register(n, Letter(group: g, role: r), space) }
        let size: Expr
        if case .spinEnsemble(let s, _) = kind { size = s } else { size = .one }
        return SpinEnsemble(plus: op(name + "^+", .plus), minus: op(name + "^-", .minus), z: op(name + "^z", .z),
                            sitePlus: op(site + "_i^+", .sitePlus), siteMinus: op(site + "_i^-", .siteMinus),
                            siteZ: op(site + "_i^z", .siteZ), size: size, group: g)
    }

    private mutating func declare(_ group: Group) -> Int {
        precondition(!groups.contains { $0.name == group.name }, "operator group \(group.name) declared twice")
        groups.append(group)
        wordCache = WordCache()
        return groups.count - 1
    }

    private mutating func register(_ name: String, _ letter: Letter, _ space: Int) -> Expr {
        let s = Symbol(name, [], commutation: .operator(space: space))
        precondition(letterOfSymbol[s] == nil, "operator \(name) declared twice")
        letterOfSymbol[s] = letter
        symbolOfLetter[letter] = s
        return Expr.symbol(s)
    }

    /// A deterministic space id from a name (FNV-1a), kept away from the fermion space.
    private static func space(for key: String) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in key.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        let s = Int(truncatingIfNeeded: h >> 2)
        return s == fermionSpace ? s + 1 : s
    }

    func expr(_ letter: Letter) -> Expr { Expr.symbol(symbolOfLetter[letter]!) }

    /// The letter an operator symbol stands for, if it belongs to this algebra.
    func letter(_ s: Symbol) -> Letter? { letterOfSymbol[s] }

    func kind(_ letter: Letter) -> GroupKind { groups[letter.group].kind }
}

/// Handles of a bosonic mode's operators.
public struct BosonMode: Sendable, Hashable {
    /// a
    public let annihilation: Expr
    /// a†
    public let creation: Expr
}

/// Handles of a fermionic mode's operators.
public struct FermionMode: Sendable, Hashable {
    public let annihilation: Expr
    public let creation: Expr
}

/// Handles of a spin-1/2 ensemble's collective and per-site operators.
public struct SpinEnsemble: Sendable, Hashable {
    public let plus: Expr
    public let minus: Expr
    public let z: Expr
    /// σ_i^+, σ_i^-, σ_i^z of one representative site, for per-site dissipators.
    public let sitePlus: Expr
    public let siteMinus: Expr
    public let siteZ: Expr
    /// N, the number of spins.
    public let size: Expr
    let group: Int
}
