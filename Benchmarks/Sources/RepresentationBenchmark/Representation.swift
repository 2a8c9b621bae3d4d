// The operations the workloads need, once for the arena (the real Symbolic target) and
// once for the reference-counted nodes, so that both run the identical generic workloads.
import Symbolic

protocol Representation {
    associatedtype E: Hashable & Sendable
    static var name: String { get }
    static func symbol(_ name: String) -> E
    static func integer(_ v: Int) -> E
    static func pow(_ b: E, _ e: E) -> E
    static func mul(_ factors: [E]) -> E
    static func add(_ terms: [E]) -> E
    static func add(_ a: E, _ b: E) -> E
    static func sin(_ x: E) -> E
    static func forEachChild(_ e: E, _ body: (E) -> Void)
    static func childCount(_ e: E) -> Int
    static func dagSize(_ e: E) -> Int
    static func treeSize(_ e: E) -> Int
    static func substitute(_ e: E, _ map: [E: E]) -> E
    /// Nodes created so far, and nodes still alive (equal unless nodes can be freed).
    static var nodeCount: Int { get }
    static var liveNodeCount: Int { get }
}

enum Arena: Representation {
    static var name: String { "arena" }
    static func symbol(_ name: String) -> Expr { .symbol(name) }
    static func integer(_ v: Int) -> Expr { .integer(v) }
    static func pow(_ b: Expr, _ e: Expr) -> Expr { .pow(b, e) }
    static func mul(_ factors: [Expr]) -> Expr { .mul(factors) }
    static func add(_ terms: [Expr]) -> Expr { .add(terms) }
    static func add(_ a: Expr, _ b: Expr) -> Expr { a + b }
    static func sin(_ x: Expr) -> Expr { .sin(x) }
    static func forEachChild(_ e: Expr, _ body: (Expr) -> Void) { for c in e.children { body(c) } }
    static func childCount(_ e: Expr) -> Int { e.children.count }
    static func dagSize(_ e: Expr) -> Int { e.dagSize }
    static func treeSize(_ e: Expr) -> Int { e.treeSize }
    static func substitute(_ e: Expr, _ map: [Expr: Expr]) -> Expr { e.substitute(map) }
    static var nodeCount: Int { ExprArena.nodeCount }
    static var liveNodeCount: Int { ExprArena.nodeCount }
}

enum RefCounted: Representation {
    static var name: String { RCStore.weak ? "rc-weak" : "rc" }
    static func symbol(_ name: String) -> Node { RC.symbol(Symbol(name)) }
    static func integer(_ v: Int) -> Node { RC.integer(v) }
    static func pow(_ b: Node, _ e: Node) -> Node { RC.pow(b, e) }
    static func mul(_ factors: [Node]) -> Node { RC.mul(factors) }
    static func add(_ terms: [Node]) -> Node { RC.add(terms) }
    static func add(_ a: Node, _ b: Node) -> Node { RC.add(a, b) }
    static func sin(_ x: Node) -> Node { RC.sin(x) }
    static func forEachChild(_ e: Node, _ body: (Node) -> Void) { for c in e.children { body(c) } }
    static func childCount(_ e: Node) -> Int { e.children.count }
    static func dagSize(_ e: Node) -> Int { RC.dagSize(e) }
    static func treeSize(_ e: Node) -> Int { RC.treeSize(e) }
    static func substitute(_ e: Node, _ map: [Node: Node]) -> Node { RC.substitute(e, map) }
    static var nodeCount: Int { RCStore.nodeCount }
    static var liveNodeCount: Int { RCStore.liveCount }
}
