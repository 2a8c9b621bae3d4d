#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Compiles C source to a shared object with the toolchain's C compiler and loads it,
/// caching objects by a hash of the source (and compiler and flags) so a second run, or a
/// second evaluator of the same expressions, skips the compiler. This is the approach of
/// GiNaC's excompiler.
///
/// The compiler is `$KELDYSH_CC`, else `/opt/swift/usr/bin/clang`, else the first of
/// `clang`, `cc`, `gcc` on PATH. The cache is `$KELDYSH_JIT_CACHE`, else
/// `$XDG_CACHE_HOME/keldyshkit/jit`, else `~/.cache/keldyshkit/jit`, else `/tmp/keldyshkit-jit`.
public struct NativeCompiler: Sendable {
    public var compilerPath: String
    public var cacheDirectory: String
    public var flags: [String]

    public enum Failure: Error, Sendable, CustomStringConvertible {
        case noCompiler
        case cacheDirectory(String)
        case compilation(String)
        case loading(String)

        public var description: String {
            switch self {
            case .noCompiler: return "no C compiler found (set KELDYSH_CC)"
            case .cacheDirectory(let p): return "cannot create the JIT cache directory \(p)"
            case .compilation(let log): return "the C compiler failed: \(log)"
            case .loading(let why): return "cannot load the compiled object: \(why)"
            }
        }
    }

    /// The default compiler and cache, or nil when no compiler is found.
    public static func standard() -> NativeCompiler? {
        guard let cc = findCompiler() else { return nil }
        return NativeCompiler(compilerPath: cc, cacheDirectory: defaultCacheDirectory(),
                              flags: ["-O2", "-fPIC", "-shared", "-march=native", "-fno-math-errno"])
    }

    public init(compilerPath: String, cacheDirectory: String, flags: [String]) {
        self.compilerPath = compilerPath
        self.cacheDirectory = cacheDirectory
        self.flags = flags
    }

    /// Path of the shared object for `source`, compiling it unless it is cached.
    /// `wasCached` tells which happened.
    public func sharedObject(for source: String) throws(Failure) -> (path: String, wasCached: Bool) {
        var h = fnv1a(source)
        h = fnv1a(compilerPath, h)
        for f in flags { h = fnv1a(f, h) }
        let stem = cacheDirectory + "/kk_" + hex(h)
        let object = stem + ".so"
        if access(object, R_OK) == 0 { return (object, true) }
        try makeDirectories(cacheDirectory)
        let unique = "\(getpid())_\(UInt64.random(in: 0...UInt64.max))"
        let sourcePath = stem + "_" + unique + ".c"
        let temporary = stem + "_" + unique + ".so.tmp"
        let logPath = stem + "_" + unique + ".log"
        defer { unlink(logPath) }
        guard writeFile(sourcePath, source) else { throw .cacheDirectory(cacheDirectory) }
        let status = run([compilerPath] + flags + ["-o", temporary, sourcePath, "-lm"], log: logPath)
        guard status == 0 else {
            unlink(temporary)
            unlink(sourcePath)
            throw .compilation(readFile(logPath) ?? "exit status \(status)")
        }
        // The source stays next to its object, for reading what was compiled. Rename is
        // atomic: a concurrent process sees either no object or a complete one.
        rename(sourcePath, stem + ".c")
        guard rename(temporary, object) == 0 else { unlink(temporary); throw .cacheDirectory(cacheDirectory) }
        return (object, false)
    }

    static func findCompiler() -> String? {
        if let cc = environment("KELDYSH_CC"), !cc.isEmpty {
            return access(cc, X_OK) == 0 ? cc : searchPath(cc)
        }
        if access("/opt/swift/usr/bin/clang", X_OK) == 0 { return "/opt/swift/usr/bin/clang" }
        for name in ["clang", "cc", "gcc"] { if let p = searchPath(name) { return p } }
        return nil
    }

    static func defaultCacheDirectory() -> String {
        if let d = environment("KELDYSH_JIT_CACHE"), !d.isEmpty { return d }
        if let x = environment("XDG_CACHE_HOME"), !x.isEmpty { return x + "/keldyshkit/jit" }
        if let home = environment("HOME"), !home.isEmpty { return home + "/.cache/keldyshkit/jit" }
        return "/tmp/keldyshkit-jit"
    }

    private static func environment(_ name: String) -> String? {
        guard let p = getenv(name) else { return nil }
        return String(cString: p)
    }

    private static func searchPath(_ name: String) -> String? {
        if name.contains("/") { return access(name, X_OK) == 0 ? name : nil }
        guard let path = environment("PATH") else { return nil }
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    private func makeDirectories(_ path: String) throws(Failure) {
        var prefix = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            prefix += "/" + part
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST { throw .cacheDirectory(path) }
        }
    }

    /// Runs a program (no shell), its stdout and stderr appended to `log`; returns the exit status.
    private func run(_ arguments: [String], log: String) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, arguments[0], &actions, nil, &argv, environ)
        guard spawned == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS by hand (they are macros).
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
    }

    private func writeFile(_ path: String, _ text: String) -> Bool {
        guard let f = fopen(path, "w") else { return false }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, f) }
        return fclose(f) == 0 && written == bytes.count
    }

    private func readFile(_ path: String) -> String? {
        guard let f = fopen(path, "r") else { return nil }
        defer { fclose(f) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = fread(&buffer, 1, buffer.count, f)
            if n <= 0 { break }
            bytes += buffer[0..<n]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

func fnv1a(_ s: String, _ seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
    var h = seed
    for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
    return h
}

private func hex(_ v: UInt64) -> String {
    let s = String(v, radix: 16)
    return String(repeating: "0", count: 16 - s.count) + s
}
