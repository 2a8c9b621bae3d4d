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
        let variables = Set(derivation.meanField.variables.compactMap(\.symbol))
        var names = Expr.freeSymbols(of: derivation.meanField.equations.map(\.rhs))
            .filter { !variables.contains($0) && !$0.info.isFunction }
        let matrix = derivation.linearization?.stabilityMatrix
        if let m = matrix { names.formUnion(Expr.freeSymbols(of: m.entries).filter { !$0.info.isFunction }) }
        return ModelInput(model: model, meanField: derivation.meanField, stabilityMatrix: matrix,
                          parameters: ParameterContext(symbols: names, model: model))
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
func readModelText(_ path: String) throws(ModelError) -> String {
    do {
        return try String(contentsOfFile: path, encoding: .utf8)
    } catch {
        throw ModelError(file: path, line: 1, column: 1, message: "cannot read the file (\(error.localizedDescription))")
    }
}
