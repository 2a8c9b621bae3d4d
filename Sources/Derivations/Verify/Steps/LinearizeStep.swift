import Algebra
import Symbolic

/// `linearize LABEL: about a = 0, …; order a, a*, … [; of OPERATORS [; where …] [; from FILE]]
/// [; values …]` — the stability matrix about the point, deviations in the order given, of
/// the most recent `meanfield` step (or, with `of`, of the mean-field equations of those
/// operators in the model as `where`/`from` make it). Produces the matrix for `matrix`
/// transcriptions and the residual d⟨x⟩/dt at the point of every variable.
struct LinearizeStep: DerivationStep {
    static let keyword = "linearize"

    static func run(_ arguments: StepArguments, in context: StepContext) throws(ModelError) -> (DerivedResults, Any?) {
        let args = arguments.fragment
        let clauses = try StepClauses(args, keywords: ["about", "order", "of"], main: false)
        guard let about = clauses["about"], let order = clauses["order"] else {
            throw args.error("expected `linearize LABEL: about a = 0, …; order a, a*, …`")
        }
        let model: Model, mf: MeanFieldSystem
        if let of = clauses["of"] {
            model = try clauses.model(context)
            do { mf = try model.meanField(try model.operatorList(of)) } catch let e as ModelError { throw e } catch {
                return (DerivedResults(failure: "mean-field derivation failed: \(error)"), nil)
            }
        } else {
            if clauses["where"] != nil || clauses["from"] != nil {
                throw args.error("`where` and `from` need `of OPERATORS` (the equations to derive and linearise)")
            }
            guard let last = context.results.last(where: { $0.keyword == MeanFieldStep.keyword })?.derivation as? MeanFieldSystem else {
                throw args.error("`linearize` needs a `meanfield` step before it (its equations are linearised) or `of OPERATORS`")
            }
            (model, mf) = (context.model, last)
        }
        let lin = try model.linearization(of: mf, about: about, order: order)
        var r = DerivedResults()
        r.matrix = lin.matrix
        for (v, res) in zip(lin.variables, lin.residuals) { r.values["residual(\(v))"] = res }
        if let values = clauses["values"] {
            let computed = try StepValues.evaluate(values, parameters: clauses["parameters"], scope: model.scope,
                                                   sources: ValueSources(equation: { try mf.rhs(for: $0) },
                                                                         matrix: lin.stabilityMatrix))
            r.values.merge(computed) { _, new in new }
        }
        return (r, lin)
    }
}
