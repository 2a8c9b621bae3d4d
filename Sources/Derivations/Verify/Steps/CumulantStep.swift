import Algebra
import Symbolic

/// `cumulants LABEL: a, Sz, S- [; limit uncorrelated] [; where …] [; from FILE] [; values …]`
/// — the second-order cumulant equations of the operators (second moments are variables,
/// ⟨ABC⟩ closed by its disconnected part, Appendix E of 003), intensive in N with the 1/N
/// terms kept, closed automatically. With `limit uncorrelated` every second moment ⟨XY⟩ is
/// set to ⟨X⟩⟨Y⟩ and only the equations of the first moments are produced: their
/// mean-field limit, which `equation` lines compare with the first-order equations (A1).
struct CumulantStep: DerivationStep {
    static let keyword = "cumulants"

    static func run(_ arguments: StepArguments, in context: StepContext) throws(ModelError) -> (DerivedResults, Any?) {
        let clauses = try StepClauses(arguments.fragment, keywords: ["limit"], main: true)
        let uncorrelated: Bool
        if let limit = clauses["limit"] {
            guard limit.trimmed.text == "uncorrelated" else { throw limit.error("the only limit is `uncorrelated`") }
            uncorrelated = true
        } else {
            uncorrelated = false
        }
        let model = try clauses.model(context)
        let ops = try model.operatorList(clauses.main!)
        var r = DerivedResults()
        let mf: MeanFieldSystem
        do {
            mf = try model.meanField(ops, order: .secondCumulant)
            let pairs = uncorrelated ? try model.system.disconnectedMoments(of: mf) : [:]
            for e in mf.equations {
                guard let v = e.variable.symbol, !uncorrelated || pairs[v] == nil else { continue }
                r.equations[e.variable] = uncorrelated ? distribute(e.rhs.substitute(pairs)) : e.rhs
                if !e.variable.isReal {
                    let c = try mf.rhs(for: Expr.conjugate(e.variable))
                    r.equations[Expr.conjugate(e.variable)] = uncorrelated ? distribute(c.substitute(pairs)) : c
                }
            }
        } catch {
            return (DerivedResults(failure: "second-order cumulant derivation failed: \(error)"), nil)
        }
        if let values = clauses["values"] {
            r.values = try StepValues.evaluate(values, parameters: clauses["parameters"], scope: model.scope,
                                               sources: ValueSources(equation: { try mf.rhs(for: $0) }))
        }
        return (r, mf)
    }
}
