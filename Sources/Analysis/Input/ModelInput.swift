import Foundation
import Algebra
import Symbolic

/// A model file read for analysis: its mean-field equations, the stability matrix about
/// its `steady` point, and its parameter names.
public struct ModelInput: @unchecked Sendable {
    public let model: Model
    public let meanField: MeanFieldSystem
    /// The stability matrix (nil when the model gives no steady point / variable order).
    public let stabilityMatrix: Matrix?
    public let parameters: ParameterContext

    /// Reads and derives `path` (equations changed by the model's statements, such as
    /// `gilbert`, are changed in both the mean-field equations and the matrix).
    public static func load(path: String, needMatrix: Bool) throws -> ModelInput {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw AnalysisError.io("\(path):1:1: error: cannot read the model file (\(error.localizedDescription))")
        }
        // The derivation depends only on the text (and the file name, in messages) and options.
        let key = [path, text, needMatrix ? "matrix" : ""].joined(separator: "\u{0}")
        return try AnalysisCache.model(key) { try derive(path: path, text: text, needMatrix: needMatrix) }
    }

    static func derive(path: String, text: String, needMatrix: Bool) throws -> ModelInput {
        let model: Model
        let derivation: ModelDerivation
        do {
            model = try Model.parse(text, file: path)
            derivation = try model.derive(linearize: needMatrix)
        } catch {
            throw AnalysisError.io(error.description)
        }
        let variables = Set(derivation.meanField.variables.compactMap(\.symbol))
        var names = Expr.freeSymbols(of: derivation.meanField.equations.map(\.rhs))
            .filter { !variables.contains($0) && !$0.info.isFunction }
        let matrix = derivation.linearization?.stabilityMatrix
        if let m = matrix { names.formUnion(Expr.freeSymbols(of: m.entries).filter { !$0.info.isFunction }) }
        let parse: @Sendable (String) throws -> Expr = { t in try model.expression(t, origin: "command line") }
        return ModelInput(model: model, meanField: derivation.meanField, stabilityMatrix: matrix,
                          parameters: ParameterContext(symbols: names, parser: parse))
    }

    /// The stability matrix or an error saying what the model lacks.
    public func requireMatrix() throws -> Matrix {
        guard let m = stabilityMatrix else {
            throw AnalysisError.numerical("\(model.file): the model has no `steady` point and `variables` order to linearise about")
        }
        return m
    }
}
