#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Algebra
import Analysis
import Foundation
import Symbolic

/// A model file read for analysis: its mean-field equations, the stability matrix about
/// its `steady` point, and its parameter names.
public struct ModelInput: @unchecked Sendable {
    public let model: Model
    public let meanField: MeanFieldSystem
    /// The stability matrix (nil when the model gives no steady point / variable order).
    public let stabilityMatrix: Matrix?
    public let parameters: ParameterContext

    /// The derivations of model files already read, keyed by path, text and options (the
    /// derivation depends on nothing else; the path only appears in messages).
    private static let memo = BoundedMemo<String, ModelInput>(capacity: AnalysisCache.capacity)

    /// Reads and derives `path` (equations changed by the model's statements, such as
    /// `gilbert`, are changed in both the mean-field equations and the matrix). Every error
    /// is a `ModelError` at its file:line:column.
    public static func load(path: String, needMatrix: Bool) throws(ModelError) -> ModelInput {
        let text = try readModelText(path)
        let key = [path, text, needMatrix ? "matrix" : ""].joined(separator: "\u{0}")
        do {
            return try memo.value(key) { try derive(path: path, text: text, needMatrix: needMatrix) }
        } catch let e as ModelError {
            throw e
        } catch {
            throw ModelError(file: path, line: 1, column: 1, message: "\(error)", cause: error)
        }
    }

    public static func derive(path: String, text: String, needMatrix: Bool) throws(ModelError) -> ModelInput {
        let model = try Model.parse(text, file: path)
        let derivation = try model.derive(linearize: needMatrix)
        return ModelInput(model: model, meanField: derivation.meanField, stabilityMatrix: derivation.linearization?.stabilityMatrix,
                          parameters: parameterContext(of: derivation))
    }

    /// The names `--set` may give values to: the symbols of the equations (and of the matrix)
    /// that are not mean-field variables, read over the model's own names.
    static func parameterContext(of derivation: ModelDerivation) -> ParameterContext {
        let variables = Set(derivation.meanField.variables.compactMap(\.symbol))
        var names = Expr.freeSymbols(of: derivation.meanField.equations.map(\.rhs))
            .filter { !variables.contains($0) && !$0.info.isFunction }
        if let m = derivation.linearization?.stabilityMatrix {
            names.formUnion(Expr.freeSymbols(of: m.entries).filter { !$0.info.isFunction })
        }
        return ParameterContext(symbols: names, model: derivation.model)
    }

    /// The stability matrix or an error saying what the model lacks.
    public func requireMatrix() throws -> Matrix {
        guard let m = stabilityMatrix else {
            throw AnalysisError.numerical("\(model.file): the model has no `steady` point and `variables` order to linearise about")
        }
        return m
    }
}

/// Reads a model or manifest file; a missing or unreadable file is an error at its 1:1.
///
/// What is at the path is asked first: Foundation reports a FIFO or a device as a permission
/// problem (and reading a FIFO waits for a writer), so anything but a regular file is named
/// for what it is and never opened.
func readModelText(_ path: String) throws(ModelError) -> String {
    func fail(_ why: String) -> ModelError { ModelError(file: path, line: 1, column: 1, message: "cannot read the file (\(why))") }
    var st = stat()
    guard stat(path, &st) == 0 else { throw fail(String(cString: strerror(errno))) }
    switch st.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: throw fail("it is a folder")
    case S_IFIFO: throw fail("it is a named pipe (FIFO), not a regular file")
    case S_IFCHR, S_IFBLK: throw fail("it is a device, not a regular file")
    case S_IFSOCK: throw fail("it is a socket, not a regular file")
    default: throw fail("not a regular file")
    }
    guard access(path, R_OK) == 0 else { throw fail(String(cString: strerror(errno))) }
    do {
        return try String(contentsOfFile: path, encoding: .utf8)
    } catch {
        throw fail("not UTF-8 text, or \(error.localizedDescription)")
    }
}
