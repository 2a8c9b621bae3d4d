import Analysis
import Algebra
import Symbolic

/// Reads the statements of a model file in order (a name must be declared before it is
/// used) and builds the `OpenSystem` at the end.
struct ModelReader {
    let source: ModelSource
    var scope = ModelScope()
    var systemSize: Expr?
    var hamiltonian: (Expr, Fragment)?
    /// H read into the algebra's canonical words (nil when reading it failed): the site check,
    /// the Hermiticity check and the OpenSystem share this one reading.
    var hamiltonianReading: ReadHamiltonian?
    var dissipators: [(Dissipator, Fragment)] = []
    var meanField: Fragment?
    var steady: Fragment?
    var variables: Fragment?
    var gilbert: [GilbertStatement] = []
    var phaseNames = PhaseNames()
    var keldysh = KeldyshStatements()

    init(source: ModelSource) { self.source = source }

    static let keywords = ["parameters", "parameter", "boson", "bosons", "fermion", "fermions", "spins", "spin",
                           "define", "latex", "H", "dissipator", "gilbert", "meanfield", "steady", "variables", "phase", "bath", "spinor",
                           "frame", "background", "selfenergy"]

    mutating func read() throws(ModelError) -> Model {
        for s in source.statements {
            let (word, rest) = s.whole.splitWord()
            switch word.text {
            case "parameters", "parameter": try parameters(rest)
            case "boson", "bosons": try modes(rest, fermion: false)
            case "fermion", "fermions": try modes(rest, fermion: true)
            case "spins", "spin": try spins(rest, single: word.text == "spin")
            case "define": try define(rest)
            case "size": try size(rest)
            case "latex": try latex(rest)
            case "H": try hamiltonian(rest, keyword: word)
            case "dissipator": try dissipator(rest, keyword: word)
            case "gilbert": try gilbert(rest, statement: s.whole)
            case "phase": try phase(rest)
            case "bath": try bath(rest)
            case "distribution": try distribution(rest)
            case "spinor": try spinor(rest)
            case "frame": try frame(rest)
            case "background": try background(rest)
            case "selfenergy": try selfEnergy(rest)
            case "meanfield": try once(&meanField, rest, word)
            case "steady": try once(&steady, rest, word)
            case "variables": try once(&variables, rest, word)
            default:
                if word.text.hasPrefix("H=") { try hamiltonian(s.whole.sub(word.start + 1, s.whole.end), keyword: word); continue }
                throw word.error("unknown statement '\(word.text)' (expected one of: "
                                 + Self.keywords.filter { !["parameter", "bosons", "fermions", "spin"].contains($0) }
                                     .joined(separator: ", ") + ")")
            }
        }
        guard let (h, hFragment) = hamiltonian else {
            let end = source.statements.last.map { $0.error(at: $0.source.count, "") }
            throw ModelError(file: source.file, line: end?.line ?? 1, column: 1,
                             message: "the model has no Hamiltonian (a line `H = …`)")
        }
        let system: OpenSystem
        do {
            system = try OpenSystem(hamiltonian: try hamiltonianReading ?? scope.algebra.readHamiltonian(h),
                                    dissipators: dissipators.map(\.0))
        } catch {
            throw hFragment.error(wrapping: error)
        }
        var ops: [Expr]?
        if let m = meanField { ops = try operatorList(m) }
        var model = Model(file: source.file, system: system, systemSize: systemSize, meanFieldOperators: ops,
                          steady: steady, variables: variables, gilbert: gilbert, phaseNames: phaseNames, keldysh: keldysh, scope: scope)
        model.origins = (hFragment, dissipators.map(\.1))
        return model
    }

    private func once(_ slot: inout Fragment?, _ rest: Fragment, _ word: Fragment) throws(ModelError) {
        if slot != nil { throw word.error("'\(word.text)' is given twice") }
        if rest.isEmpty { throw rest.error("'\(word.text)' needs a list") }
        slot = rest
    }

    /// `name, name' : word word` (words: real, positive, nonnegative, integer, complex;
    /// real when none is given).
    private mutating func parameters(_ rest: Fragment) throws(ModelError) {
        try scope.declareParameters(rest)
    }

    private mutating func modes(_ rest: Fragment, fermion: Bool) throws(ModelError) {
        for n in try rest.nameList() {
            try scope.claim(n.text, at: n)
            if fermion {
                let c = scope.algebra.fermion(n.text)
                try scope.operatorName(n.text + "†", c.creation, site: false, at: n)
                try scope.operatorName(n.text, c.annihilation, site: false, at: n, claimed: true)
            } else {
                let b = scope.algebra.boson(n.text)
                try scope.operatorName(n.text + "†", b.creation, site: false, at: n)
                try scope.operatorName(n.text, b.annihilation, site: false, at: n, claimed: true)
            }
        }
    }

