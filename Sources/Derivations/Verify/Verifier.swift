import Algebra
import FieldTheory
import Foundation
import Symbolic

/// Re-derives everything the manifest `verify.kd` of a derivation folder names and compares
/// it with the transcribed equations (docs/verify.md describes the manifest).
///
/// `steps`: the step kinds the manifest may name (`StepRegistry.standard` and any registered).
public func verifyDerivation(directory: String, manifest: String = "verify.kd",
                             steps: StepRegistry = .standard) throws(ModelError) -> VerificationReport {
    var folder = URL(fileURLWithPath: directory)
    var path = folder.appendingPathComponent(manifest).path
    // The manifest's own path names its folder (`keldysh verify derivations/003-…/verify.kd`).
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), !isDirectory.boolValue {
        path = folder.path
        folder = folder.deletingLastPathComponent()
    }
    let text = try readModelText(path)
    var verifier = Verifier(folder: folder, manifestPath: path, source: ModelSource(file: path, text: text), steps: steps)
    return try verifier.run(directoryName: folder.lastPathComponent)
}

struct Verifier {
    let folder: URL
    let manifestPath: String
    let source: ModelSource
    let steps: StepRegistry
    var model: Model?
    var context: StepContext?
    var display: VariableDisplay?
    var title: String?
    var items: [VerificationItem] = []
    var errata: [(label: String, text: String, at: Fragment)] = []

    init(folder: URL, manifestPath: String, source: ModelSource, steps: StepRegistry) {
        self.folder = folder
        self.manifestPath = manifestPath
        self.source = source
        self.steps = steps
    }

    mutating func run(directoryName: String) throws(ModelError) -> VerificationReport {
        try read()
        if items.isEmpty {
            throw ModelError(file: manifestPath, line: 1, column: 1, message: "the manifest transcribes no equation")
        }
        return try applyErrata(directoryName: directoryName)
    }

    /// Reads every statement in order: runs the steps and compares the transcriptions.
    mutating func read() throws(ModelError) {
        for s in source.statements {
            let (word, rest) = s.whole.splitWord()
            switch word.text {
            case "title": title = rest.text
            case "model": try loadModel(rest)
            case "define": try define(rest)
            case "equation": try equation(rest, line: word)
            case "matrix": try matrix(rest, line: word)
            case "value": try value(rest, line: word)
            case "erratum":
                let (label, body) = try labelled(rest)
                errata.append((label.text, body.text, label))
            default:
                guard let kind = steps.kind(word.text) else {
                    throw word.error("unknown statement '\(word.text)' (expected title, model, define, "
                                     + steps.kinds.map { $0.keyword }.joined(separator: ", ") + ", equation, matrix, value or erratum)")
                }
                try step(kind, rest)
            }
        }
    }

    /// The records of the steps of a manifest text read in `folder` (what tests inspect).
    static func steps(_ text: String, folder: URL, registry: StepRegistry = .standard) throws(ModelError) -> [StepRecord] {
        var v = Verifier(folder: folder, manifestPath: "<steps>", source: ModelSource(file: "<steps>", text: text), steps: registry)
        try v.read()
        return v.context?.results ?? []
    }

    private func requireModel(_ at: Fragment) throws(ModelError) -> Model {
        guard let model else { throw at.error("no model yet: start the manifest with `model FILE.kd`") }
        return model
    }

    private mutating func loadModel(_ rest: Fragment) throws(ModelError) {
        if rest.isEmpty { throw rest.error("expected `model FILE.kd`") }
        // A derivation folder is self-contained: its manifest names a model inside it, never
        // one elsewhere (`../x.kd`, `/etc/passwd`), so a folder verifies the same wherever it
        // is copied and never reads outside itself.
        let components = rest.text.split(separator: "/", omittingEmptySubsequences: false)
        if rest.text.hasPrefix("/") || components.contains("..") {
            throw rest.error("the model file must be inside the derivation folder (a path relative to it, without '..')")
        }
        let path = folder.appendingPathComponent(rest.text).path
        guard FileManager.default.fileExists(atPath: path) else { throw rest.error("no model file '\(rest.text)' in \(folder.path)") }
        // Errors in the model name it by the path from here, so an editor can jump to them.
        let shown = folder.relativePath == "." ? rest.text : (folder.relativePath as NSString).appendingPathComponent(rest.text)
        let m = try Model.parse(readModelText(path), file: shown)
        model = m
        context = StepContext(model: m, folder: folder, results: [])
    }

