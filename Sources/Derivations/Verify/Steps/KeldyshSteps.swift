import Algebra
import FieldTheory
import Symbolic

/// `kernel LABEL: SECTOR [; where …] [; from FILE]` — the quadratic kernel in frequency of a
/// spinor (or of a boson with a bath) of the model's Keldysh derivation (Eq. 7, A10–A11 of
/// paper 000); `greens LABEL: SECTOR …` — its inverse, the Green's function (A14–A20). Both
/// produce the matrix (for `matrix` transcriptions) and, by name, each entry of the retarded,
/// advanced and Keldysh parts: `R_ba` is G^R (or K^R) row b, column a of a spinor; a boson's
/// are `R`, `A`, `K`; a `values` clause may use these names.
struct KernelStep: DerivationStep {
    static let keyword = "kernel"
    static func run(_ arguments: StepArguments, in context: StepContext) throws(ModelError) -> (DerivedResults, Any?) {
        try KeldyshSector.run(arguments, context, inverse: false)
    }
}

struct GreensStep: DerivationStep {
    static let keyword = "greens"
    static func run(_ arguments: StepArguments, in context: StepContext) throws(ModelError) -> (DerivedResults, Any?) {
        try KeldyshSector.run(arguments, context, inverse: true)
    }
}

enum KeldyshSector {
    static func run(_ arguments: StepArguments, _ context: StepContext, inverse: Bool) throws(ModelError) -> (DerivedResults, Any?) {
        let clauses = try StepClauses(arguments.fragment, keywords: [], main: true)
        let model = try clauses.model(context)
        let sector = clauses.main!.text
        let matrix: Matrix, fields: [Field]
        do {
            let derivation = try model.keldyshDerivation()
            let kernel = try derivation.kernel(sector)
            matrix = inverse ? try GreensFunction(kernel).matrix : kernel.matrix
            fields = kernel.sector
        } catch {
            return (DerivedResults(failure: "the Keldysh derivation failed: \(error)"), nil)
        }
        var r = DerivedResults()
        r.matrix = matrix.rowList
        let n = fields.count
        // Keldysh blocks: fermions [[R, K], [0, A]], a boson's kernel [[0, A], [R, K]] and its G [[K, R], [A, 0]].
        let blocks: [(String, Int, Int)] = fields[0].statistics == .fermion ? [("R", 0, 0), ("K", 0, 1), ("A", 1, 1)]
            : (inverse ? [("K", 0, 0), ("R", 0, 1), ("A", 1, 0)] : [("A", 0, 1), ("R", 1, 0), ("K", 1, 1)])
        for (name, br, bc) in blocks {
            for i in 0..<n {
                for j in 0..<n {
                    let key = n == 1 ? name : name + "_" + fields[i].name + fields[j].name
                    r.values[key] = matrix[br * n + i, bc * n + j]
                }
            }
        }
        if let values = clauses["values"] {
            // The step's entries are names the values may use (`subs(K_bb, …)`).
            var scope = model.scope
            for (name, value) in r.values.sorted(by: { $0.key < $1.key }) where scope.declared[name] == nil {
                try scope.define(name, value, at: values)
            }
            r.values.merge(try StepValues.evaluate(values, parameters: clauses["parameters"], scope: scope,
                                                   sources: ValueSources())) { _, new in new }
        }
        return (r, matrix)
    }
}

/// `saddle LABEL: OPERATORS [; where …] [; from FILE] [; about …; order …]` — the mean-field
/// equations of the operators by the Keldysh route: the model's contour action (spin ensembles
/// as Schwinger bosons), rotated, at its classical saddle point, read back in the mean-field
/// variables (`MeanFieldCorrespondence`); compared like a `meanfield` step's. With `about` and
/// `order`, also the stability matrix: for a model of bosons the one its quadratic fluctuations
/// give (`QuadraticFluctuations`), for one with Schwinger bosons the linearisation of these
/// equations (the fluctuation kernel acts on the Schwinger fields, of which the mean-field
/// variables are bilinears; FieldTheoryTests checks the two agree).
struct SaddleStep: DerivationStep {
    static let keyword = "saddle"

    static func run(_ arguments: StepArguments, in context: StepContext) throws(ModelError) -> (DerivedResults, Any?) {
        let clauses = try StepClauses(arguments.fragment, keywords: ["about", "order"], main: true)
        let model = try clauses.model(context)
        let ops = try model.operatorList(clauses.main!)
        let mf: MeanFieldSystem, keldysh: [Expr: Expr], action: Action, saddle: ClassicalSaddlePoint
        do {
            mf = try model.meanField(ops)
            (action, _) = try KeldyshRotation.apply(try ContourAction.from(model.system))
            saddle = try ClassicalSaddlePoint(action)
            keldysh = try MeanFieldCorrespondence.equations(saddle, meanField: mf, system: model.system, options: model.meanFieldOptions)
        } catch {
            return (DerivedResults(failure: "the Keldysh saddle point failed: \(error)"), nil)
        }
        var r = DerivedResults()
        var equations: [MeanFieldEquation] = []
        for e in mf.equations {
            let rhs = keldysh[e.variable] ?? .zero
            r.equations[e.variable] = rhs
            equations.append(MeanFieldEquation(operatorWord: e.operatorWord, variable: e.variable, rhs: rhs, subleading: []))
        }
        let keldyshSystem = MeanFieldSystem(equations: equations, added: mf.added, closure: mf.closure)
        for e in equations where !e.variable.isReal {
            r.equations[Expr.conjugate(e.variable)] = try? keldyshSystem.rhs(for: Expr.conjugate(e.variable))
        }
        if let about = clauses["about"], let order = clauses["order"] {
            let lin = try model.linearization(of: keldyshSystem, about: about, order: order)
            r.matrix = lin.matrix
            if action.spins.isEmpty {
                do {
                    r.matrix = try fluctuationMatrix(action, lin, model)
                } catch {
                    return (DerivedResults(failure: "the quadratic fluctuations failed: \(error)"), nil)
                }
            }
        }
        return (r, keldyshSystem)
    }

    /// A of the quadratic fluctuations of a bosonic action about the point of `lin`, in its
    /// variable order (each ⟨a⟩ or ⟨a⟩* at ψ_cl = √2⟨a⟩).
    static func fluctuationMatrix(_ action: Action, _ lin: Linearization, _ model: Model) throws -> [[Expr]] {
        var point: [Field: Expr] = [:], index: [Expr: Int] = [:]
        let algebra = model.system.algebra
        for (k, f) in action.fields.enumerated() {
            guard let op = algebra.loweringOperators.first(where: { algebra.info($0)?.modeName == f.name }) else { continue }
            let v = try model.system.expectation(op, options: model.meanFieldOptions)
            point[f] = Expr.sqrt(2) * (lin.point[v] ?? .zero)
            index[v] = 2 * k
            index[Expr.conjugate(v)] = 2 * k + 1
        }
        let a = try QuadraticFluctuations(action, about: point).stabilityMatrix
        let order = try lin.variables.map { v -> Int in
            guard let k = index[v] else { throw FieldTheoryError.precondition("\(v) is not a field's variable") }
            return k
        }
        return order.map { r in order.map { c in a[r, c] } }
    }
}