    /// N as the system size (a positive parameter, declared here if new); every ensemble and a
    /// `size` statement must name the same N.
    private mutating func declareSize(_ n: Fragment, what: String) throws(ModelError) -> Expr {
        guard n.isName else { throw n.error("the \(what) must be a name such as N") }
        let size: Expr
        if let s = scope.context.symbol(named: n.text) {
            guard s.info.assumptions.contains(.positive), scope.meaning[s] == nil else {
                throw n.error("the \(what) '\(n.text)' must be a positive parameter")
            }
            size = .symbol(s)
        } else {
            try scope.parameter(n.text, .positive, at: n)
            size = .symbol(scope.context.symbol(named: n.text)!)
        }
        if let m = systemSize, m != size {
            throw n.error("all ensembles (and `size`) must have the same size (\(m) was declared before)")
        }
        systemSize = size
        return size
    }

    /// `size N`: the system size of a model without spin ensembles (bosons only), so that its
    /// mean-field variables are intensive (⟨a⟩/√N) and terms suppressed by powers of 1/N are
    /// dropped, as `spins S : N spin-1/2` does for a model with an ensemble.
    private mutating func size(_ rest: Fragment) throws(ModelError) {
        let words = rest.words()
        guard words.count == 1 else { throw rest.error("expected `size N` (one name)", at: rest.end) }
        _ = try declareSize(words[0], what: "system size")
    }

    /// `spins S, T : N spin-1/2` (ensembles of N spin-1/2) or `spin s : spin-1/2` (one spin).
    private mutating func spins(_ rest: Fragment, single: Bool) throws(ModelError) {
        let (names, spec) = rest.splitColon()
        guard let spec, !spec.isEmpty else {
            throw rest.error(single ? "expected `spin NAME : spin-1/2`" : "expected `spins NAMES : N spin-1/2`", at: rest.end)
        }
        let words = spec.words()
        guard let kind = words.last, kind.text == "spin-1/2" else {
            throw (words.last ?? spec).error("only spin-1/2 ensembles are supported (write `spin-1/2`)")
        }
        var size: Expr = .one
        if single {
            if words.count != 1 { throw words[0].error("a single spin has no size: write `spin NAME : spin-1/2`") }
        } else {
            guard words.count == 2 else {
                throw spec.error("expected the ensemble size and `spin-1/2`, e.g. `N spin-1/2`")
            }
            size = try declareSize(words[0], what: "ensemble size")
        }
        for n in try names.nameList() {
            try scope.claim(n.text, at: n)
            let e = single ? scope.algebra.spinHalf(n.text)
                : scope.algebra.spinEnsemble(n.text, site: n.text.lowercased(), size: size)
            for (suffix, op, site) in [("+", e.plus, false), ("-", e.minus, false), ("z", e.z, false),
                                       ("+_i", e.sitePlus, true), ("-_i", e.siteMinus, true), ("z_i", e.siteZ, true)] {
                try scope.operatorName(n.text + suffix, op, site: site, at: n)
            }
        }
    }

    private mutating func define(_ rest: Fragment) throws(ModelError) {
        guard let eq = rest.find("=") else { throw rest.error("expected `define NAME = expression`", at: rest.end) }
        let name = rest.sub(rest.start, eq).trimmed
        guard name.isName else { throw name.error("'\(name.text)' is not a name") }
        let value = try scope.expression(rest.sub(eq + 1, rest.end))
        if !value.isCommuting || value.flags.contains(.noncommuting) {
            throw rest.sub(eq + 1, rest.end).trimmed.error("a definition must be a scalar (no operators)")
        }
        try scope.define(name.text, value, at: name)
    }

    /// `latex wc = omega_c, gup = gamma_up`: in LaTeX output the parameter is printed as the
    /// name on the right would be (`\omega_c`, `\gamma_\uparrow`).
    private mutating func latex(_ rest: Fragment) throws(ModelError) {
        for item in rest.split(",") {
            guard let eq = item.find("=") else { throw item.error("expected `parameter = name`", at: item.end) }
            let key = item.sub(item.start, eq).trimmed
            let value = item.sub(eq + 1, item.end).trimmed
            // A `define`d name too: LaTeX output writes its value by the name where it occurs.
            guard let s = scope.context.symbol(named: key.text), !s.info.isFunction,
                  s.info.commutation == .commuting, scope.meaning[s] == nil || scope.definitions.contains(where: { $0.name == key.text }) else {
                throw key.error("'\(key.text)' is not a declared parameter or definition")
            }
            if value.isEmpty || value.containsSpace {
                throw value.error("expected one name such as omega_c or gamma_up")
            }
            scope.latexNames[s] = value.text
        }
    }

