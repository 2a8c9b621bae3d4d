// The reference-counted alternative to the arena: each node is a Swift object, children
// are strong references, and hash-consing goes through a global intern table under a
// mutex, exactly as the arena's. Two table flavours: strong (like the arena, nothing is
// ever freed) and weak (a node is freed when the last user drops it, which is what
// reclaiming memory would need).
import Symbolic
import ArbitraryPrecision
import Synchronization

final class Node: Sendable {
    let kind: Kind
    let flags: NodeFlags
    /// Small integer value, symbol index, number-table index or function symbol index.
    let value: Int64
    let structuralHash: UInt64
    let children: ContiguousArray<Node>

    init(kind: Kind, flags: NodeFlags, value: Int64, hash: UInt64, children: ContiguousArray<Node>) {
        self.kind = kind
        self.flags = flags
        self.value = value
        self.structuralHash = hash
        self.children = children
    }
}

/// Nodes are hash-consed, so identity is structural equality (as id equality is for `Expr`).
extension Node: Hashable {
    static func == (a: Node, b: Node) -> Bool { a === b }
    func hash(into h: inout Hasher) { h.combine(structuralHash) }
}

@inline(__always)
func sameChildren(_ a: ContiguousArray<Node>, _ b: ContiguousArray<Node>) -> Bool {
    guard a.count == b.count else { return false }
    for i in a.indices where a[i] !== b[i] { return false }
    return true
}

/// The structural key of the strong table: the content of a node, children by identity.
struct StructuralKey: Hashable {
    let kind: Kind
    let value: Int64
    let hash: UInt64
    let children: ContiguousArray<Node>
    static func == (a: StructuralKey, b: StructuralKey) -> Bool {
        a.hash == b.hash && a.kind == b.kind && a.value == b.value && sameChildren(a.children, b.children)
    }
    func hash(into h: inout Hasher) { h.combine(hash) }
}

/// A weak slot of the weak table; slots with equal structural hash are chained.
final class WeakSlot {
    weak var node: Node?
    var next: WeakSlot?
    init(_ node: Node, next: WeakSlot?) { self.node = node; self.next = next }
}

struct WeakTable {
    var buckets: [UInt64: WeakSlot] = [:]
    var slots = 0
    /// Nodes ever created (a freed node that is built again counts again).
    var inserted = 0
    var sweepAt = 1 << 16

    /// Drops the slots of freed nodes; run when the slot count doubles, so amortised O(1).
    mutating func sweep() {
        var live = 0
        for key in Array(buckets.keys) {
            var head: WeakSlot? = nil
            var s = buckets[key]
            while let cur = s {
                s = cur.next
                if cur.node != nil { cur.next = head; head = cur; live += 1 }
            }
            buckets[key] = head
        }
        slots = live
        sweepAt = max(1 << 16, 2 * live)
    }
}

enum RCStore {
    /// Chosen once per process from the command line (each variant runs in its own process).
    static let weak = CommandLine.arguments.count > 1 && CommandLine.arguments[1] == "rc-weak"
    static let strongTable = Mutex<[StructuralKey: Node]>([:])
    static let weakTable = Mutex<WeakTable>(WeakTable())
    static let numbers = Mutex<(index: [GaussianRational: Int], values: [GaussianRational])>(([:], []))

    static func intern(kind: Kind, flags: NodeFlags, value: Int64, hash: UInt64,
                       children: ContiguousArray<Node>) -> Node {
        if weak {
            return weakTable.withLock { t in
                var s = t.buckets[hash]
                while let cur = s {
                    if let n = cur.node, n.kind == kind, n.value == value, sameChildren(n.children, children) {
                        return n
                    }
                    s = cur.next
                }
                let n = Node(kind: kind, flags: flags, value: value, hash: hash, children: children)
                t.buckets[hash] = WeakSlot(n, next: t.buckets[hash])
                t.slots += 1
                t.inserted += 1
                if t.slots > t.sweepAt { t.sweep() }
                return n
            }
        }
        let key = StructuralKey(kind: kind, value: value, hash: hash, children: children)
        return strongTable.withLock { t in
            if let n = t[key] { return n }
            let n = Node(kind: kind, flags: flags, value: value, hash: hash, children: children)
            t[key] = n
            return n
        }
    }

    /// Nodes created so far (strong: all of them are still interned).
    static var nodeCount: Int {
        weak ? weakTable.withLock { $0.inserted } : strongTable.withLock { $0.count }
    }

    /// Nodes still alive (weak table: walks the chains).
    static var liveCount: Int {
        if !weak { return nodeCount }
        return weakTable.withLock { t in
            var live = 0
            for (_, head) in t.buckets {
                var s: WeakSlot? = head
                while let cur = s { if cur.node != nil { live += 1 }; s = cur.next }
            }
            return live
        }
    }

    static func numberSlot(_ q: GaussianRational) -> Int {
        numbers.withLock { t in
            if let i = t.index[q] { return i }
            t.values.append(q)
            t.index[q] = t.values.count - 1
            return t.values.count - 1
        }
    }

    static func number(at i: Int) -> GaussianRational { numbers.withLock { $0.values[i] } }
}

// The same deterministic hashing as the core (ExprStore.swift), so both representations
// sort terms into the same canonical order.
@inline(__always)
func hashMix(_ h: UInt64, _ v: UInt64) -> UInt64 {
    var z = h &+ 0x9E37_79B9_7F4A_7C15 &+ v &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
}

func stableHash(_ s: String) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
    return h
}
