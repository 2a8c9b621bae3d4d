/// The canonical total order of expressions, used to sort the terms of sums and the
/// commuting factors of products.
///
/// It compares kind, then the deterministic structural hash, and only on a hash
/// collision the structure itself, so sorting costs O(1) per comparison. Printers use a
/// separate, human-friendly order (see `PrettyOrder`).
extension Expr {
    @inline(__always)
    public static func canonicalLess(_ a: Expr, _ b: Expr) -> Bool {
        if a == b { return false }
        let na = a.node.pointee, nb = b.node.pointee
        if na.kind != nb.kind { return na.kind < nb.kind }
        if na.kind == .integer { return na.value < nb.value }
        if na.hash != nb.hash { return na.hash < nb.hash }
        return structuralLess(a, b)
    }

    private static func structuralLess(_ a: Expr, _ b: Expr) -> Bool {
        let na = a.node.pointee, nb = b.node.pointee
        if na.kind != nb.kind { return na.kind < nb.kind }
        if na.kind == .symbol || na.kind == .function {
            let sa = Symbol(index: UInt32(na.value)).info, sb = Symbol(index: UInt32(nb.value)).info
            if sa.name != sb.name { return sa.name < sb.name }
        } else if na.kind == .number {
            let qa = a.numberValue!.description, qb = b.numberValue!.description
            if qa != qb { return qa < qb }
        }
        if na.value != nb.value { return na.value < nb.value }
        if na.count != nb.count { return na.count < nb.count }
        for i in 0..<Int(na.count) where a.children[i] != b.children[i] {
            return canonicalLess(a.children[i], b.children[i])
        }
        return false
    }
}

extension Expr {
    /// Sorts into the canonical order with the (kind, hash) keys read once per element, so
    /// a large sort does not dereference two arena nodes in every comparison.
    static func sortCanonically(_ list: inout [Expr]) {
        if list.count < 16 { list.sort(by: canonicalLess); return }
        var keyed = list.map { (kind: $0.kind.rawValue, hash: $0.kind == .integer ? 0 : $0.structuralHash, expr: $0) }
        keyed.sort { a, b in
            if a.kind != b.kind { return a.kind < b.kind }
            if a.hash != b.hash { return a.hash < b.hash }
            return Expr.canonicalLess(a.expr, b.expr)
        }
        for i in list.indices { list[i] = keyed[i].expr }
    }
}
