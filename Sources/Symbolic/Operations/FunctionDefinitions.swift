/// A function of one variable given by a formula, F(x) = body: a model's bath distribution
/// (F_b(ω) = tanh((ω − μ_B)/2T)) or drive spectrum, kept by name through a derivation (where
/// it is shifted by frames, F_b(ω + μ_S/2)) and replaced by its formula only when numbers or
/// a derivative with respect to its parameters are wanted.
public struct FunctionDefinition: Sendable, Hashable {
    public let function: Symbol
    public let variable: Symbol
    public let body: Expr

    public init(_ function: Symbol, variable: Symbol, body: Expr) {
        self.function = function
        self.variable = variable
        self.body = body
    }

    /// body with the variable replaced by `argument`.
    public func callAsFunction(_ argument: Expr) -> Expr { body.substitute([variable: argument]) }
}

extension Expr {
    /// Every application F(a) of a defined function replaced by its body at a. Bottom-up, so
    /// an argument is itself expanded first; a body that applies a later definition is
    /// expanded too (definitions may build on each other, F_Ψ = 1 + 2n_B), up to a depth of
    /// `definitions.count` so that a cycle cannot run away.
    public func expandingDefinitions(_ definitions: [FunctionDefinition]) -> Expr {
        guard !definitions.isEmpty else { return self }
        let table = Dictionary(definitions.map { ($0.function, $0) }, uniquingKeysWith: { a, _ in a })
        var current = self
        for _ in 0...definitions.count {
            let rewrite = Postwalk { e in
                guard e.kind == .function, let f = e.head, let d = table[f], e.children.count == 1 else { return nil }
                return d(e.children[0])
            }
            guard let next = try? rewrite(current) else { break }
            current = next
            if !current.applies(anyOf: Set(table.keys)) { break }
        }
        return current
    }

    /// Whether an application of one of `functions` occurs.
    public func applies(anyOf functions: Set<Symbol>) -> Bool {
        containsSubexpression { $0.kind == .function && $0.head.map(functions.contains) == true }
    }

    /// Whether some subexpression (this one included) satisfies `test`; shared subtrees are
    /// visited once, binder bodies as they are stored.
    public func containsSubexpression(where test: (Expr) -> Bool) -> Bool {
        var seen = Set<Expr>()
        func walk(_ x: Expr) -> Bool {
            if test(x) { return true }
            if x.children.isEmpty || !seen.insert(x).inserted { return false }
            return x.children.contains(where: walk)
        }
        return walk(self)
    }

    /// The distinct applications F(a) of the named functions, in the order first met
    /// (depth first, arguments before the application that holds them).
    public func applications(of functions: Set<Symbol>) -> [Expr] {
        var seen: Set<Expr> = [], out: [Expr] = []
        func visit(_ e: Expr) {
            guard seen.insert(e).inserted else { return }
            for c in e.children { visit(c) }
            if e.kind == .function, let f = e.head, functions.contains(f) { out.append(e) }
        }
        visit(self)
        return out
    }
}
