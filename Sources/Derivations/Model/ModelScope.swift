import Algebra
import Symbolic

/// The names a model declares and what each stands for, and the parsing of expression
/// text in those names.
///
/// Expressions are read by the core's `parseExpr`. Names that contain operator characters
/// (`S+`, `T-_i`) are declared in its `ParseContext`, whose lexer then reads them whole;
/// an operator name is declared as a spelling of its algebra operator, so parsing builds
/// the operator itself. A defined name is a placeholder symbol replaced by its value after
/// parsing (parsing the value in its place could group a product differently). Expectation
/// values are written `<X>` or `⟨X⟩` with X an operator expression; they become the Algebra
/// layer's mean-field variables (intensive: ⟨a⟩ stands for ⟨a⟩/√N, ⟨S^z⟩ for ⟨S^z⟩/N),
/// `<a†>` being conj⟨a⟩.
struct ModelScope {
    var context = ParseContext(allowUndeclared: false)
    /// Placeholder symbol → meaning (definitions).
    var meaning: [Symbol: Expr] = [:]
    /// Model operator name → algebra operator (`S+` → S^+).
    var operators: [String: Expr] = [:]
    /// Model operator names that are per-site operators (`T+_i`).
    var siteOperators: Set<String> = []
    /// Every declared name, with where it was declared (to report duplicates).
    var declared: [String: ModelError] = [:]
    /// Defined names in definition order (`define gt = gup + gdown`).
    var definitions: [(name: String, value: Expr)] = []
    var algebra = OperatorAlgebra()
    /// How parameters are typeset (`latex wc = omega_c`): the name the LaTeX printer reads.
    var latexNames: [Symbol: String] = [:]

    init() {
        // A model declares a few dozen names; growing the tables one doubling at a time
        // rehashed every name several times.
        context.reserveCapacity(64)
        operators.reserveCapacity(64)
        declared.reserveCapacity(64)
    }

    private static let reserved: Set<String> = ["i", "I", "pi", "π", "D", "sum_i"]

    /// Records a new name; a name already declared is an error at `at`.
    mutating func claim(_ name: String, at fragment: Fragment) throws(ModelError) {
        // One hash for the lookup and the insertion; after an error the scope is discarded.
        if let previous = declared.updateValue(fragment.error(""), forKey: name) {
            throw fragment.error("'\(name)' is already declared (at \(previous.line):\(previous.column))")
        }
        if Self.reserved.contains(name) {
            throw fragment.error("'\(name)' is reserved (i is the imaginary unit, D[·] a dissipator, sum_i a site sum)")
        }
    }

    mutating func parameter(_ name: String, _ assumptions: Assumptions, at fragment: Fragment) throws(ModelError) {
        try claim(name, at: fragment)
        context.declare(name, assumptions)
    }

    mutating func operatorName(_ name: String, _ op: Expr, site: Bool, at fragment: Fragment,
                               claimed: Bool = false) throws(ModelError) {
        if !claimed { try claim(name, at: fragment) }
        context.declare(op.symbol!, as: name)
        operators[name] = op
        if site { siteOperators.insert(name) }
    }

    mutating func define(_ name: String, _ value: Expr, at fragment: Fragment) throws(ModelError) {
        try claim(name, at: fragment)
        // A name for a symbol keeps its assumptions while the text is parsed: a binder over it
        // (`integral(…, nu, -oo, oo)` with `nu` a step's real variable) binds a variable like it.
        let placeholder = value.kind == .symbol ? Symbol(name, value.symbol!.info.assumptions) : Symbol(name)
        context.declare(placeholder)
        context.note(placeholder)
        meaning[placeholder] = value
        definitions.append((name, value))
    }

