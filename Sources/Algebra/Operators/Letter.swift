import ArbitraryPrecision

/// What an operator letter does within its group.
enum Role: UInt8, Sendable, Hashable {
    case create, annihilate
    /// Collective S^+, S^z, S^-.
    case plus, z, minus
    /// Per-site σ_i^+, σ_i^z, σ_i^- of the representative site i.
    case sitePlus, siteZ, siteMinus

    var isSite: Bool { self == .sitePlus || self == .siteZ || self == .siteMinus }

    /// The collective role of a per-site role (and the identity on collective roles).
    var collective: Role {
        switch self {
        case .sitePlus: return .plus
        case .siteZ: return .z
        case .siteMinus: return .minus
        default: return self
        }
    }

    var site: Role {
        switch self {
        case .plus: return .sitePlus
        case .z: return .siteZ
        case .minus: return .siteMinus
        default: return self
        }
    }

    /// The role of the adjoint operator: a ↔ a†, S^+ ↔ S^-, S^z self-adjoint.
    var adjoint: Role {
        switch self {
        case .create: return .annihilate
        case .annihilate: return .create
        case .plus: return .minus
        case .minus: return .plus
        case .sitePlus: return .siteMinus
        case .siteMinus: return .sitePlus
        case .z, .siteZ: return self
        }
    }

    /// Position within a group's normal order: a† before a; S^+, S^z, S^- (then σ_i^+, σ_i^z, σ_i^-).
    var rank: Int {
        switch self {
        case .create: return 0
        case .annihilate: return 1
        case .plus: return 0
        case .z: return 1
        case .minus: return 2
        case .sitePlus: return 3
        case .siteZ: return 4
        case .siteMinus: return 5
        }
    }

    /// Preference when choosing which of ⟨w⟩ and ⟨w†⟩ is the variable (the other is its
    /// conjugate): annihilators and lowering operators first, as in the paper's ⟨a⟩, ⟨S^-⟩.
    var preference: Int {
        switch self {
        case .annihilate, .minus, .siteMinus: return 0
        case .z, .siteZ: return 1
        case .create, .plus, .sitePlus: return 2
        }
    }
}

/// One operator of the algebra: its group (mode or ensemble) and role.
struct Letter: Hashable, Sendable {
    var group: Int
    var role: Role

    // Words are dictionary keys on every step of a derivation: one combine per letter.
    func hash(into hasher: inout Hasher) { hasher.combine(group &<< 8 | Int(role.rawValue)) }
}

typealias Word = [Letter]

/// Products of spin-1/2 operators in the basis {1, σ^+, σ^z, σ^-} (σ^± = σ^x ± iσ^y, so
/// σ^+ = |↑⟩⟨↓|, σ^z = diag(1/2, −1/2)): σ^+σ^- = 1/2 + σ^z, σ^-σ^+ = 1/2 − σ^z,
/// σ^zσ^± = ±σ^±/2, σ^±σ^z = ∓σ^±/2, (σ^z)² = 1/4, (σ^±)² = 0. Roles are collective
/// (`plus`, `z`, `minus`); nil in the result stands for the identity.
func spinHalfProduct(_ x: Role, _ y: Role) -> [(Role?, GaussianRational)] {
    let half = GaussianRational(BigRational(1, 2))
    let quarter = GaussianRational(BigRational(1, 4))
    let one = GaussianRational(1)
    switch (x.collective, y.collective) {
    case (.plus, .plus), (.minus, .minus): return []
    case (.plus, .z): return [(.plus, -half)]
    case (.plus, .minus): return [(nil, half), (.z, one)]
    case (.z, .plus): return [(.plus, half)]
    case (.z, .z): return [(nil, quarter)]
    case (.z, .minus): return [(.minus, -half)]
    case (.minus, .plus): return [(nil, half), (.z, -one)]
    case (.minus, .z): return [(.minus, half)]
    default: preconditionFailure("spinHalfProduct of non-spin roles")
    }
}
