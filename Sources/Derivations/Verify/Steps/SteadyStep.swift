import Algebra
import Symbolic

/// `steady LABEL: OPERATORS [; where …] [; from FILE] [; constraint E = F] [; frame Δ: a, T-]
/// [; real a] [; select <a> != 0] [; values …]` — the steady states of the mean-field
/// equations of the operators, solved in closed form (`SteadyStateProblem`), and the first
/// branch the solver returns that satisfies `select`; its values are what `values` reads.
///
/// * `constraint E = F` — an extra equation (a conserved spin length, say);
/// * `frame Δ: a, T-` — the frame rotating at a new real unknown Δ in which those variables
///   are constant (each with charge 1), as a lasing ansatz ⟨a⟩ = a₀ e^{−iΔt} makes them;
/// * `real a` — variables whose phase is fixed (the gauge of a U(1)-symmetric solution);
/// * `select X != 0` or `select X = 0` — which branch (X any expression in the variables).
struct SteadyStep: DerivationStep {
    static let keyword = "steady"

    static func run(_ arguments: StepArguments, in context: StepContext) throws(ModelError) -> (DerivedResults, Any?) {
        let clauses = try StepClauses(arguments.fragment, keywords: ["constraint", "frame", "real", "select"], main: true)
        let model = try clauses.model(context)
        var scope = model.scope
        let ops = try model.operatorList(clauses.main!)
        var mf: MeanFieldSystem
        do { mf = try model.meanField(ops) } catch {
            return (DerivedResults(failure: "mean-field derivation failed: \(error)"), nil)
        }
        var known: [Expr: Expr] = [:]
        for e in mf.equations { known[e.operatorWord] = e.variable }
        var extra: [Expr] = []
        if let frame = clauses["frame"] {
            let (name, list) = frame.splitColon()
            guard let list, name.isName else { throw frame.error("expected `frame NAME: variables` (e.g. frame Delta: a, T-)") }
            try scope.parameter(name.text, .real, at: name)
            let delta = Expr.symbol(scope.context.symbol(named: name.text)!)
            var charges: [Expr: Int] = [:]
            for item in list.split(",") { charges[try model.variable(item, known: known)] = 1 }
            do { mf = try mf.rotatingFrame(frequency: delta, charges: charges) } catch {
                throw frame.error(wrapping: error)
            }
            extra.append(delta)
        }
        var constraints: [Expr] = []
        if let c = clauses["constraint"] {
            guard let eq = c.find("=") else { throw c.error("expected `constraint E = F`", at: c.end) }
            constraints.append(try scope.expression(c.sub(c.start, eq)) - scope.expression(c.sub(eq + 1, c.end)))
        }
        var real: [Expr] = []
        if let r = clauses["real"] { for item in r.split(",") { real.append(try model.variable(item, known: known)) } }
        let branches: [SteadyStateBranch]
        do {
            branches = try SteadyStateProblem(system: mf, constraints: constraints, realVariables: real,
                                              extraUnknowns: extra).solve()
        } catch {
            return (DerivedResults(failure: "steady-state solve failed: \(error)"), nil)
        }
        let chosen = try select(branches, clauses["select"], scope)
        guard let branch = chosen else {
            let condition = clauses["select"].map { " with \($0.text)" } ?? ""
            return (DerivedResults(failure: "no steady state\(condition) among the \(branches.count) the solver found"), branches)
        }
        var r = DerivedResults()
        if let values = clauses["values"] {
            r.values = try StepValues.evaluate(values, parameters: clauses["parameters"], scope: scope,
                                               sources: ValueSources(branch: branch))
        }
        return (r, branches)
    }

    /// The first branch where `X != 0` (or `X = 0`) holds, after cancelling.
    private static func select(_ branches: [SteadyStateBranch], _ condition: Fragment?,
                               _ scope: ModelScope) throws(ModelError) -> SteadyStateBranch? {
        guard let c = condition else { return branches.first }
        let (sign, wantZero): (Int?, Bool) = {
            if let k = c.find("!=") { return (k, false) }
            if let k = c.find("=") { return (k, true) }
            return (nil, false)
        }()
        guard let k = sign else { throw c.error("expected `select X != 0` or `select X = 0`") }
        let rhs = c.sub(k + (wantZero ? 1 : 2), c.end).trimmed
        guard rhs.text == "0" else { throw rhs.error("a branch is selected by `X != 0` or `X = 0`") }
        let x = try scope.expression(c.sub(c.start, k))
        return branches.first { b in
            let v = x.substitute(BranchPlaceholders(b).placeholders)
            return BranchPlaceholders(b).resolved(v).isZero == wantZero
        }
    }
}
