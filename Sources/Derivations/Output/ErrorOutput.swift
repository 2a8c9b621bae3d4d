/// The line a command prints on standard error when it fails. An error that already says
/// where it is (a model file's `file:line:column: error: …`) is printed as it is; every other
/// error is prefixed with `error: `.
public func errorMessage(_ error: any Error) -> String {
    if let e = error as? ModelError { return e.description }
    return "error: \(error)"
}
