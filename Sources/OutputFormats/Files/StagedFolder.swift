#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An output folder written under a temporary name next to its final place and renamed
/// at the end, so a failed run leaves nothing behind under the final name (and removes
/// its temporary folder). An interrupted run (SIGINT, SIGTERM, SIGHUP) removes it too
/// (`SignalCleanup`). The staging folder is private (0700, as mkdtemp makes it); the
/// committed folder gets the mode a plain mkdir would give (0777 less the umask).
public final class StagedFolder {
    public let finalPath: String
    public let stagingPath: String
    private var committed = false

    /// A resumable folder (`scan --resume`) is staged under the fixed name `OUT.resume`, kept
    /// on an error or a signal so that the next run continues it; `reused` says it existed.
    public let resumable: Bool
    public private(set) var reused = false

    public init(finalPath: String, resumable: Bool = false) throws {
        let trimmed = finalPath.hasSuffix("/") && finalPath.count > 1 ? String(finalPath.dropLast()) : finalPath
        self.finalPath = trimmed
        self.resumable = resumable
        if access(trimmed, F_OK) == 0 { throw OutputError.outputExists(trimmed) }
        if resumable {
            stagingPath = trimmed + ".resume"
            if mkdir(stagingPath, 0o700) != 0 {
                guard errno == EEXIST else {
                    throw OutputError.io("cannot create \(stagingPath): \(String(cString: strerror(errno)))")
                }
                reused = true
            }
            return
        }
        var template = Array((trimmed + ".partial-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw OutputError.io("cannot create a temporary folder next to \(trimmed): \(String(cString: strerror(errno)))")
        }
        stagingPath = String(cString: made)
        SignalCleanup.register(stagingPath, folder: true)
    }

    /// The path of `file` inside the staging folder, registered for removal on a signal
    /// (with the `.partial` name `writeFileAtomically` writes first).
    public func path(_ file: String) -> String {
        let p = stagingPath + "/" + file
        if !resumable && registered.insert(file).inserted {
            SignalCleanup.register(p, folder: false)
            SignalCleanup.register(p + ".partial", folder: false)
        }
        return p
    }
    private var registered: Set<String> = []

    /// Renames the staging folder to its final name.
    public func commit() throws {
        if access(finalPath, F_OK) == 0 { throw OutputError.outputExists(finalPath) }
        let mask = umask(0o022)
        umask(mask)
        chmod(stagingPath, 0o777 & ~mask)
        guard rename(stagingPath, finalPath) == 0 else {
            throw OutputError.io("cannot rename \(stagingPath) to \(finalPath): \(String(cString: strerror(errno)))")
        }
        committed = true
        SignalCleanup.unregister(under: stagingPath)
    }

    deinit {
        if !committed && !resumable { removeTree(stagingPath) }
        SignalCleanup.unregister(under: stagingPath)
    }
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
