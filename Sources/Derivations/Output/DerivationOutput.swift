import Algebra
import Analysis
import ArbitraryPrecision
import OutputFormats
import Symbolic

/// Display forms of mean-field variables: conj⟨a⟩ is shown as ⟨a†⟩ (as the paper writes
/// it), and in LaTeX every ⟨w⟩ as `\langle w\rangle`.
struct VariableDisplay {
    var text: [Expr: Expr] = [:]
    var latex: [Expr: Expr] = [:]

    init(_ system: MeanFieldSystem, algebra: OperatorAlgebra, latexNames: [Symbol: String] = [:]) {
        latex = Expr.latexDisplay(latexNames)
        for e in system.equations {
            let v = e.variable
            let word = e.operatorWord
            let adjoint = (try? algebra.adjoint(word)) ?? word
            latex[v] = Expr.symbol(Symbol(Self.latexName(word), v.symbol!.info.assumptions))
            if !v.isReal, adjoint.kind == .symbol || adjoint.kind == .mul {
                let conj = Expr.conjugate(v)
                text[conj] = Expr.symbol(Symbol(Self.textName(adjoint)))
                latex[conj] = Expr.symbol(Symbol(Self.latexName(adjoint)))
            }
        }
    }

    static func factors(_ word: Expr) -> [String] {
        (word.kind == .mul ? Array(word.children) : [word]).compactMap { f -> String? in
            let (b, x) = f.asPower
            guard let s = b.symbol else { return nil }
            let n = x.intValue ?? 1
            return n == 1 ? s.name : s.name + "^\(n)"
        }
    }

    static func textName(_ word: Expr) -> String { "⟨" + factors(word).joined(separator: " ") + "⟩" }

    static func latexName(_ word: Expr) -> String {
        let parts = factors(word).map { $0.replacingDagger() }
        return "\\langle " + parts.joined(separator: " ") + "\\rangle"
    }

    func showText(_ e: Expr) -> String { substitute(e, text).text(context: ParseContext()) }

    func showLatex(_ e: Expr) -> String { substitute(e, latex).latex(options: LatexOptions()) }

    /// A factor 1 + x written with the 1 first, as papers do (1 + iκ/2, not iκ/2 + 1).
    func factor(_ f: Expr, _ show: (Expr) -> String) -> String {
        guard f.kind == .add, f.children.contains(.one) else { return show(f) }
        let rest = f - 1
        let negated = Expr.neg(rest)
        return show(negated).hasPrefix("-") ? "1 + " + show(rest) : "1 - " + show(negated)
    }

    private func substitute(_ e: Expr, _ table: [Expr: Expr]) -> Expr {
        var memo: [Expr: Expr] = [:]
        func walk(_ x: Expr) -> Expr {
            if let r = table[x] { return r }
            if let m = memo[x] { return m }
            let r = x.children.isEmpty ? x : x.mapChildren(walk)
            memo[x] = r
            return r
        }
        return walk(e)
    }
}

/// The lines `derive --symmetric` and `dynamics --symmetric` print: each symmetry found and
/// the variables dropped because of it (named by `name`).
func symmetryReport(_ r: SymmetryReduction, name: (Expr) -> String) -> [String] {
    if r.symmetries.isEmpty {
        return ["symmetry: none found (no phase of the operators keeps H and multiplies every jump operator by a phase): nothing dropped"]
    }
    var out = r.symmetries.map { "symmetry: \($0.description) (H invariant, every jump operator gains at most a phase)" }
    for (k, s) in r.symmetries.enumerated() {
        let names = r.dropped.filter { $0.symmetry == k }.map { name($0.variable) }
        if names.isEmpty { continue }
        out.append("dropped, zero in a state with \(s.kind == .z2 ? "the Z₂" : "the U(1)") symmetry (and kept zero by the dynamics): "
                   + names.joined(separator: ", "))
    }
    return out
}

extension String {
    /// `a†` → `a^\dagger`, `S^+` unchanged.
    func replacingDagger() -> String {
        var out = ""
        for c in self { out += c == "†" ? "^\\dagger" : String(c) }
        return out
    }
}

