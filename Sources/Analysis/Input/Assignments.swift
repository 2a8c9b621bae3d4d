import Symbolic

/// Substitutes assignments into each other until none refers to another, then into `e`.
/// Throws on a cycle.
public func resolveAssignments(_ values: [Symbol: Expr]) throws -> [Symbol: Expr] {
    var resolved: [Symbol: Expr] = [:]
    var visiting: [Symbol] = []
    func resolve(_ s: Symbol) throws -> Expr {
        if let r = resolved[s] { return r }
        if let k = visiting.firstIndex(of: s) {
            throw AnalysisError.cyclicAssignment((visiting[k...] + [s]).map(\.name))
        }
        visiting.append(s)
        defer { visiting.removeLast() }
        let raw = values[s]!
        var inner: [Symbol: Expr] = [:]
        for t in raw.freeSymbols where values[t] != nil { inner[t] = try resolve(t) }
        let r = inner.isEmpty ? raw : raw.substitute(inner)
        resolved[s] = r
        return r
    }
    for s in values.keys { _ = try resolve(s) }
    return resolved
}
