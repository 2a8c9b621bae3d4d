import FieldTheory
import Symbolic

/// What a model file says about its Keldysh derivation (Appendix A of paper 000): the baths
/// integrated out, the Nambu spinors, and the condensate ansatz — the frame rotating with each
/// field and the static classical value it sets.
///
/// ```
/// bath kappa F_Psi on psi                  # (G⁻¹)^{R/A} ± iκ, (G⁻¹)^K 2iκF_Ψ(ω)
/// spinor phi = b, a                        # φ = [b, a]ᵀ
/// frame psi: muS, b: muS/2, a: -muS/2      # ψ(t) = ψ e^{−iμ_S t}, b, a gauge-shifted
/// background psi = sqrt(2) psi_f           # ψ_cl = √2 ψ_f, ψ_q = 0
/// ```
public struct KeldyshStatements: Sendable {
    public struct Bath: Sendable {
        public let mode: String
        public let rate: Expr
        /// F(ω), the distribution function applied to the frequency.
        public let distribution: Expr
    }

    public var baths: [Bath] = []
    public var spinors: [(name: String, modes: [String])] = []
    public var frame: [String: Expr] = [:]
    public var background: (mode: String, classical: Expr)?
    /// `selfenergy SPINOR [sign asA23|dyson] [convolution convolution|asA59]`: continue the
    /// derivation past G₀ (A21–A59, B6, B15).
    public var selfEnergy: (spinor: String, sign: SelfEnergySign, reading: ConvolutionReading)?
    /// `distribution F = EXPR` (EXPR in ω): the formulas of the baths' distributions and of
    /// the functions they are built from, in file order. The derivation keeps F by name; the
    /// numbers (and ∂/∂h of the saddle point) need the formulas.
    public var distributions: [FunctionDefinition] = []

    /// Whether the model asks for any of it.
    public var isEmpty: Bool {
        baths.isEmpty && spinors.isEmpty && frame.isEmpty && background == nil && selfEnergy == nil && distributions.isEmpty
    }

    /// With parameters set (a `where` restriction): rates, frame and background.
    func substituting(_ values: [Symbol: Expr]) -> KeldyshStatements {
        var out = self
        out.baths = baths.map { Bath(mode: $0.mode, rate: $0.rate.substitute(values), distribution: $0.distribution.substitute(values)) }
        out.frame = frame.mapValues { $0.substitute(values) }
        out.background = background.map { ($0.mode, $0.classical.substitute(values)) }
        out.distributions = distributions.map { FunctionDefinition($0.function, variable: $0.variable, body: $0.body.substitute(values)) }
        return out
    }
}

extension ModelScope {
    /// The frequency of kernels and Green's functions, `ω` (also written `omega`).
    mutating func declareFrequency() {
        let omega = Action.omega
        if context.symbol(named: omega.name) == nil {
            context.declare(omega)
            context.declare(omega, as: "omega")
        }
    }
}

extension ModelReader {
    /// `bath RATE DIST on MODE`: DIST becomes a real function of ω (the bath's distribution).
    mutating func bath(_ rest: Fragment) throws(ModelError) {
        guard let on = rest.find(" on ") else { throw rest.error("expected `bath RATE DIST on MODE`", at: rest.end) }
        let head = rest.sub(rest.start, on).trimmed, mode = rest.sub(on + 4, rest.end).trimmed
        let words = head.split(" ").filter { !$0.isEmpty }
        guard words.count >= 2, let distName = words.last, distName.isName else {
            throw head.error("expected `bath RATE DIST on MODE` (RATE an expression, DIST the name of its distribution function)")
        }
        let rateText = head.sub(head.start, distName.start).trimmed
        let rate = try scope.expression(rateText)
        if rate.isZero { throw rateText.error("the rate of a bath is zero") }
        guard let op = scope.operators[mode.text], let info = scope.algebra.info(op), info.modeName == mode.text else {
            throw mode.error("'\(mode.text)' is not a boson or fermion mode of the model")
        }
        if case .spinEnsemble = info.kind { throw mode.error("a bath couples to a boson or fermion mode, not the spin ensemble \(mode.text)") }
        scope.declareFrequency()
        let dist: Symbol
        if let s = scope.context.symbol(named: distName.text), s.info.isFunction {
            dist = s
        } else {
            try scope.claim(distName.text, at: distName)
            dist = scope.context.declareFunction(distName.text, .real)
        }
        if keldysh.baths.contains(where: { $0.mode == mode.text }) { throw mode.error("the mode \(mode.text) has a bath already") }
        keldysh.baths.append(.init(mode: mode.text, rate: rate, distribution: Expr.apply(dist, [.symbol(Action.omega)])))
    }

