import FieldTheory
import OutputFormats

/// `keldysh derive --steps`: every step of a Keldysh derivation with the paper's equation
/// numbers, what it did, and its result (text, LaTeX, or JSON with both).
public func render(_ d: KeldyshDerivation, format: OutputFormat) -> String {
    switch format {
    case .text:
        return d.records.map { r in
            "== \(r.step)" + (r.reference.map { " (\($0))" } ?? "") + ": \(r.summary)\n" + r.text
        }.joined(separator: "\n\n")
    case .latex:
        return d.records.map { r in
            "% \(r.step)" + (r.reference.map { " (\($0))" } ?? "") + ": \(r.summary)\n\\begin{equation}\n" + r.latex + "\n\\end{equation}"
        }.joined(separator: "\n")
    case .json:
        return JSONValue.object([
            ("model", .string(d.model.file)),
            ("steps", .array(d.records.map { r in
                .object([("step", .string(r.step)), ("reference", .string(r.reference)), ("summary", .string(r.summary)),
                         ("text", .string(r.text)), ("latex", .string(r.latex))])
            })),
        ]).pretty()
    }
}
