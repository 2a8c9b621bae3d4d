import Algebra
import Symbolic

/// The classical saddle point read as mean-field equations, for the comparison of the two
/// routes. A mean-field variable ⟨w⟩ is the classical value of its word w: a boson a is
/// ψ_cl/√2 (ψ_± = ⟨a⟩ on the classical solution), a spin operator its Schwinger bilinear
/// (S^- = ᾱβ, S^+ = β̄α, S^z = (|β|² − |α|²)/2, each field ψ_cl/√2), a product of operators the
/// product of their values. Its time derivative follows from the drift by the chain rule; the
/// result is written back in the mean-field variables — the Schwinger fields of each term
/// paired into β̄β = N/2 + S^z, ᾱα = N/2 − S^z, ᾱβ = S^-, β̄α = S^+, which is exact since the
/// boson number α†α + β†β = N is conserved — and made intensive in N at leading order, as the
/// mean field is (⟨a⟩ = √N⟨a⟩_int, ⟨S⟩ = N⟨S⟩_int).
public enum MeanFieldCorrespondence {
    /// d⟨w⟩/dt by the Keldysh route, for every equation of `meanField`, keyed by its variable.
    public static func equations(_ saddle: ClassicalSaddlePoint, meanField: MeanFieldSystem, system: OpenSystem,
                                 options: MeanFieldOptions) throws -> [Expr: Expr] {
        let reader = try LetterValues(saddle.action, system: system, options: options)
        var out: [Expr: Expr] = [:]
        for e in meanField.equations {
            let (value, power) = try reader.value(of: e.operatorWord)
            let rate = reader.timeDerivative(value, saddle)
            var rhs = try reader.meanFieldVariables(rate) / reader.scale(power)
            if let n = options.systemSize { rhs = try rhs.leadingOrder(in: n) }
            out[e.variable] = rhs.expand()
        }
        return out
    }
}

/// The classical values of operators and their translation back to mean-field variables.
struct LetterValues {
    let action: Action
    let system: OpenSystem
    let options: MeanFieldOptions
    private var pairs: [String: SchwingerPair] = [:]

    init(_ action: Action, system: OpenSystem, options: MeanFieldOptions) throws {
        self.action = action
        self.system = system
        self.options = options
        for p in action.spins { pairs[p.ensemble] = p }
    }

    func cl(_ f: Field, barred: Bool = false) -> Expr { f.component(.classical, barred: barred).expr }

    /// N^p, the scaling of a word with `power` = p (½ per boson, 1 per spin operator).
    func scale(_ power: Expr) -> Expr { options.systemSize.map { Expr.pow($0, power) } ?? .one }

    /// The classical value of a word and its power of N.
    func value(of word: Expr) throws -> (Expr, Expr) {
        var value = Expr.one, power = Expr.zero
        for factor in word.kind == .mul ? Array(word.children) : [word] {
            let (base, exponent) = factor.asPower
            guard let n = exponent.intValue, n > 0, let info = system.algebra.info(base) else {
                throw FieldTheoryError.unsupported("the mean-field word \(word)")
            }
            let (v, p) = try letter(base, info)
            value = value * Expr.pow(v, Expr.integer(n))
            power = power + p * Expr.integer(n)
        }
        return (value, power)
    }

    private func letter(_ op: Expr, _ info: OperatorAlgebra.OperatorInfo) throws -> (Expr, Expr) {
        let r = Expr.sqrt(2) / 2
        switch info.kind {
        case .boson:
            guard let f = action.field(named: info.modeName) else { throw FieldTheoryError.unsupported("no field for \(op)") }
            return (r * cl(f, barred: !info.isLowering), Expr.half)
        case .spinEnsemble:
            guard let pair = pairs[info.modeName], let e = system.algebra.spinEnsembles.first(where: { $0.name == info.modeName })
            else { throw FieldTheoryError.unsupported("no Schwinger bosons for \(op)") }
            let (a, b) = (pair.down, pair.up)
            let half = Expr.half
            if op == e.ensemble.plus { return (half * cl(b, barred: true) * cl(a), .one) }
            if op == e.ensemble.minus { return (half * cl(a, barred: true) * cl(b), .one) }
            return (half * half * (cl(b, barred: true) * cl(b) - cl(a, barred: true) * cl(a)), .one)
        case .fermion:
            throw FieldTheoryError.unsupported("a fermionic mean-field variable (\(op))")
        }
    }