    private mutating func hamiltonian(_ rest: Fragment, keyword: Fragment) throws(ModelError) {
        if hamiltonian != nil { throw keyword.error("the Hamiltonian is given twice") }
        let r = rest.trimmed
        guard r.starts(with: "=") else { throw r.error("expected `H = …`") }
        let body = r.sub(r.start + 1, r.end).trimmed
        try noExpectations(body)
        let h = try scope.expression(body)
        hamiltonianReading = try? scope.algebra.readHamiltonian(h)
        if hamiltonianReading?.containsSiteOperators ?? false, let k = scope.position(of: scope.siteOperators, in: body) {
            throw body.error("per-site operators are not allowed in H (write the collective operators S+, S-, Sz)", at: k)
        }
        try checkHermitian(h, body)
        hamiltonian = (h, body)
    }

    /// ⟨…⟩ belongs to equations, not to the model's operators or rates.
    private func noExpectations(_ f: Fragment) throws(ModelError) {
        if let (range, _) = try scope.expectationBrackets(f).first {
            throw f.error("expectation values ⟨…⟩ are not allowed here (write operators)", at: range.lowerBound)
        }
    }

    private func checkHermitian(_ h: Expr, _ body: Fragment) throws(ModelError) {
        let half: Expr
        do {
            half = try (hamiltonianReading ?? scope.algebra.readHamiltonian(h)).antiHermitianPart()
        } catch {
            throw body.error(wrapping: error)
        }
        if !half.isZero {
            throw body.error("H is not Hermitian: (H − H†)/2 = \(half) (declare parameters real, or add the "
                             + "Hermitian conjugate terms)")
        }
    }

    /// `dissipator RATE D[L]` or `dissipator RATE sum_i D[L_i]` (RATE may be omitted: 1).
    private mutating func dissipator(_ rest: Fragment, keyword: Fragment) throws(ModelError) {
        guard let d = rest.find("D[") else {
            throw rest.error("expected `dissipator RATE D[L]` or `dissipator RATE sum_i D[L_i]`", at: rest.end)
        }
        guard rest.ends(with: "]") else {
            throw rest.error("expected ']' to close 'D[' at the end of the dissipator", at: rest.end)
        }
        var before = rest.sub(rest.start, d).trimmed
        var perSite = false
        if before.text.hasSuffix("sum_i") {
            perSite = true
            before = before.sub(before.start, before.end - 5).trimmed
        }
        let jumpText = rest.sub(d + 2, rest.end - 1).trimmed
        var rate: Expr = .one
        if !before.isEmpty {
            rate = try scope.expression(before)
            if !rate.isCommuting || rate.flags.contains(.noncommuting) {
                throw before.error("the rate of a dissipator must be a scalar (no operators)")
            }
            if rate.isZero { throw before.error("the rate of a dissipator is zero") }
        }
        try noExpectations(before)
        try noExpectations(jumpText)
        let jump = try scope.expression(jumpText)
        if jump.isCommuting && !jump.flags.contains(.noncommuting) {
            throw jumpText.error("the jump operator '\(jumpText.text)' contains no operator")
        }
        let site = scope.algebra.containsSiteOperators(jump)
        if perSite && !site {
            throw jumpText.error("sum_i D[…] needs a per-site jump operator such as T-_i, not '\(jumpText.text)'")
        }
        if !perSite && site {
            let k = scope.position(of: scope.siteOperators, in: jumpText)
            throw jumpText.error("a per-site jump operator needs a site sum: write `sum_i D[\(jumpText.text)]`", at: k)
        }
        if perSite {
            // One ensemble, linear in its σ_i: what OpenSystem can sum back exactly.
            do {
                _ = try OpenSystem(algebra: scope.algebra, hamiltonian: .zero, dissipators: [.perSite(jump, rate: rate)])
            } catch {
                throw jumpText.error(wrapping: error)
            }
        }
        dissipators.append((perSite ? .perSite(jump, rate: rate) : .collective(jump, rate: rate), keyword))
    }