extension ModelDerivation {
    var display: VariableDisplay {
        VariableDisplay(meanField, algebra: model.system.algebra, latexNames: model.scope.latexNames)
    }

    /// Right-hand sides in LaTeX, collected as papers write them.
    var collected: CollectedLatex {
        let names = model.definitions.compactMap { d -> (name: Expr, value: Expr)? in
            guard let s = model.scope.context.symbol(named: d.name) else { return nil }
            return (.symbol(s), d.value)
        }
        return CollectedLatex(display: display, system: meanField, definitions: names)
    }

    /// The equations (and the stability matrix) in the format asked for.
    public func rendered(_ format: OutputFormat) -> String {
        let d = display
        switch format {
        case .text:
            var lines = [meanField.closure.order == .first
                         ? "# Mean-field equations of \(model.file) (intensive variables)"
                         : "# Second-order cumulant equations of \(model.file)"
                           + (model.systemSize == nil ? "" : " (intensive variables, terms of order 1/N kept)")]
            if !settings.isEmpty { lines.append("# at " + settings.joined(separator: ", ")) }
            for e in meanField.equations {
                if e.lhsFactor.isOne {
                    lines.append("d\(d.showText(e.variable))/dt = \(d.showText(e.rhs))")
                } else {
                    lines.append("(\(d.factor(e.lhsFactor, d.showText))) d\(d.showText(e.variable))/dt = \(d.showText(e.writtenRHS))")
                }
            }
            if !meanField.added.isEmpty {
                lines.append("# added by the closure: " + meanField.added.map { "\($0)" }.joined(separator: ", "))
            }
            lines.append(contentsOf: closureLines(prefix: "# "))
            lines.append(contentsOf: symmetryLines(prefix: "# "))
            if let lin = linearization {
                lines.append("")
                lines.append("# Stability matrix, d/dt δx = A δx with δx = ("
                             + lin.variables.map { "δ" + d.showText($0) }.joined(separator: ", ") + ")")
                for (k, row) in lin.matrix.enumerated() {
                    lines.append("row \(k + 1): " + row.map { d.showText($0) }.joined(separator: " | "))
                }
                lines.append(contentsOf: notes(lin, d))
            }
            if let m = stateMatrix { lines.append(""); lines.append(contentsOf: stateMatrixLines(m, d)) }
            return lines.joined(separator: "\n")
        case .latex:
            var lines = ["\\begin{align}"]
            let c = collected
            let eqs = meanField.equations.map { e in
                e.lhsFactor.isOne
                    ? "\\frac{d}{dt}" + d.showLatex(e.variable) + " &= " + c.latex(e.rhs, own: e.variable)
                    : "\\left(" + d.factor(e.lhsFactor, d.showLatex) + "\\right) \\frac{d}{dt}" + d.showLatex(e.variable)
                        + " &= " + c.latex(e.writtenRHS, own: e.variable)
            }
            lines.append(eqs.joined(separator: " \\\\\n"))
            lines.append("\\end{align}")
            let closure = closureLines(prefix: "% ")
            if closure.count > 1 { lines.append("% closure: " + meanField.closure.latexRule) }
            lines.append(contentsOf: closure.count > 1 ? Array(closure.dropFirst()) : closure)
            lines.append(contentsOf: symmetryLines(prefix: "% "))
            if let lin = linearization {
                lines.append("\\begin{equation}")
                lines.append("A = " + lin.stabilityMatrix.latex(entry: { d.showLatex($0) }))
                lines.append("\\end{equation}")
                lines.append("% δx = (" + lin.variables.map { d.showLatex($0) }.joined(separator: ", ") + ")")
            }
            if let m = stateMatrix {
                lines.append("% at steady state \(m.state.index) of `keldysh steady` (\(settings.joined(separator: ", "))); entries enclosed over its proven box, digits proven")
                lines.append("\\begin{equation}")
                lines.append("A = \\begin{pmatrix}" + m.entries.map { $0.map { Self.complexText((Self.latexNumber($0.re), Self.latexNumber($0.im)), imaginaryUnit: "i") }.joined(separator: " & ") }
                    .joined(separator: " \\\\ ") + "\\end{pmatrix}")
                lines.append("\\end{equation}")
                lines.append("% δx = (" + m.variables.map { d.showLatex($0) }.joined(separator: ", ") + ")")
            }
            return lines.joined(separator: "\n")
        case .json:
            var fields: [(String, JSONValue)] = [("model", .string(model.file))]
            fields.append(("equations", .array(meanField.equations.map { e in
                .object([("operator", .string("\(e.operatorWord)")), ("variable", .string(d.showText(e.variable))),
                         ("rhs", .string(d.showText(e.rhs))), ("latex", .string(collected.latex(e.rhs, own: e.variable))),
                         ("lhsFactor", .string(d.factor(e.lhsFactor, d.showText)))])
            })))
            fields.append(("addedByClosure", .array(meanField.added.map { .string("\($0)") })))
            let c = meanField.closure
            fields.append(("closure", .object([
                ("order", .int(c.order == .first ? 1 : 2)), ("name", .string(c.name)), ("rule", .string(c.rule)),
                ("factorised", .array(c.factorised.map { .string(VariableDisplay.textName($0)) })),
                ("productVariables", .array(c.productVariables.map { .string(VariableDisplay.textName($0)) })),
            ])))
            if let r = meanField.symmetry {
                fields.append(("symmetry", .object([
                    ("symmetries", .array(r.symmetries.map { .string($0.description) })),
                    ("dropped", .array(r.dropped.map {
                        .object([("variable", .string(d.showText($0.variable))), ("symmetry", .string(r.symmetries[$0.symmetry].description))])
                    })),
                ])))
            }
            if let lin = linearization {
                fields.append(("linearization", .object([
                    ("variables", .array(lin.variables.map { .string(d.showText($0)) })),
                    ("matrix", .array(lin.matrix.map { .array($0.map { .string(d.showText($0)) }) })),
                    ("latex", .string(lin.stabilityMatrix.latex(entry: { d.showLatex($0) }))),
                    ("residuals", .array(lin.residuals.map { .string(d.showText($0)) })),
                    ("omittedCouplings", .array(lin.omittedCouplings.map {
                        .object([("row", .string(d.showText($0.row))), ("column", .string(d.showText($0.column))),
                                 ("value", .string(d.showText($0.value)))])
                    })),
                ])))
            }
            if !settings.isEmpty { fields.append(("settings", .array(settings.map { .string($0) }))) }
            if let m = stateMatrix {
                fields.append(("steadyState", .object([
                    ("index", .int(m.state.index)),
                    ("components", .array(m.state.components.map { .object([("name", .string($0.name)), ("value", .string($0.value))]) })),
                    ("radius", .string(BigFloat(m.state.radius, precision: 64).toString(digits: 3))),
                    ("variables", .array(m.variables.map { .string(d.showText($0)) })),
                    ("matrix", .array(m.entries.map { .array($0.map { .object([("re", .string($0.re)), ("im", .string($0.im))]) }) })),
                    ("omittedCouplings", .array(m.omitted.map {
                        .object([("row", .string(d.showText($0.row))), ("column", .string(d.showText($0.column))),
                                 ("re", .string($0.value.re)), ("im", .string($0.value.im))])
                    })),
                ])))
            }
            return JSONValue.object(fields).pretty()
        }
    }