    /// d/dt of a function of the classical components: Σ ∂/∂ψ_cl · ψ̇_cl + ∂/∂ψ̄_cl · ψ̄̇_cl.
    func timeDerivative(_ value: Expr, _ saddle: ClassicalSaddlePoint) -> Expr {
        var terms: [Expr] = []
        for f in action.fields {
            guard let drift = saddle.drift[f] else { continue }
            terms.append(value.derivative(f.component(.classical).symbol) * drift)
            terms.append(value.derivative(f.component(.classical, barred: true).symbol) * barred(drift))
        }
        return distribute(Expr.add(terms))
    }

    /// The conjugate of an expression in classical components: conj of the parameters, each
    /// component exchanged with its bar (they are independent symbols).
    func barred(_ e: Expr) -> Expr {
        var swap: [Expr: Expr] = [:]
        for f in action.fields {
            swap[Expr.conjugate(cl(f))] = cl(f, barred: true)
            swap[Expr.conjugate(cl(f, barred: true))] = cl(f)
        }
        return Expr.conjugate(e).substitute(swap)
    }

    /// Every term written in the mean-field variables (extensive values N^p⟨…⟩_int).
    func meanFieldVariables(_ e: Expr) throws -> Expr {
        var boson: [Expr: Expr] = [:]
        for op in system.algebra.loweringOperators {
            guard let info = system.algebra.info(op), case .boson = info.kind, let f = action.field(named: info.modeName) else {
                continue
            }
            let v = try system.expectation(op, options: options)
            boson[cl(f)] = Expr.sqrt(2) * v
            boson[cl(f, barred: true)] = Expr.sqrt(2) * Expr.conjugate(v)
        }
        var out: [Expr] = []
        for term in (e.kind == .add ? Array(e.children) : [e]) {
            out.append(try spinTerm(term.substitute(boson)))
        }
        return Expr.add(out)
    }

    /// One term with its Schwinger fields paired into bilinears of the same ensemble.
    private func spinTerm(_ term: Expr) throws -> Expr {
        var rest: [Expr] = []
        var counts: [Expr: Int] = [:]
        for factor in term.kind == .mul ? Array(term.children) : [term] {
            let (base, exponent) = factor.asPower
            if let n = exponent.intValue, n > 0, action.spins.contains(where: { [cl($0.up), cl($0.up, barred: true),
                                                                                 cl($0.down), cl($0.down, barred: true)].contains(base) }) {
                counts[base, default: 0] += n
            } else {
                rest.append(factor)
            }
        }
        var value = Expr.mul(rest)
        for pair in action.spins {
            guard let e = system.algebra.spinEnsembles.first(where: { $0.name == pair.ensemble }) else { continue }
            let n = pair.size
            let sPlus = try system.expectation(e.ensemble.plus, options: options)
            let sMinus = try system.expectation(e.ensemble.minus, options: options)
            let sz = try system.expectation(e.ensemble.z, options: options)
            var (ab, a, bb, b) = (counts[cl(pair.down, barred: true)] ?? 0, counts[cl(pair.down)] ?? 0,
                                  counts[cl(pair.up, barred: true)] ?? 0, counts[cl(pair.up)] ?? 0)
            guard ab + bb == a + b else {
                throw FieldTheoryError.inconsistent("the term \(term) is not invariant under the Schwinger gauge of \(pair.ensemble)")
            }
            // In classical components (√2 × the fields): β̄β = N + 2S^z, ᾱα = N − 2S^z, ᾱβ = 2S^-, β̄α = 2S^+.
            let same = [(min(bb, b), n + 2 * sz), (min(ab, a), n - 2 * sz)]
            bb -= same[0].0; b -= same[0].0; ab -= same[1].0; a -= same[1].0
            for (k, v) in same where k > 0 { value = value * Expr.pow(v, Expr.integer(k)) }
            if ab > 0 { value = value * Expr.pow(2 * sMinus, Expr.integer(ab)) }   // ᾱ with β
            if bb > 0 { value = value * Expr.pow(2 * sPlus, Expr.integer(bb)) }    // β̄ with α
        }
        return value
    }
}