    /// The expression in `fragment`, in the algebra's operators and the model's parameters.
    func expression(_ fragment: Fragment) throws(ModelError) -> Expr {
        let f = fragment.trimmed
        if f.isEmpty { throw f.error("expected an expression") }
        // A lone operator name (the items of `meanfield`, `steady` and `variables` lists)
        // means its operator: no need to run the parser to find that out.
        // Operator names hold no space (and no Character equivalent to one): a fragment
        // with a space, such as H, skips building its string for the lookup.
        if !f.source.units[f.start..<f.end].contains(32), let op = operators[f.text] { return op }
        var ctx = context
        var brackets: [Symbol: Expr] = [:]
        for (range, inner) in try expectationBrackets(f) {
            let name = f.source.string(range)
            let placeholder = Symbol(name)
            if brackets[placeholder] != nil { continue }
            let op = try expression(inner)
            brackets[placeholder] = try expectation(op, at: inner)
            ctx.declare(placeholder)
        }
        let parsed: Expr, usesDefinition: Bool
        do throws(ParseError) {
            (parsed, usesDefinition) = try parseExprNoting(parseSource(f), context: ctx)
        } catch {
            // The fragment holds no line breaks, so the column is the offset + 1.
            throw f.error(message(error), at: f.start + error.column - 1)
        }
        // Replacing rebuilds every node: only when a placeholder was used.
        if brackets.isEmpty && !usesDefinition { return parsed }
        var values = meaning
        for (k, v) in brackets { values[k] = v }
        return parsed.substitute(values)
    }

    /// The text the parser reads for a fragment: the statement's own Characters, unless the
    /// fragment spans a junction of lines where reading it as one string could join two
    /// Characters into one (see `Statement.junctions`).
    private func parseSource(_ f: Fragment) -> SourceText {
        if f.statement.junctions.contains(where: { $0 >= f.start && $0 < f.end }) { return SourceText(f.text) }
        return f.source.slice(f.start..<f.end)
    }

    private func message(_ e: ParseError) -> String {
        if e.message.hasPrefix("undeclared name"), let q = e.message.firstIndex(of: "'") {
            let name = e.message[e.message.index(after: q)...].dropLast()
            if let op = operators.keys.filter({ name.hasPrefix($0) && name.count > $0.count }).max(by: { $0.count < $1.count }) {
                return e.message + " (write products of operators with a space or '*': \(op) \(name.dropFirst(op.count)))"
            }
        }
        if e.message.hasPrefix("undeclared name") {
            return e.message + " (declare it with `parameters`, an operator declaration or `define`)"
        }
        return e.message
    }

    /// The mean-field variable of an operator expression (a single operator word).
    func expectation(_ op: Expr, at fragment: Fragment) throws(ModelError) -> Expr {
        do {
            return try algebra.expectation(ofWord: op)
        } catch let e as ModelError {
            throw e
        } catch {
            throw fragment.error(wrapping: error)
        }
    }

    /// `<…>` and `⟨…⟩` groups in a fragment: the whole range and the inner fragment.
    func expectationBrackets(_ f: Fragment) throws(ModelError) -> [(Range<Int>, Fragment)] {
        var out: [(Range<Int>, Fragment)] = []
        var k = f.start
        let source = f.source
        while k < f.end {
            let angle = source.unit(k, is: "<")
            if angle || source.unit(k, is: "⟨") {
                let close: Unicode.Scalar = angle ? ">" : "⟩"
                guard let j = (k + 1..<f.end).first(where: { source.unit($0, is: close) }) else {
                    throw f.error("'\(source.character(k))' is not closed by '\(close)'", at: k)
                }
                out.append((k..<(j + 1), f.sub(k + 1, j)))
                k = j + 1
            } else if source.unit(k, is: ">") || source.unit(k, is: "⟩") {
                throw f.error("unmatched '\(source.character(k))'", at: k)
            } else {
                k += 1
            }
        }
        return out
    }

    /// The model operator name whose text first occurs in `fragment` among `names`.
    func position(of names: Set<String>, in fragment: Fragment) -> Int? {
        let patterns = names.sorted { $0.count > $1.count }.map(Array.init)
        let source = fragment.source
        for k in fragment.start..<fragment.end {
            for p in patterns where k + p.count <= fragment.end
                && p.indices.allSatisfy({ source.character(k + $0) == p[$0] }) {
                return k
            }
        }
        return nil
    }

    /// `NAME, … [: ASSUMPTIONS]`: parameters (real unless the assumptions say otherwise).
    mutating func declareParameters(_ rest: Fragment) throws(ModelError) {
        let (names, words) = rest.splitColon()
        var assumptions: Assumptions = .real
        if let words {
            assumptions = []
            for w in words.words() {
                for part in w.split("&") {
                    guard let a = Assumptions(word: part.text) else {
                        throw part.error("unknown assumption '\(part.text)' (expected real, positive, nonnegative, "
                                         + "integer or complex)")
                    }
                    assumptions.formUnion(a)
                }
            }
        }
        for n in try names.nameList() { try parameter(n.text, assumptions, at: n) }
    }
}