    /// The closure as comment lines: the rule and the products it replaced, and a warning for
    /// a named product at first order (issue 16: never a silently factorised equation).
    private func closureLines(prefix: String) -> [String] {
        let c = meanField.closure
        if c.factorised.isEmpty && c.productVariables.isEmpty {
            return [prefix + "closure: none needed, no product of operators to factorise: the equations are exact"]
        }
        var out = [prefix + "closure: " + c.name + ", " + c.rule]
        out.append(prefix + "factorised: " + c.factorised.map { VariableDisplay.textName($0) }.joined(separator: ", "))
        for p in c.productVariables {
            let name = VariableDisplay.textName(p)
            out.append(prefix + "note: \(name) is a product of operators; at first order every product on a right-hand side "
                       + "is factorised, so d\(name)/dt is not an equation for a correlation (use --cumulant-order 2)")
        }
        return out
    }

    /// With --symmetric: the symmetries found and the variables dropped because of them.
    private func symmetryLines(prefix: String) -> [String] {
        guard let r = meanField.symmetry else { return [] }
        let d = display
        return symmetryReport(r, name: { d.showText($0) }).map { prefix + $0 }
    }

    /// `derive --about N`: the state and the matrix at it, every digit proven.
    private func stateMatrixLines(_ m: StateStabilityMatrix, _ d: VariableDisplay) -> [String] {
        var out = ["# Stability matrix at steady state \(m.state.index) of `keldysh steady` ("
                   + m.state.components.map { "\($0.name) = \($0.value)" }.joined(separator: ", ") + ")",
                   "# every entry encloses the exact state's: ball arithmetic over the state's proven box (half-width "
                   + BigFloat(m.state.radius, precision: 64).toString(digits: 3) + "); only proven digits are shown",
                   "# d/dt δx = A δx with δx = (" + m.variables.map { "δ" + d.showText($0) }.joined(separator: ", ") + ")"]
        for (k, row) in m.entries.enumerated() {
            out.append("row \(k + 1): " + row.map { Self.complexText($0, imaginaryUnit: "I") }.joined(separator: " | "))
        }
        for c in m.omitted {
            out.append("# note: row \(d.showText(c.row)) couples to \(d.showText(c.column)) (left out of δx) with "
                       + Self.complexText(c.value, imaginaryUnit: "I") + ": the block is not closed")
        }
        return out
    }