    private mutating func define(_ rest: Fragment) throws(ModelError) {
        var m = try requireModel(rest)
        guard let eq = rest.find("=") else { throw rest.error("expected `define NAME = expression`", at: rest.end) }
        let name = rest.sub(rest.start, eq).trimmed
        let value = try m.scope.expression(rest.sub(eq + 1, rest.end))
        try m.scope.define(name.text, value, at: name)
        model = m
        context?.model = m
    }

    /// `LABEL: rest`.
    private func labelled(_ f: Fragment) throws(ModelError) -> (Fragment, Fragment) {
        guard let colon = f.find(":") else { throw f.error("expected `LABEL: …`", at: f.end) }
        let label = f.sub(f.start, colon).trimmed
        if label.isEmpty || label.containsSpace { throw label.error("expected a label such as A1 or A1.a") }
        return (label, f.sub(colon + 1, f.end).trimmed)
    }

    private mutating func step(_ kind: any DerivationStep.Type, _ rest: Fragment) throws(ModelError) {
        let m = try requireModel(rest)
        let (label, args) = try labelled(rest)
        if context!.results.contains(where: { $0.label == label.text }) { throw label.error("step '\(label.text)' is defined twice") }
        let (results, derivation) = try kind.run(StepArguments(fragment: args), in: context!)
        context!.results.append(StepRecord(label: label.text, keyword: kind.keyword, results: results, derivation: derivation))
        if !results.names.isEmpty || !results.functions.isEmpty {
            var scoped = m
            for (name, value) in results.names.sorted(by: { $0.key < $1.key }) where scoped.scope.declared[name] == nil {
                try scoped.scope.define(name, value, at: label)
            }
            for f in results.functions where scoped.scope.declared[f.name] == nil {
                try scoped.scope.claim(f.name, at: label)
                scoped.scope.context.declare(f)
            }
            model = scoped
            context!.model = scoped
        }
        if let mf = derivation as? MeanFieldSystem { display = VariableDisplay(mf, algebra: m.system.algebra, latexNames: m.scope.latexNames) }
    }

    /// The results of the step a transcription label names (`A1` of `A1.a`), or of the most
    /// recent step satisfying `fallback`.
    private func results(for label: String, fallback: (DerivedResults) -> Bool)
        -> (label: String, results: DerivedResults)? {
        let results = context?.results ?? []
        let prefix = label.split(separator: ".").first.map(String.init) ?? label
        if let r = results.last(where: { $0.label == label || $0.label == prefix }) { return (r.label, r.results) }
        if let r = results.last(where: { fallback($0.results) }) { return (r.label, r.results) }
        return nil
    }

    private func showText(_ e: Expr) -> String { display?.showText(e) ?? e.text(context: ParseContext()) }
    // The two-time names of the self-energy steps (Q_bb^(1,2)(t, t')) typeset as the paper does.
    private func showLatex(_ e: Expr) -> String { display?.showLatex(e) ?? BilocalLatex.display(e).latex(options: LatexOptions()) }

    private func compare(_ name: String, derived: Expr, printed: Expr) -> VerificationEntry {
        let c = Comparison(derived: derived, printed: printed, seed: Comparison.seed(name))
        var note = c.numericNote
        if c.symbolic != (c.numeric ?? c.symbolic) {
            note = "the symbolic and the numeric check disagree" + (note.map { "; " + $0 } ?? "")
        }
        // A difference too large to reduce is reported as nonzero, with the reason, not printed.
        let text = c.symbolicNote.map { "≠ 0 (\($0))" } ?? showText(c.difference)
        let latex = c.symbolicNote == nil ? showLatex(c.difference) : "\\neq 0"
        return VerificationEntry(name: name, status: c.agrees ? .identical : .differs, symbolic: c.symbolic,
                                 numeric: c.numeric, maxRelativeDifference: c.maxRelativeDifference,
                                 numericDigits: c.numericDigits, differenceText: c.agrees ? "" : text,
                                 differenceLatex: c.agrees ? "" : latex, note: note,
                                 symbolicMethod: c.symbolicMethod, numericMethod: c.numericMethod)
    }

