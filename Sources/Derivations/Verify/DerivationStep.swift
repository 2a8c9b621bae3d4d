import Algebra
import Symbolic

/// What one derivation step of a manifest produced, by the names transcriptions use:
/// equations by their left-hand variable (`d<a>/dt`), a matrix, and named values (a steady
/// state's ⟨S^z⟩, a threshold λ_c).
struct DerivedResults {
    var equations: [Expr: Expr] = [:]
    var matrix: [[Expr]]?
    var values: [String: Expr] = [:]
    /// The step failed: every transcription it should have produced is "not derived", for this reason.
    var failure: String?
}

/// The context a step runs in: the current model and the results of the steps before it.
struct StepContext {
    var model: Model
    /// Results of earlier steps, by label, in manifest order.
    var results: [(label: String, kind: String, results: DerivedResults, derivation: Any?)]
}

/// A kind of derivation step a manifest can name: `meanfield A1: a, Sz, S-` and
/// `linearize A2: about …; order …` are built in. Another kind (a steady state, an
/// adiabatic elimination) is one more value in `StepKind.all`: a keyword and a function
/// from the text after `LABEL:` to `DerivedResults`, whose `values` a `value LABEL.name = …`
/// transcription compares with the printed expression.
struct StepKind {
    let keyword: String
    /// Runs the step; a malformed step is a `ModelError` (a manifest error), a failed
    /// derivation is a `DerivedResults` with `failure` set (reported per transcription).
    let run: (_ arguments: Fragment, _ context: StepContext) throws(ModelError) -> (DerivedResults, Any?)

    static var all: [StepKind] { [.meanField, .linearize, .paper003] }

    /// `meanfield LABEL: a, Sz, S-, Tz, T-` — first-order mean-field equations, intensive in N.
    static var meanField: StepKind { StepKind(keyword: "meanfield") { (args, context) throws(ModelError) in
        let ops = try context.model.operatorList(args)
        do {
            let mf = try context.model.meanField(ops)
            var r = DerivedResults()
            for e in mf.equations { r.equations[e.variable] = e.rhs }
            for e in mf.equations where !e.variable.isReal {
                r.equations[Expr.conjugate(e.variable)] = try mf.rhs(for: Expr.conjugate(e.variable))
            }
            return (r, mf)
        } catch {
            return (DerivedResults(failure: "mean-field derivation failed: \(error)"), nil)
        }
    } }

    /// `linearize LABEL: about a = 0, …; order a, a*, …` — the stability matrix of the most
    /// recent `meanfield` step about the point, deviations in the order given.
    static var linearize: StepKind { StepKind(keyword: "linearize") { (args, context) throws(ModelError) in
        let parts = args.split(";")
        guard parts.count == 2, parts[0].text.hasPrefix("about"), parts[1].text.hasPrefix("order") else {
            throw args.error("expected `linearize LABEL: about a = 0, …; order a, a*, …`")
        }
        guard let mf = context.results.last(where: { $0.kind == "meanfield" })?.derivation as? MeanFieldSystem else {
            throw args.error("`linearize` needs a `meanfield` step before it (its equations are linearised)")
        }
        let about = parts[0].sub(parts[0].start + 5, parts[0].end).trimmed
        let order = parts[1].sub(parts[1].start + 5, parts[1].end).trimmed
        let lin = try context.model.linearization(of: mf, about: about, order: order)
        var r = DerivedResults()
        r.matrix = lin.matrix
        for (v, res) in zip(lin.variables, lin.residuals) { r.values["residual(\(v))"] = res }
        return (r, lin)
    } }
}
