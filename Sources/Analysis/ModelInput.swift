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

    /// Reads and derives `path`. `divideRows` ("k=EXPR", 1-based) divides row k of the
    /// stability matrix by EXPR — the Gilbert-damping variant (C1) of 003 divides the
    /// first two rows by 1 ± iκ/2.
    public static func load(path: String, needMatrix: Bool, divideRows: [String] = []) throws -> ModelInput {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw AnalysisError.io("\(path):1:1: error: cannot read the model file (\(error.localizedDescription))")
        }
        // The derivation depends only on the text (and the file name, in messages) and options.
        let key = [path, text, needMatrix ? "matrix" : "", divideRows.joined(separator: "\u{1}")].joined(separator: "\u{0}")
        return try AnalysisCache.model(key) { try derive(path: path, text: text, needMatrix: needMatrix, divideRows: divideRows) }
    }

    static func derive(path: String, text: String, needMatrix: Bool, divideRows: [String]) throws -> ModelInput {
        let model: Model
        let derivation: ModelDerivation
        do {
            model = try Model.parse(text, file: path)
            derivation = try model.derive(linearize: needMatrix)
        } catch {
            throw AnalysisError.io(error.description)
        }
        let variables = Set(derivation.meanField.variables.compactMap(\.symbol))
        var names = Set<Symbol>()
        for e in derivation.meanField.equations { for s in e.rhs.freeSymbols where !variables.contains(s) && !s.info.isFunction { names.insert(s) } }
        var matrix = derivation.linearization?.stabilityMatrix
        if let m = matrix { for e in m.entries { for s in e.freeSymbols where !s.info.isFunction { names.insert(s) } } }
        let parse: @Sendable (String) throws -> Expr = { t in try model.expression(t, origin: "command line") }
        let context = ParameterContext(symbols: names, parser: parse)
        if !divideRows.isEmpty {
            guard var m = matrix else { throw AnalysisError.numerical("--divide-row needs a stability matrix") }
            for spec in divideRows {
                guard let eq = spec.firstIndex(of: "="), let k = Int(spec[..<eq].trimmingWhitespace), k >= 1, k <= m.rows else {
                    throw AnalysisError.badAssignment(spec, reason: "expected ROW=EXPR with 1 ≤ ROW ≤ \(m.rows)")
                }
                let d = try context.parse(String(spec[spec.index(after: eq)...]), what: spec)
                m = Matrix(rows: m.rows, columns: m.columns) { i, j in i == k - 1 ? m[i, j] / d : m[i, j] }
            }
            matrix = m
            for e in m.entries { for s in e.freeSymbols where !s.info.isFunction { names.insert(s) } }
        }
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