    /// `distribution F = EXPR`: the formula of F(ω) in the parameters (ω written `omega` or `ω`).
    /// F is a bath's distribution or a new real function that a later formula may apply
    /// (`distribution n_B = …` then `distribution F_Psi = 1 + 2 n_B(omega)`).
    mutating func distribution(_ rest: Fragment) throws(ModelError) {
        guard let eq = rest.find("=") else { throw rest.error("expected `distribution F = EXPR` (EXPR in omega)", at: rest.end) }
        let name = rest.sub(rest.start, eq).trimmed
        guard name.isName else { throw name.error("expected the name of a function, as in `distribution F_b = tanh((omega - muB)/(2 TF))`") }
        scope.declareFrequency()
        let f: Symbol
        if let s = scope.context.symbol(named: name.text) {
            guard s.info.isFunction else { throw name.error("'\(name.text)' is declared already and is not a function") }
            f = s
        } else {
            try scope.claim(name.text, at: name)
            f = scope.context.declareFunction(name.text, .real)
        }
        if keldysh.distributions.contains(where: { $0.function == f }) { throw name.error("the formula of \(name.text) is given twice") }
        let bodyText = rest.sub(eq + 1, rest.end)
        let body = try scope.expression(bodyText)
        if !body.isCommuting || body.flags.contains(.noncommuting) {
            throw bodyText.trimmed.error("a distribution is a function of the frequency, not of operators")
        }
        if body.applies(f) { throw bodyText.trimmed.error("\(name.text) is defined in terms of itself") }
        keldysh.distributions.append(FunctionDefinition(f, variable: Action.omega, body: body))
    }

    /// `spinor NAME = m1, m2`: the order of the Nambu components of a fermion sector.
    mutating func spinor(_ rest: Fragment) throws(ModelError) {
        guard let eq = rest.find("=") else { throw rest.error("expected `spinor NAME = b, a`", at: rest.end) }
        let name = rest.sub(rest.start, eq).trimmed
        guard name.isName else { throw name.error("expected the spinor's name") }
        var modes: [String] = []
        for m in try rest.sub(eq + 1, rest.end).trimmed.nameList() {
            guard let op = scope.operators[m.text], scope.algebra.info(op)?.modeName == m.text else {
                throw m.error("'\(m.text)' is not a mode of the model")
            }
            modes.append(m.text)
        }
        try scope.claim(name.text, at: name)
        keldysh.spinors.append((name.text, modes))
    }

    /// `frame m1: RATE, m2: RATE`: each field rotating at its rate, F(t) = F′ e^{−i RATE t}.
    mutating func frame(_ rest: Fragment) throws(ModelError) {
        if !keldysh.frame.isEmpty { throw rest.error("the frame is given twice") }
        for item in rest.split(",") {
            let (mode, rate) = item.splitColon()
            guard let rate, scope.operators[mode.text] != nil else { throw item.error("expected `MODE: RATE`") }
            if keldysh.frame[mode.text] != nil { throw mode.error("the mode \(mode.text) is given twice in the frame") }
            keldysh.frame[mode.text] = try scope.expression(rate)
        }
    }

    /// `background MODE = VALUE`: the classical component of a boson fixed (quantum 0).
    mutating func background(_ rest: Fragment) throws(ModelError) {
        guard keldysh.background == nil else { throw rest.error("the background is given twice") }
        guard let eq = rest.find("=") else { throw rest.error("expected `background MODE = VALUE`", at: rest.end) }
        let mode = rest.sub(rest.start, eq).trimmed
        guard let op = scope.operators[mode.text], case .boson? = scope.algebra.info(op)?.kind else {
            throw mode.error("'\(mode.text)' is not a boson mode of the model")
        }
        keldysh.background = (mode.text, try scope.expression(rest.sub(eq + 1, rest.end)))
    }

    /// `selfenergy SPINOR [sign asA23|dyson] [convolution convolution|asA59]`: the derivation goes
    /// on from G₀ of the spinor through paper 000 A21–A59 and B6, B15 (`SelfEnergyChain`): the
    /// background's boson is split and integrated out, the quartic term decoupled, Σ read with
    /// the named sign (A23's, the default, or B2's Dyson sign) and taken to frequency with the
    /// named reading of A53's ∘ (a convolution, the default, or A59 as printed). Needs the
    /// `background` (the boson to split) before it.
    mutating func selfEnergy(_ rest: Fragment) throws(ModelError) {
        if keldysh.selfEnergy != nil { throw rest.error("the self-energy is given twice") }
        let words = rest.split(" ").filter { !$0.isEmpty }
        guard let name = words.first else {
            throw rest.error("expected `selfenergy SPINOR [sign asA23|dyson] [convolution convolution|asA59]`", at: rest.end)
        }
        guard let spinor = keldysh.spinors.first(where: { $0.name == name.text }) else {
            throw name.error("'\(name.text)' is not a spinor of the model (a `spinor` statement before this one)")
        }
        guard spinor.modes.count == 2 else { throw name.error("the self-energy needs a spinor of two fermions (paper 000: phi = b, a)") }
        guard keldysh.background != nil else { throw rest.error("the self-energy needs a `background` statement before it (the boson to integrate out)") }
        var sign = SelfEnergySign.asA23, reading = ConvolutionReading.convolution
        var k = 1
        while k < words.count {
            let key = words[k]
            guard k + 1 < words.count else { throw key.error("expected a value after '\(key.text)'") }
            let value = words[k + 1]
            switch key.text {
            case "sign":
                guard let s = SelfEnergySign(rawValue: value.text) else {
                    throw value.error("unknown sign '\(value.text)' (expected asA23: S ⊃ +φ̄Σφ, or dyson: G⁻¹ = G₀⁻¹ − Σ)")
                }
                sign = s
            case "convolution":
                guard let r = ConvolutionReading(rawValue: value.text) else {
                    throw value.error("unknown reading '\(value.text)' (expected convolution: f(ν)g(ω − ν), or asA59: f(ν)g(ν − ω))")
                }
                reading = r
            default: throw key.error("expected `sign asA23|dyson` or `convolution convolution|asA59`")
            }
            k += 2
        }
        keldysh.selfEnergy = (spinor.name, sign, reading)
    }
}
