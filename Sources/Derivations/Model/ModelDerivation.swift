import Algebra
import Analysis
import Symbolic

/// What `keldysh derive` computes from a model: the closed mean-field equations and,
/// when asked, the stability matrix about a point.
public struct ModelDerivation: Sendable {
    public let model: Model
    public let meanField: MeanFieldSystem
    public let linearization: Linearization?
    /// `derive --about N`: the stability matrix at steady state N of `keldysh steady`, numeric.
    public var stateMatrix: StateStabilityMatrix? = nil
    /// `derive --set`: the assignments as given, for the header.
    public var settings: [String] = []
}

extension Model {
    /// Mean-field equations of `operators` (model names such as `a, S-, T-`; the model's
    /// `meanfield` statement or its default operators when nil), closed automatically, and
    /// with `linearize` the stability matrix about `about` (`a = 0, Sz = -1/2, …`; the
    /// model's `steady` statement when nil) in the variable order `order` (`a, a*, S-, S+`;
    /// the model's `variables` statement when nil). Each text is named in errors by its
    /// `origin` (a command-line option, say).
    /// `cumulantOrder` 1 is the mean field (⟨AB⟩ ≈ ⟨A⟩⟨B⟩), 2 the second-order cumulant
    /// expansion (second moments are variables; Appendix E of 003).
    public func derive(operators: NamedText? = nil, linearize: Bool = false, about: NamedText? = nil,
                       order: NamedText? = nil, cumulantOrder: Int = 1, symmetric: Bool = false) throws(ModelError) -> ModelDerivation {
        let closureOrder = try Model.closureOrder(cumulantOrder, file: file)
        let ops: [Expr]
        if let operators {
            ops = try operatorList(operators.fragment)
        } else {
            ops = defaultMeanFieldOperators
        }
        if ops.isEmpty {
            throw ModelError(file: file, line: 1, column: 1,
                             message: "no operators to derive equations for (the model has no boson or spin ensemble)")
        }
        var mf: MeanFieldSystem
        do {
            mf = try meanField(ops, order: closureOrder)
            if symmetric {
                if linearize {
                    throw ModelError(file: file, line: 1, column: 1,
                                     message: "--symmetric drops the moments odd under the model's symmetries; linearize without it")
                }
                mf = try system.symmetric(mf)
            }
        } catch let e as ModelError {
            throw e
        } catch {
            throw ModelError(file: file, line: 1, column: 1, message: "mean-field derivation failed: \(error)", cause: error)
        }
        guard linearize else { return ModelDerivation(model: self, meanField: mf, linearization: nil) }
        let noPoint = ModelError(file: file, line: 1, column: 1,
                                 message: "--linearize needs a point: --about 'a=0, Sz=-1/2, …' or a `steady` statement")
        let noOrder = ModelError(file: file, line: 1, column: 1,
                                 message: "--linearize needs a variable order: --order 'a, a*, …' or a `variables` statement")
        guard let aboutFragment = about?.fragment ?? steady else { throw noPoint }
        guard let orderFragment = order?.fragment ?? variables else { throw noOrder }
        let lin = try linearization(of: mf, about: aboutFragment, order: orderFragment)
        return ModelDerivation(model: self, meanField: mf, linearization: lin)
    }

    /// The closure of a cumulant order given on the command line (1 or 2).
    public static func closureOrder(_ order: Int, file: String) throws(ModelError) -> MeanFieldOptions.Order {
        switch order {
        case 1: return .first
        case 2: return .secondCumulant
        default:
            throw ModelError(file: file, line: 1, column: 1,
                             message: "--cumulant-order \(order): only 1 (mean field) and 2 (second-order cumulants) are implemented")
        }
    }

    func operatorList(_ f: Fragment) throws(ModelError) -> [Expr] {
        var out: [Expr] = []
        for item in f.split(",") {
            if item.isEmpty { throw item.error("expected an operator in the list") }
            let e = try scope.expression(item)
            if e.isCommuting && !e.flags.contains(.noncommuting) { throw item.error("'\(item.text)' is not an operator") }
            out.append(e)
        }
        return out
    }

