#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Removes the staging folders of unfinished output when the process is interrupted
/// (SIGINT, SIGTERM, SIGHUP), then dies of the signal as it would have without a handler.
///
/// A signal handler may only make async-signal-safe calls (no malloc, no opendir), so every
/// path it removes is registered beforehand as a C string in a fixed table: a staging
/// folder when it is made (`StagedFolder.init`), each file when its path is asked for
/// (`StagedFolder.path`, with the `.partial` name `writeFileAtomically` uses). The handler
/// unlinks the files, then removes the folders; nothing else.
enum SignalCleanup {
    /// Slots of the table: a path (strdup'ed, never freed while registered) and whether it is a folder.
    static let capacity = 1024
    nonisolated(unsafe) static let paths: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let p = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        p.initialize(repeating: nil, count: capacity)
        return p
    }()
    nonisolated(unsafe) static let isFolder: UnsafeMutablePointer<Bool> = {
        let p = UnsafeMutablePointer<Bool>.allocate(capacity: capacity)
        p.initialize(repeating: false, count: capacity)
        return p
    }()
    nonisolated(unsafe) private static let lock: UnsafeMutablePointer<pthread_mutex_t> = {
        let m = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(m, nil)
        return m
    }()
    nonisolated(unsafe) private static var installed = false

    /// Registers `path`; the handler removes it unless `unregister` ran first.
    static func register(_ path: String, folder: Bool) {
        installIfNeeded()
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        for k in 0..<capacity where paths[k] == nil {
            isFolder[k] = folder
            paths[k] = strdup(path)  // published last: the handler reads a whole entry or none
            return
        }
        // A full table only means this path is not removed on a signal (1 024 live paths).
    }

    /// Forgets every registered path that is `prefix` or lies inside it (after a commit or
    /// a normal removal).
    static func unregister(under prefix: String) {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        for k in 0..<capacity {
            guard let p = paths[k] else { continue }
            let s = String(cString: p)
            if s == prefix || s.hasPrefix(prefix + "/") {
                paths[k] = nil
                free(p)
            }
        }
    }

    private static func installIfNeeded() {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        if installed { return }
        installed = true
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            // A signal the parent ignores stays ignored (`nohup keldysh scan …` must survive
            // the hangup); the others get the handler and are unblocked in this thread, so a
            // mask inherited from the launcher (a test runner's) cannot hold them back.
            let previous = signal(sig, signalCleanupHandler)
            if unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { signal(sig, SIG_IGN) } else { sigaddset(&unblock, sig) }
        }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }
}

/// The handler: async-signal-safe calls only (unlink, rmdir, signal, raise).
private func signalCleanupHandler(_ sig: Int32) {
    let table = SignalCleanup.paths, folders = SignalCleanup.isFolder
    for pass in 0..<2 {
        for k in 0..<SignalCleanup.capacity {
            guard let p = table[k] else { continue }
            if folders[k] == (pass == 1) {
                if pass == 0 { unlink(p) } else { rmdir(p) }
            }
        }
    }
    signal(sig, SIG_DFL)
    raise(sig)
}
