import Algebra
import ComplexModule
import Symbolic

/// Initial values of the second moments from the means: each second-moment variable's
/// product-state expression (`OpenSystem.productStateMoments`) evaluated at the parameter
/// values (N among them) and the given first moments; a variable of `system` not in `means`
/// is 0 (as in `dynamics`), and so is every variable of `zero` (moments a symmetry reduction
/// dropped from `system`, which the formulas may still name). Variables the formulas do not
/// cover keep the value given.
public func productStateInitial(_ formulas: [Symbol: Expr], values: [Symbol: Expr],
                                means: [Symbol: (Double, Double)], system: MeanFieldSystem,
                                zero: [Symbol] = []) throws -> [Symbol: (Double, Double)] {
    let resolved = try resolveAssignments(values)
    var point: [Symbol: Complex<Double>] = [:]
    for (s, e) in resolved {
        guard let z = try? e.evaluate([:]) else { continue }
        point[s] = z
    }
    for s in system.variables.compactMap(\.symbol) + zero { point[s] = Complex(0, 0) }
    for (s, v) in means { point[s] = Complex(v.0, v.1) }
    var out = means
    for (s, f) in formulas.sorted(by: { $0.key.name < $1.key.name }) {
        let z: Complex<Double>
        do {
            z = try f.evaluate(point)
        } catch {
            throw AnalysisError.numerical("cannot evaluate the product-state value of \(s.name) (\(f)): \(error)")
        }
        guard z.real.isFinite, z.imaginary.isFinite else {
            throw AnalysisError.numerical("the product-state value of \(s.name) is not finite")
        }
        out[s] = (z.real, z.imaginary)
    }
    return out
}