    /// The mean-field variable named by an item of a point or order list: an operator
    /// (`a`, `S+`), an expectation (`<a>`), or either followed by `*` (its conjugate).
    /// `known`: the variable of each operator word that has an equation, which is ⟨word⟩
    /// without reading the word again.
    func variable(_ item: Fragment, known: [Expr: Expr] = [:]) throws(ModelError) -> Expr {
        var f = item.trimmed
        var conjugate = false
        if f.ends(with: "*") {
            conjugate = true
            f = f.sub(f.start, f.end - 1).trimmed
        }
        let e = try scope.expression(f)
        var v = e
        if let k = known[e] { v = k }
        else if !e.isCommuting || e.flags.contains(.noncommuting) { v = try scope.expectation(e, at: f) }
        if conjugate { v = Expr.conjugate(v) }
        guard isAtom(v) else { throw item.error("'\(item.text)' is not a mean-field variable (write an operator such as a, S-, Sz)") }
        return v
    }

    /// The values of a point list (`a=0, Sz=-1/2, …`) by variable; every variable needs one.
    func point(of mf: MeanFieldSystem, about: Fragment) throws(ModelError) -> [Expr: Expr] {
        var point: [Expr: Expr] = [:]
        var known: [Expr: Expr] = [:]
        for e in mf.equations { known[e.operatorWord] = e.variable }
        for item in about.split(",") {
            guard let eq = item.find("=") else { throw item.error("expected `operator = value`", at: item.end) }
            let key = try variable(item.sub(item.start, eq), known: known)
            let value = try scope.expression(item.sub(eq + 1, item.end))
            if !value.isCommuting || value.flags.contains(.noncommuting) {
                throw item.sub(eq + 1, item.end).trimmed.error("the value must be a scalar (no operators)")
            }
            let (variable, given) = key.kind == .symbol ? (key, value) : (key.children[0], Expr.conjugate(value))
            // `a=0, a=1` (or `a=0, a*=1`) gives one variable two values: refused, not the last one kept.
            if point[variable] != nil { throw item.trimmed.error("'\(variable)' is given a value twice") }
            point[variable] = given
        }
        let missing = mf.variables.filter { point[$0] == nil }
        if !missing.isEmpty {
            throw about.error("the point gives no value for " + missing.map { $0.symbol!.name }.joined(separator: ", "),
                              at: about.end)
        }
        return point
    }

    /// The model's `steady` point (nil when it has no `steady` statement), by variable.
    public func declaredSteadyPoint(of mf: MeanFieldSystem) throws(ModelError) -> [Expr: Expr]? {
        guard let f = steady else { return nil }
        return try point(of: mf, about: f)
    }

    func linearization(of mf: MeanFieldSystem, about: Fragment, order: Fragment) throws(ModelError) -> Linearization {
        let point = try self.point(of: mf, about: about)
        let variables = try orderVariables(of: mf, order: order)
        do {
            return try mf.linearize(variables: variables, about: point)
        } catch {
            var e = order.error("linearisation failed: \(error)")
            e.cause = error
            throw e
        }
    }

    /// The variables of an order list (`a, a*, S-, S+`), each a variable of `mf` or its conjugate, once.
    func orderVariables(of mf: MeanFieldSystem, order: Fragment) throws(ModelError) -> [Expr] {
        var known: [Expr: Expr] = [:]
        for e in mf.equations { known[e.operatorWord] = e.variable }
        var variables: [Expr] = []
        for item in order.split(",") {
            let v = try variable(item, known: known)
            let base = v.kind == .symbol ? v : v.children[0]
            if !mf.variables.contains(base) {
                throw item.error("\(v) is not a variable of the mean-field equations ("
                                 + mf.variables.map { $0.symbol!.name }.joined(separator: ", ") + ")")
            }
            if variables.contains(v) { throw item.error("'\(item.text)' is listed twice") }
            variables.append(v)
        }
        return variables
    }
}
