#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A buffered file writer (64 KiB chunks) for streaming rows to disk.
public final class StreamWriter {
    private let file: UnsafeMutablePointer<FILE>
    private var buffer: [UInt8] = []
    public let path: String

    /// `append`: write after what the file holds (a resumed scan's rows).
    public init(path: String, append: Bool = false) throws {
        guard let f = fopen(path, append ? "a" : "w") else {
            throw OutputError.io("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        file = f
        self.path = path
        buffer.reserveCapacity(1 << 16)
    }

    public func write(_ s: String) throws {
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= 1 << 16 { try flush() }
    }

    public func flush() throws {
        guard !buffer.isEmpty else { return }
        let n = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        guard n == buffer.count else { throw OutputError.io("write to \(path) failed: \(String(cString: strerror(errno)))") }
        buffer.removeAll(keepingCapacity: true)
    }

    public func close() throws {
        try flush()
        guard fclose(file) == 0 else { throw OutputError.io("closing \(path) failed") }
        closed = true
    }
    private var closed = false
    deinit { if !closed { fclose(file) } }
}

/// Writes a whole file under a temporary name and renames it.
public func writeFileAtomically(_ path: String, _ contents: String) throws {
    let tmp = path + ".partial"
    let w = try StreamWriter(path: tmp)
    do { try w.write(contents); try w.close() } catch { unlink(tmp); throw error }
    guard rename(tmp, path) == 0 else { unlink(tmp); throw OutputError.io("cannot rename \(tmp) to \(path)") }
}