    private mutating func add(_ name: String, _ kind: String, _ line: Fragment, _ entries: [VerificationEntry],
                              notDerived: String? = nil) {
        let status: VerificationStatus = notDerived != nil ? .notDerived
            : (entries.allSatisfy { $0.status == .identical } ? .identical : .differs)
        items.append(VerificationItem(name: name, kind: kind, line: line.error("").line, status: status,
                                      entries: entries, note: notDerived))
    }

    /// `equation LABEL: d<X>/dt = RHS`.
    private mutating func equation(_ rest: Fragment, line: Fragment) throws(ModelError) {
        let m = try requireModel(rest)
        let (label, body) = try labelled(rest)
        guard let eq = body.find("=") else { throw body.error("expected `d<X>/dt = …`", at: body.end) }
        let lhs = body.sub(body.start, eq).trimmed
        let t = lhs.text
        guard t.hasPrefix("d"), t.hasSuffix("/dt"), lhs.end - lhs.start > 4 else {
            throw lhs.error("expected the left-hand side `d<X>/dt` (X an operator, e.g. d<a>/dt, d<Sz>/dt)")
        }
        let variable = try m.scope.expression(lhs.sub(lhs.start + 1, lhs.end - 3))
        guard isAtom(variable) else { throw lhs.error("`\(t)`: <X> must be one mean-field variable") }
        let printed = try m.scope.expression(body.sub(eq + 1, body.end))
        guard let (_, r) = results(for: label.text, fallback: { !$0.equations.isEmpty }) else {
            add(label.text, "equation", line, [], notDerived: "no derivation step produces equations")
            return
        }
        if let failure = r.failure { add(label.text, "equation", line, [], notDerived: failure); return }
        guard let derived = r.equations[variable] else {
            add(label.text, "equation", line, [], notDerived: "the derivation has no equation for \(showText(variable))")
            return
        }
        add(label.text, "equation", line, [compare(label.text, derived: derived, printed: printed)])
    }

    /// `matrix LABEL = [ a, b, …; c, d, … ]`.
    private mutating func matrix(_ rest: Fragment, line: Fragment) throws(ModelError) {
        let m = try requireModel(rest)
        guard let eq = rest.find("=") else { throw rest.error("expected `matrix LABEL = [ …; … ]`", at: rest.end) }
        let label = rest.sub(rest.start, eq).trimmed
        let body = rest.sub(eq + 1, rest.end).trimmed
        guard body.starts(with: "["), body.ends(with: "]") else {
            throw body.error("expected the matrix in brackets: [ a, b; c, d ] (rows separated by ';')")
        }
        let inner = body.sub(body.start + 1, body.end - 1)
        var printed: [[Expr]] = []
        var rows: [Fragment] = inner.split(";")
        if rows.last?.isEmpty == true { rows.removeLast() }
        for row in rows {
            var entries: [Expr] = []
            for e in row.split(",") { entries.append(try m.scope.expression(e)) }
            if let first = printed.first, first.count != entries.count {
                throw row.error("this row has \(entries.count) entries, the first has \(first.count)")
            }
            printed.append(entries)
        }
        guard let (_, r) = results(for: label.text, fallback: { $0.matrix != nil }) else {
            add(label.text, "matrix", line, [], notDerived: "no derivation step produces a matrix")
            return
        }
        if let failure = r.failure { add(label.text, "matrix", line, [], notDerived: failure); return }
        guard let derived = r.matrix else {
            add(label.text, "matrix", line, [], notDerived: "step \(label.text) produces no matrix")
            return
        }
        guard derived.count == printed.count, derived.first?.count == printed.first?.count else {
            add(label.text, "matrix", line, [], notDerived: "the derived matrix is \(derived.count)×\(derived.first?.count ?? 0), "
                + "the printed one \(printed.count)×\(printed.first?.count ?? 0)")
            return
        }
        var entries: [VerificationEntry] = []
        for r in 0..<derived.count {
            for c in 0..<derived[r].count {
                entries.append(compare("\(label.text)(\(r + 1),\(c + 1))", derived: derived[r][c], printed: printed[r][c]))
            }
        }
        add(label.text, "matrix", line, entries)
    }