    /// `gilbert ALPHA MODE`: Gilbert damping of the boson MODE (its annihilator, last word
    /// of the statement) with constant ALPHA (the expression before it), Eq. (C1) of 003:
    /// (1 + i ALPHA/2) d<MODE>/dt = the right-hand side without it.
    private mutating func gilbert(_ rest: Fragment, statement: Fragment) throws(ModelError) {
        let usage = "expected `gilbert ALPHA MODE`, e.g. `gilbert kappa a` for (1 + i kappa/2) d<a>/dt = …"
        if rest.isEmpty { throw rest.error(usage, at: rest.end) }
        // The mode is the last word at bracket depth 0; ALPHA is everything before it.
        var k = rest.end, depth = 0
        let source = rest.source
        while k > rest.start {
            let c = k - 1
            if source.unit(c, is: ")") || source.unit(c, is: "]") || source.unit(c, is: "⟩") { depth += 1 }
            if (source.unit(c, is: "(") || source.unit(c, is: "[") || source.unit(c, is: "⟨")) && depth > 0 { depth -= 1 }
            if depth == 0 && source.isSpace(c) { break }
            k -= 1
        }
        let modeText = rest.sub(k, rest.end).trimmed
        let alphaText = rest.sub(rest.start, k).trimmed
        if alphaText.isEmpty {
            throw scope.operators[modeText.text] != nil
                ? modeText.error("the Gilbert constant is missing: write `gilbert ALPHA \(modeText.text)`")
                : rest.error(usage)
        }
        try noExpectations(alphaText)
        let alpha = try scope.expression(alphaText)
        if !alpha.isCommuting || alpha.flags.contains(.noncommuting) {
            throw alphaText.error("the Gilbert constant must be a scalar (no operators)")
        }
        if alpha.isZero { throw alphaText.error("the Gilbert constant is zero") }
        let name = modeText.text
        guard let op = scope.operators[name] else {
            if !Fragment.isName(name) {
                throw modeText.error("expected a boson mode after the Gilbert constant (its annihilation operator, "
                                     + "e.g. `gilbert kappa a`), not '\(name)'")
            }
            if scope.declared[name] != nil {
                throw modeText.error("'\(name)' is not a boson mode (Gilbert damping acts on a mode declared with `boson`)")
            }
            throw modeText.error("unknown mode '\(name)' (declare it with `boson \(name)`)")
        }
        guard let info = scope.algebra.info(op) else {
            throw modeText.error("'\(name)' is not a boson mode")
        }
        switch info.kind {
        case .boson: break
        case .fermion:
            throw modeText.error("'\(name)' is a fermion mode; Gilbert damping acts on a boson mode")
        case .spinEnsemble:
            throw modeText.error("Gilbert damping of the spin operator '\(name)' is not supported (the Landau–Lifshitz–"
                                 + "Gilbert drag of a spin also changes d<Sz>/dt); write the magnon mode as a boson")
        }
        let mode = info.bosonMode!
        let annihilator = mode.annihilation
        if !info.isLowering {
            let a = scope.operators.first { $0.value == annihilator }?.key ?? "\(annihilator)"
            throw modeText.error("write the mode's annihilation operator: `gilbert \(alphaText.text) \(a)` "
                                 + "(the equation of <\(name)> follows by conjugation)")
        }
        if let first = gilbert.first(where: { $0.mode == mode }) {
            let at = first.statement.error("")
            throw modeText.error("Gilbert damping of '\(name)' is already given (at \(at.line):\(at.column))")
        }
        gilbert.append(GilbertStatement(mode: mode, constant: alpha, statement: statement))
    }

    /// A comma-separated list of operator words.
    private func operatorList(_ f: Fragment) throws(ModelError) -> [Expr] {
        var out: [Expr] = []
        for item in f.split(",") {
            if item.isEmpty { throw item.error("expected an operator in the list") }
            let e = try scope.expression(item)
            if e.isCommuting && !e.flags.contains(.noncommuting) {
                throw item.error("'\(item.text)' is not an operator")
            }
            out.append(e)
        }
        return out
    }

    /// `phase CLASS = NAME: description` — what the model calls a dynamical phase (`dynamics`,
    /// `scan --dynamics`): `phase ordered = SR: stationary, ⟨S^x⟩ ≠ 0`.
    private mutating func phase(_ rest: Fragment) throws(ModelError) {
        guard let eq = rest.find("=") else {
            throw rest.error("expected `phase CLASS = NAME: description` (CLASS: "
                             + DynamicalPhase.allCases.map(\.rawValue).joined(separator: ", ") + ")", at: rest.end)
        }
        let classText = rest.sub(rest.start, eq).trimmed
        guard let p = DynamicalPhase(rawValue: classText.text) else {
            throw classText.error("unknown phase class '\(classText.text)' (expected "
                                  + DynamicalPhase.allCases.map(\.rawValue).joined(separator: ", ") + ")")
        }
        if phaseNames.names[p] != nil { throw classText.error("the phase '\(p.rawValue)' is named twice") }
        let (name, description) = rest.sub(eq + 1, rest.end).trimmed.splitColon()
        guard !name.isEmpty, !name.text.contains(","), !name.containsSpace else {
            throw name.error("expected a phase name without spaces or commas (it is a CSV field), then `: description`")
        }
        phaseNames.names[p] = name.text
        if let d = description, !d.isEmpty { phaseNames.labels[p] = d.text }
    }
}