    /// A printed decimal or fraction as LaTeX: 1.5e-3 → 1.5\times 10^{-3}, -7/10 → -\tfrac{7}{10}, 0 ± 2e-16 → 0 \pm 2\times 10^{-16}.
    static func latexNumber(_ s: String) -> String {
        if let pm = s.range(of: " ± ") { return latexNumber(String(s[..<pm.lowerBound])) + " \\pm " + latexNumber(String(s[pm.upperBound...])) }
        if let slash = s.firstIndex(of: "/") {
            let num = s[..<slash], sign = num.hasPrefix("-") ? "-" : ""
            return sign + "\\tfrac{\(num.drop { $0 == "-" })}{\(s[s.index(after: slash)...])}"
        }
        guard let e = s.firstIndex(of: "e") else { return s }
        let exponent = s[s.index(after: e)...]
        return exponent == "0" ? String(s[..<e]) : "\(s[..<e])\\times 10^{\(exponent)}"
    }

    /// re + im·i from two decimals ("0" dropped, the sign of im carried over).
    static func complexText(_ z: (re: String, im: String), imaginaryUnit: String) -> String {
        if z.im == "0" { return z.re }
        let im = z.im.hasPrefix("-") ? String(z.im.dropFirst()) : z.im
        let imaginary = im == "1" ? imaginaryUnit
            : (im.contains(" ") ? "(\(im))" : im) + (imaginaryUnit == "I" ? "*I" : "\\," + imaginaryUnit)
        if z.re == "0" { return (z.im.hasPrefix("-") ? "-" : "") + imaginary }
        return z.re + (z.im.hasPrefix("-") ? " - " : " + ") + imaginary
    }

    private func notes(_ lin: Linearization, _ d: VariableDisplay) -> [String] {
        var out: [String] = []
        for (v, r) in zip(lin.variables, lin.residuals) where !r.isZero {
            out.append("# note: the point is not stationary: d\(d.showText(v))/dt = \(d.showText(r)) there")
        }
        for c in lin.omittedCouplings {
            out.append("# note: row \(d.showText(c.row)) couples to \(d.showText(c.column)) (left out of δx) with \(d.showText(c.value))")
        }
        return out
    }
}

extension MeanFieldEquation {
    /// The right-hand side of the equation as written, lhsFactor · d⟨O⟩/dt = lhsFactor · rhs
    /// (for a Gilbert-damped boson the right-hand side of Eq. C1, without the division).
    var writtenRHS: Expr { distribute(lhsFactor * rhs) }
}
