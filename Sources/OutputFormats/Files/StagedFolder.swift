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
        if access(trimmed, F_OK) == 0 { throw OutputError.outputExists(trimmed) }
        var template = Array((trimmed + ".partial-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw OutputError.io("cannot create a temporary folder next to \(trimmed): \(String(cString: strerror(errno)))")
        }
        stagingPath = String(cString: made)
    }

    public func path(_ file: String) -> String { stagingPath + "/" + file }

    /// Renames the staging folder to its final name.
    public func commit() throws {
        if access(finalPath, F_OK) == 0 { throw OutputError.outputExists(finalPath) }
        guard rename(stagingPath, finalPath) == 0 else {
            throw OutputError.io("cannot rename \(stagingPath) to \(finalPath): \(String(cString: strerror(errno)))")
        }
        committed = true
    }

    deinit { if !committed { removeTree(stagingPath) } }
}

/// Removes a folder of plain files (what the analyses write).
public func removeTree(_ path: String) {
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
