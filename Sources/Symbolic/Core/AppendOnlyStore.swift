import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Append-only storage addressed by a 32-bit index.
///
/// Elements live in fixed-size chunks that never move, so a reader needs no lock:
/// an index handed out by `append` (under the owner's lock) stays valid and its
/// element is never written again. The chunk directory is allocated once at its
/// full size for the same reason. This is the e-graph style "arena of nodes addressed
/// by small integer ids": no reference counting on the hot path, O(1) identity.
final class AppendOnlyStore<Element>: @unchecked Sendable {
    static var chunkBits: Int { 14 }
    static var chunkSize: Int { 1 << chunkBits }
    static var maxChunks: Int { 1 << 18 }   // 2^32 elements in all

    private let directory: UnsafeMutablePointer<UnsafeMutablePointer<Element>?>
    private(set) var count: Int = 0

    init() {
        // The directory is 2 MB of nil (all-zero) pointers. calloc gets it as zero pages that
        // the OS maps on first touch; allocating and filling it cost ~1 ms of page faults at
        // the first expression of every process (a third of a cold derivation of paper 003).
        let bytes = calloc(Self.maxChunks, MemoryLayout<UnsafeMutablePointer<Element>?>.stride)!
        directory = bytes.bindMemory(to: UnsafeMutablePointer<Element>?.self, capacity: Self.maxChunks)
    }

    /// Appends and returns the index. Callers serialise appends with their own lock.
    func append(_ element: Element) -> UInt32 {
        let index = count
        let chunk = index >> Self.chunkBits
        precondition(chunk < Self.maxChunks, "expression arena exhausted (2^32 nodes)")
        if directory[chunk] == nil {
            directory[chunk] = .allocate(capacity: Self.chunkSize)
        }
        (directory[chunk]! + (index & (Self.chunkSize - 1))).initialize(to: element)
        count = index + 1
        return UInt32(index)
    }

    @inline(__always)
    subscript(index: UInt32) -> Element {
        let i = Int(index)
        return directory[i >> Self.chunkBits].unsafelyUnwrapped[i & (Self.chunkSize - 1)]
    }

    @inline(__always)
    func pointer(_ index: UInt32) -> UnsafeMutablePointer<Element> {
        let i = Int(index)
        return directory[i >> Self.chunkBits].unsafelyUnwrapped + (i & (Self.chunkSize - 1))
    }
}

/// Bump allocator for the child lists of nodes; lists never move once written.
final class ChildArena: @unchecked Sendable {
    private static let blockSize = 1 << 16
    private var block: UnsafeMutablePointer<Expr>
    private var used = 0
    private(set) var bytesAllocated = 0

    init() {
        block = .allocate(capacity: Self.blockSize)
        bytesAllocated = Self.blockSize * MemoryLayout<Expr>.stride
    }

    /// Copies `children` into stable storage. Callers serialise with their own lock.
    func store(_ children: UnsafeBufferPointer<Expr>) -> UnsafePointer<Expr> {
        let n = children.count
        if n == 0 { return UnsafePointer(block) }
        if n > Self.blockSize / 4 {
            let own = UnsafeMutablePointer<Expr>.allocate(capacity: n)
            own.initialize(from: children.baseAddress!, count: n)
            bytesAllocated += n * MemoryLayout<Expr>.stride
            return UnsafePointer(own)
        }
        if used + n > Self.blockSize {
            block = .allocate(capacity: Self.blockSize)
            bytesAllocated += Self.blockSize * MemoryLayout<Expr>.stride
            used = 0
        }
        let p = block + used
        p.initialize(from: children.baseAddress!, count: n)
        used += n
        return UnsafePointer(p)
    }
}
