import Algebra
import Foundation
import Symbolic

/// The arguments of a step split at top-level `;` into a main part and clauses, each clause
/// named by its first word: `a, Sz, S- where eta = 0; constraint …; values …`.
///
/// Clauses every step kind accepts:
/// * `where P = V, …` — parameters set in the model before the step derives anything;
/// * `from FILE` — derive from another model file of the derivation folder;
/// * `parameters NAME, … [: real|positive]` — new symbols for the step's values (Ω);
/// * `values NAME = EXPR, …` — named values of the step for `value LABEL.NAME` lines
///   (`StepValues` lists what EXPR may use).
struct StepClauses {
    let main: Fragment?
    private var clauses: [String: Fragment] = [:]
    let all: Fragment

    /// `keywords`: the clause names the step accepts besides the common ones; `main`: whether
    /// the first part is a main argument (an operator list) rather than a clause.
    init(_ args: Fragment, keywords: Set<String>, main hasMain: Bool) throws(ModelError) {
        all = args
        let accepted = keywords.union(["where", "from", "parameters", "values"])
        var parts = args.split(";")
        if parts.last?.isEmpty == true { parts.removeLast() }
        if hasMain {
            guard let first = parts.first, !first.isEmpty else { throw args.error("expected the step's operators first") }
            main = first
            parts.removeFirst()
        } else {
            main = nil
        }
        for p in parts {
            let (word, rest) = p.splitWord()
            guard accepted.contains(word.text) else {
                throw word.error("unknown clause '\(word.text)' (this step takes: " + accepted.sorted().joined(separator: ", ") + ")")
            }
            if clauses[word.text] != nil { throw word.error("the clause '\(word.text)' is given twice") }
            if rest.isEmpty { throw word.error("the clause '\(word.text)' is empty") }
            clauses[word.text] = rest
        }
    }

    subscript(_ keyword: String) -> Fragment? { clauses[keyword] }

    /// The model the step derives from: the manifest's, or `from FILE`'s, with `where` applied.
    func model(_ context: StepContext) throws(ModelError) -> Model {
        var m = context.model
        if let file = self["from"] {
            let path = context.folder.appendingPathComponent(file.text).path
            guard FileManager.default.fileExists(atPath: path) else {
                throw file.error("no model file '\(file.text)' in \(context.folder.path)")
            }
            let shown = context.folder.relativePath == "." ? file.text
                : (context.folder.relativePath as NSString).appendingPathComponent(file.text)
            m = try Model.parse(readModelText(path), file: shown)
        }
        guard let restriction = self["where"] else { return m }
        var values: [Symbol: Expr] = [:]
        for item in restriction.split(",") {
            guard let eq = item.find("=") else { throw item.error("expected `PARAMETER = value`", at: item.end) }
            let name = item.sub(item.start, eq).trimmed
            guard let s = m.scope.expression(parameter: name) else {
                throw name.error("'\(name.text)' is not a parameter of \(m.file)")
            }
            values[s] = try m.scope.expression(item.sub(eq + 1, item.end))
        }
        do { return try m.restricted(values) } catch { throw restriction.error(wrapping: error) }
    }
}

extension ModelScope {
    /// The parameter symbol a name stands for (nil for operators, definitions and unknown names).
    func expression(parameter name: Fragment) -> Symbol? {
        guard operators[name.text] == nil, let s = context.symbol(named: name.text), meaning[s] == nil else { return nil }
        return s
    }
}
