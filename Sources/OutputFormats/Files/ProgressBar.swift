#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
