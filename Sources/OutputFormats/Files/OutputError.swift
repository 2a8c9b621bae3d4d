/// Why an output file or folder could not be written. The text is what a user needs to
/// fix it; the CLI prints `description` and exits non-zero.
public enum OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The output folder exists already (results are never overwritten).
    case outputExists(String)
    /// A file-system call failed (the message names the path and the system's reason).
    case io(String)

    public var description: String {
        switch self {
        case .outputExists(let path): return "output folder \(path) exists; remove it or choose another --out"
        case .io(let what): return what
        }
    }
}
