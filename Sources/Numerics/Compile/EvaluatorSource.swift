import Symbolic

/// Target language of `evaluatorSource`.
public enum EvaluatorLanguage: String, Sendable, CaseIterable {
    case c, swift
}

/// Why `evaluatorSource` produced no source.
public enum EvaluatorSourceError: Error, Sendable, CustomStringConvertible {
    case parameters(ParseError)
    /// A parse error in the expression text (line and column within the text).
    case expression(ParseError)
    case compile(CompileError)
    case empty

    public var description: String {
        switch self {
        case .parameters(let e): return "in --params: \(e)"
        case .expression(let e): return "\(e)"
        case .compile(let e): return "\(e)"
        case .empty: return "no expression given"
        }
    }
}

/// Self-contained evaluator source for the expressions in `text` (one per non-empty line;
/// several lines give a vector of outputs), the engine of `keldysh codegen`.
///
/// `parameters` lists the parameters in input order with optional declarations, as the
/// CLI's `--assume`: `"x:real, y:positive, z"`. Undeclared parameters are complex (two
/// inputs) unless `assumeReal`.
public func evaluatorSource(_ text: String, parameters: String, language: EvaluatorLanguage,
                            assumeReal: Bool = false, functionName: String? = nil) throws(EvaluatorSourceError) -> String {
    var context = ParseContext()
    do { try context.declare(specification: parameters) } catch { throw .parameters(error) }
    let names = parameters.split(separator: ",").map {
        String($0.split(separator: ":", maxSplits: 1).first ?? "").trimmingCharacters(in: " \t")
    }
    let symbols = names.compactMap { context.symbol(named: $0) }
    var outputs: [Expr] = []
    for (k, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        guard line.contains(where: { !$0.isWhitespace }) else { continue }
        do {
            outputs.append(try parseExpr(String(line), context: context))
        } catch {
            throw .expression(ParseError(line: error.line + k, column: error.column, message: error.message))
        }
    }
    guard !outputs.isEmpty else { throw .empty }
    let f: CompiledFunction
    do {
        f = try CompiledFunction(outputs: outputs, rows: outputs.count, columns: 1, parameters: symbols,
                                 assumeRealParameters: assumeReal)
    } catch { throw .compile(error) }
    let real = f.isRealValued
    switch language {
    case .c: return CCodeGenerator.source(for: f, functionName: functionName ?? "kk_eval", realOutputs: real)
    case .swift: return SwiftCodeGenerator.source(for: f, functionName: functionName ?? "kkEval", realOutputs: real)
    }
}

private extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let c = s.first, set.contains(c) { s = s.dropFirst() }
        while let c = s.last, set.contains(c) { s = s.dropLast() }
        return String(s)
    }
}
