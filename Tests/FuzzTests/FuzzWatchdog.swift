import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The time and memory bound of one fuzz input. A thread looks at the input being run
/// every 20 ms; when it has run longer than `seconds`, or the process's resident memory
/// has passed `megabytes`, the input is a hang: it is written to
/// `$TMPDIR/keldysh-fuzz-<kind>-<index>.txt` and the run stops with a message that names
/// the file (the stuck computation cannot be cancelled, so the process ends). A crash ends
/// the process by itself. A run that finishes has therefore seen 0 crashes and 0 hangs;
/// `slowest` and `peakMegabytes` say how far from the bound it stayed.
final class FuzzWatchdog: @unchecked Sendable {
    let kind: String
    let seconds: Double
    let megabytes: Int
    private let lock = NSLock()
    private var index = -1
    private var text = ""
    private var started = 0.0
    private var finished = false
    private var slowestSeconds = 0.0
    private var slowestIndex = -1
    private var peak = 0

    /// `KELDYSH_FUZZ_SECONDS` and `KELDYSH_FUZZ_MEGABYTES` override the bounds.
    init(kind: String, seconds: Double = 30, megabytes: Int = 2_048) {
        let env = ProcessInfo.processInfo.environment
        self.kind = kind
        self.seconds = env["KELDYSH_FUZZ_SECONDS"].flatMap(Double.init) ?? seconds
        self.megabytes = env["KELDYSH_FUZZ_MEGABYTES"].flatMap(Int.init) ?? megabytes
        let thread = Thread { [self] in watch() }
        thread.start()
    }

    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }

    /// Resident memory of this process in MB (/proc/self/statm), 0 where unknown.
    static func residentMegabytes() -> Int {
        guard let s = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = s.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / (1 << 20)
    }

    func begin(_ k: Int, _ input: String) {
        lock.withLock {
            index = k
            text = input
            started = Self.now()
        }
    }

    func end() {
        lock.withLock {
            let t = Self.now() - started
            if t > slowestSeconds { slowestSeconds = t; slowestIndex = index }
            index = -1
        }
    }

    func stop() { lock.withLock { finished = true } }

    var slowest: (seconds: Double, index: Int) { lock.withLock { (slowestSeconds, slowestIndex) } }
    var peakMegabytes: Int { lock.withLock { peak } }

    private func watch() {
        while true {
            usleep(20_000)
            let rss = Self.residentMegabytes()
            let (k, input, elapsed, done): (Int, String, Double, Bool) = lock.withLock {
                peak = max(peak, rss)
                return (index, text, Self.now() - started, finished)
            }
            if done { return }
            guard k >= 0 else { continue }
            let why: String
            if elapsed > seconds {
                why = "ran longer than \(seconds) s"
            } else if rss > megabytes {
                why = "took the resident memory to \(rss) MB, past \(megabytes) MB"
            } else { continue }
            let path = NSTemporaryDirectory() + "keldysh-fuzz-\(kind)-\(k).txt"
            try? Data(input.utf8).write(to: URL(fileURLWithPath: path))
            fatalError("fuzz: HANG: \(kind) input \(k) \(why); it is in \(path): \(input.prefix(300).debugDescription)")
        }
    }
}
