import KeldyshNumerics
import Symbolic

/// How a factor of one of Σ's fractions depends on the outer frequency ω (input 0 of the
/// compiled coefficients), decided symbolically, so it holds at every point: the structure the
/// Double translation plans (`ClosedFormConvolution+TranslationPlans`) and the ball
/// continuation off the axis (`BallSelfEnergy`) both rest on.
public enum FactorMotion: Sendable, Equatable {
    /// Free of ω.
    case fixed
    /// A translate f(ν − ω) of the factor at ω = 0: its roots move rigidly, z(ω) = z(0) + ω.
    case translate
    /// Anything else.
    case other

    /// Whether output k of `f` depends on ω.
    static func moves(_ k: Int, in f: CompiledFunction) -> Bool {
        guard let frequency = f.parameters.first, k < f.expressions.count else { return true }
        return f.expressions[k].freeSymbols.contains(frequency)
    }

    /// The motion of the factor whose coefficients (lowest degree first) are `range` of `f`.
    /// f(ν; ω) = f(ν − ω; 0) exactly when ∂f/∂ω + ∂f/∂ν = 0, coefficient by coefficient:
    /// c_j′(ω) + (j + 1)c_{j+1}(ω) = 0.
    static func of(_ range: Range<Int>, in f: CompiledFunction) -> FactorMotion {
        if !range.contains(where: { moves($0, in: f) }) { return .fixed }
        guard let frequency = f.parameters.first, range.upperBound <= f.expressions.count else { return .other }
        let c = range.map { f.expressions[$0] }
        for j in c.indices {
            var e = c[j].derivative(frequency)
            if j + 1 < c.count { e = e + Expr.integer(j + 1) * c[j + 1] }
            guard e.expand() == .zero else { return .other }
        }
        return .translate
    }

    /// Whether a piece's poles are all fixed or move rigidly with ω: its tanh free of ω, every
    /// factor simple, of degree ≤ 2, and fixed or a translate of degree ≥ 1.
    static func translatable(_ piece: CondensationProblem.Piece, in f: CompiledFunction) -> Bool {
        if let t = piece.tanh, moves(t.slope, in: f) || moves(t.offset, in: f) { return false }
        return piece.denominator.allSatisfy { d in
            let motion = of(d.range, in: f)
            return d.exponent == 1 && d.range.count <= 3 && (motion == .fixed || (motion == .translate && d.range.count > 1))
        }
    }
}

extension CondensationProblem {
    /// `FactorMotion.translatable` for one of Σ's pieces.
    public func isTranslatable(_ piece: Piece) -> Bool { FactorMotion.translatable(piece, in: sigma) }
}