    /// `value LABEL.NAME = expr`: a named value of a step (a steady state's component, a threshold).
    private mutating func value(_ rest: Fragment, line: Fragment) throws(ModelError) {
        let m = try requireModel(rest)
        guard let eq = rest.find("=") else { throw rest.error("expected `value STEP.NAME = expression`", at: rest.end) }
        let label = rest.sub(rest.start, eq).trimmed
        let parts = label.text.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { throw label.error("expected `STEP.NAME` (the step's label, then the value's name)") }
        let printed = try m.scope.expression(rest.sub(eq + 1, rest.end))
        guard let r = context?.results.last(where: { $0.label == parts[0] })?.results else {
            throw label.error("no step labelled '\(parts[0])' before this line")
        }
        if let failure = r.failure { add(label.text, "value", line, [], notDerived: failure); return }
        guard let derived = r.values[parts[1]] else {
            add(label.text, "value", line, [], notDerived: "step \(parts[0]) derives no value '\(parts[1])' (it has: "
                + r.values.keys.sorted().joined(separator: ", ") + ")")
            return
        }
        add(label.text, "value", line, [compare(label.text, derived: derived, printed: printed)])
    }

    /// Items whose differences are all recorded errata become `erratum`.
    private func applyErrata(directoryName: String) throws(ModelError) -> VerificationReport {
        var out: [VerificationItem] = []
        var used = Set<String>()
        var stale: [String] = []
        for e in errata {
            let known = items.contains { $0.name == e.label || $0.entries.contains { $0.name == e.label } }
            if !known { throw e.at.error("the erratum names '\(e.label)', which no transcription defines") }
        }
        for item in items {
            let forItem = errata.first { $0.label == item.name }
            let differing = item.entries.filter { $0.status == .differs }
            if item.status == .differs {
                let covered = differing.allSatisfy { d in forItem != nil || errata.contains { $0.label == d.name } }
                if covered {
                    let texts = (forItem.map { [$0.text] } ?? []) + differing.compactMap { d in errata.first { $0.label == d.name }?.text }
                    differing.forEach { used.insert($0.name) }
                    used.insert(item.name)
                    out.append(VerificationItem(name: item.name, kind: item.kind, line: item.line, status: .erratum,
                                                entries: item.entries.map { $0.status == .differs ? $0.asErratum : $0 },
                                                note: Array(Set(texts)).sorted().joined(separator: "; ")))
                    continue
                }
            }
            out.append(item)
        }
        for e in errata where !used.contains(e.label) {
            if items.contains(where: { ($0.name == e.label || $0.entries.contains { $0.name == e.label }) && $0.status != .notDerived }) {
                stale.append(e.label)
            }
        }
        return VerificationReport(directory: directoryName, manifest: URL(fileURLWithPath: manifestPath).lastPathComponent,
                                  title: title, items: out, staleErrata: stale)
    }
}

extension VerificationEntry {
    var asErratum: VerificationEntry {
        VerificationEntry(name: name, status: .erratum, symbolic: symbolic, numeric: numeric,
                          maxRelativeDifference: maxRelativeDifference, numericDigits: numericDigits,
                          differenceText: differenceText,
                          differenceLatex: differenceLatex, note: note,
                          symbolicMethod: symbolicMethod, numericMethod: numericMethod)
    }
}
