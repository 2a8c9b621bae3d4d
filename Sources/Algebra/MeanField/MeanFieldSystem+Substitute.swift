import Symbolic

extension MeanFieldSystem {
    /// The same equations with parameters replaced (`derive --set`): every right-hand side,
    /// subleading term and written factor, with the closure and symmetry records kept (they
    /// describe how the equations were obtained, which a value does not change).
    public func substituting(_ values: [Symbol: Expr]) -> MeanFieldSystem {
        guard !values.isEmpty else { return self }
        var out = MeanFieldSystem(equations: equations.map { e in
            var n = MeanFieldEquation(operatorWord: e.operatorWord, variable: e.variable,
                                      rhs: distribute(e.rhs.substitute(values)),
                                      subleading: e.subleading.map { distribute($0.substitute(values)) })
            n.lhsFactor = e.lhsFactor.substitute(values)
            return n
        }, added: added, closure: closure)
        out.symmetry = symmetry
        return out
    }
}

extension Linearization {
    /// The same matrix with parameters replaced; the point's values too.
    public func substituting(_ values: [Symbol: Expr]) -> Linearization {
        guard !values.isEmpty else { return self }
        var out = Linearization(variables: variables,
                                matrix: matrix.map { $0.map { distribute($0.substitute(values)) } },
                                residuals: residuals.map { distribute($0.substitute(values)) },
                                omittedCouplings: omittedCouplings.map { ($0.row, $0.column, distribute($0.value.substitute(values))) })
        out.point = point.mapValues { $0.substitute(values) }
        return out
    }
}
