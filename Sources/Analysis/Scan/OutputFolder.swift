#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An output folder written under a temporary name next to its final place and renamed
/// at the end, so a failed run leaves nothing behind under the final name (and removes
/// its temporary folder).
public final class StagedFolder {
    public let finalPath: String
    public let stagingPath: String
    private var committed = false

    public init(finalPath: String) throws {
        let trimmed = finalPath.hasSuffix("/") && finalPath.count > 1 ? String(finalPath.dropLast()) : finalPath
        self.finalPath = trimmed
        if access(trimmed, F_OK) == 0 { throw AnalysisError.outputExists(trimmed) }
        var template = Array((trimmed + ".partial-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw AnalysisError.io("cannot create a temporary folder next to \(trimmed): \(String(cString: strerror(errno)))")
        }
        stagingPath = String(cString: made)
    }

    public func path(_ file: String) -> String { stagingPath + "/" + file }

    /// Renames the staging folder to its final name.
    public func commit() throws {
        if access(finalPath, F_OK) == 0 { throw AnalysisError.outputExists(finalPath) }
        guard rename(stagingPath, finalPath) == 0 else {
            throw AnalysisError.io("cannot rename \(stagingPath) to \(finalPath): \(String(cString: strerror(errno)))")
        }
        committed = true
    }

    deinit { if !committed { removeTree(stagingPath) } }
}

/// Removes a folder of plain files (what the analyses write).
func removeTree(_ path: String) {
    if let dir = opendir(path) {
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name == "." || name == ".." { continue }
            let child = path + "/" + name
            var st = stat()
            if lstat(child, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR { removeTree(child) } else { unlink(child) }
        }
        closedir(dir)
    }
    rmdir(path)
}

/// A buffered file writer (64 KiB chunks) for streaming rows to disk.
public final class StreamWriter {
    private let file: UnsafeMutablePointer<FILE>
    private var buffer: [UInt8] = []
    public let path: String

    public init(path: String) throws {
        guard let f = fopen(path, "w") else {
            throw AnalysisError.io("cannot write \(path): \(String(cString: strerror(errno)))")
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
        guard n == buffer.count else { throw AnalysisError.io("write to \(path) failed: \(String(cString: strerror(errno)))") }
        buffer.removeAll(keepingCapacity: true)
    }

    public func close() throws {
        try flush()
        guard fclose(file) == 0 else { throw AnalysisError.io("closing \(path) failed") }
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
    guard rename(tmp, path) == 0 else { unlink(tmp); throw AnalysisError.io("cannot rename \(tmp) to \(path)") }
}

/// A progress bar on stderr, redrawn at most once per percent.
public final class ProgressBar: @unchecked Sendable {
    private let total: Int
    private let label: String
    private var lastShown = -1
    private let enabled: Bool
    private var lock = pthread_mutex_t()

    public init(total: Int, label: String, enabled: Bool = true) {
        self.total = max(total, 1)
        self.label = label
        self.enabled = enabled
        pthread_mutex_init(&lock, nil)
    }

    public func update(_ done: Int) {
        guard enabled else { return }
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        let percent = min(100, done * 100 / total)
        guard percent != lastShown else { return }
        lastShown = percent
        let width = 30, filled = percent * width / 100
        let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
        writeStandardError("\r\(label) [\(bar)] \(percent)%" + (percent == 100 ? "\n" : ""))
    }
}

/// Unbuffered write to file descriptor 2.
public func writeStandardError(_ s: String) {
    var bytes = Array(s.utf8)
    _ = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
}
