import Algebra
import Symbolic

/// `meanfield LABEL: a, Sz, S- [; where …] [; from FILE] [; values …]` — the first-order
/// mean-field equations of the operators, intensive in N, closed automatically. Produces the
/// equation of every variable (and of its conjugate) for `equation` transcriptions.
struct MeanFieldStep: DerivationStep {
    static let keyword = "meanfield"

    static func run(_ arguments: StepArguments, in context: StepContext) throws(ModelError) -> (DerivedResults, Any?) {
        let clauses = try StepClauses(arguments.fragment, keywords: [], main: true)
        let model = try clauses.model(context)
        let ops = try model.operatorList(clauses.main!)
        let mf: MeanFieldSystem
        do { mf = try model.meanField(ops) } catch {
            return (DerivedResults(failure: "mean-field derivation failed: \(error)"), nil)
        }
        var r = DerivedResults()
        do {
            for e in mf.equations { r.equations[e.variable] = e.rhs }
            for e in mf.equations where !e.variable.isReal {
                r.equations[Expr.conjugate(e.variable)] = try mf.rhs(for: Expr.conjugate(e.variable))
            }
        } catch {
            return (DerivedResults(failure: "mean-field derivation failed: \(error)"), nil)
        }
        if let values = clauses["values"] {
            r.values = try StepValues.evaluate(values, parameters: clauses["parameters"], scope: model.scope,
                                               sources: ValueSources(equation: { try mf.rhs(for: $0) }))
        }
        return (r, mf)
    }
}
