import Synchronization
import ArbitraryPrecision

/// The global arena of hash-consed expression nodes.
///
/// Every structurally distinct expression exists once, so equality and hashing of
/// `Expr` compare a 32-bit id. Nodes are never freed: like an e-graph, the arena grows
/// for the life of the process (see docs/architecture.md for the measured cost).
final class ExprStore: @unchecked Sendable {
    static let shared = ExprStore()

    let nodes = AppendOnlyStore<Node>()
    let numbers = AppendOnlyStore<GaussianRational>()
    private let children = ChildArena()
    private let lock = Mutex<Void>(())
    private var numberIndex: [GaussianRational: UInt32] = [:]
    /// The node of each number already built (by number slot), so that building a number
    /// again is one lookup instead of hashing its decimal text and interning a node.
    private var numberNodes: [UInt32: Expr] = [:]

    // Open-addressing intern table: slot holds id + 1 (0 = empty) and the node hash.
    private var slots: UnsafeMutablePointer<UInt32>
    private var slotHashes: UnsafeMutablePointer<UInt64>
    private var capacity: Int
    private var occupied = 0

    private init() {
        capacity = 1 << 16
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: 0, count: capacity)
        slotHashes = .allocate(capacity: capacity)
        slotHashes.initialize(repeating: 0, count: capacity)
    }

    var nodeCount: Int { lock.withLock { _ in nodes.count } }

    /// Approximate bytes held by the arena (nodes, child lists, intern table).
    var approximateBytes: Int {
        lock.withLock { _ in
            nodes.count * MemoryLayout<Node>.stride + children.bytesAllocated
                + capacity * (MemoryLayout<UInt32>.stride + MemoryLayout<UInt64>.stride)
        }
    }

    @inline(__always) func node(_ e: Expr) -> UnsafeMutablePointer<Node> { nodes.pointer(e.id) }

    /// Returns the unique node with this content, creating it if needed.
    /// The first node interned with this content keeps its `hint` (a binder's variable name);
    /// a later request with another hint gets that node unchanged.
    func intern(kind: Kind, flags: NodeFlags, value: Int64, children list: UnsafeBufferPointer<Expr>,
                hash: UInt64, hint: UInt32 = 0) -> Expr {
        lock.withLock { _ in
            var slot = Int(truncatingIfNeeded: hash) & (capacity - 1)
            while true {
                let s = slots[slot]
                if s == 0 { break }
                if slotHashes[slot] == hash {
                    let candidate = nodes.pointer(s - 1)
                    if candidate.pointee.kind == kind, candidate.pointee.value == value,
                       Int(candidate.pointee.count) == list.count,
                       sameChildren(candidate.pointee.children, list.baseAddress, list.count) {
                        return Expr(id: s - 1)
                    }
                }
                slot = (slot + 1) & (capacity - 1)
            }
            let stored = children.store(list)
            let id = nodes.append(Node(kind: kind, flags: flags, value: value, children: stored,
                                       count: UInt32(list.count), hint: hint, hash: hash))
            slots[slot] = id + 1
            slotHashes[slot] = hash
            occupied += 1
            if occupied * 2 > capacity { grow() }
            return Expr(id: id)
        }
    }

    /// Returns the index of an exact number in the number table.
    func numberSlot(_ q: GaussianRational) -> UInt32 {
        lock.withLock { _ in
            if let i = numberIndex[q] { return i }
            let i = numbers.append(q)
            numberIndex[q] = i
            return i
        }
    }

    /// The node of a number built before, if any.
    func numberNode(_ q: GaussianRational) -> Expr? {
        lock.withLock { _ in numberIndex[q].flatMap { numberNodes[$0] } }
    }

    func rememberNumberNode(_ e: Expr, slot: UInt32) {
        lock.withLock { _ in numberNodes[slot] = e }
    }

    private func grow() {
        let newCapacity = capacity * 2
        let newSlots = UnsafeMutablePointer<UInt32>.allocate(capacity: newCapacity)
        newSlots.initialize(repeating: 0, count: newCapacity)
        let newHashes = UnsafeMutablePointer<UInt64>.allocate(capacity: newCapacity)
        newHashes.initialize(repeating: 0, count: newCapacity)
        for i in 0..<capacity where slots[i] != 0 {
            var j = Int(truncatingIfNeeded: slotHashes[i]) & (newCapacity - 1)
            while newSlots[j] != 0 { j = (j + 1) & (newCapacity - 1) }
            newSlots[j] = slots[i]
            newHashes[j] = slotHashes[i]
        }
        slots.deallocate()
        slotHashes.deallocate()
        slots = newSlots
        slotHashes = newHashes
        capacity = newCapacity
    }
}

@inline(__always)
private func sameChildren(_ a: UnsafePointer<Expr>, _ b: UnsafePointer<Expr>?, _ n: Int) -> Bool {
    guard n > 0, let b else { return true }
    for i in 0..<n where a[i] != b[i] { return false }
    return true
}

/// Deterministic hash mixing (splitmix64 finaliser), so canonical orders based on it
/// are the same in every run and on every machine.
@inline(__always)
func hashMix(_ h: UInt64, _ v: UInt64) -> UInt64 {
    var z = h &+ 0x9E37_79B9_7F4A_7C15 &+ v &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
}

/// FNV-1a of a string, for hashing symbols and numbers independently of process seeds.
func stableHash(_ s: String) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
    return h
}
