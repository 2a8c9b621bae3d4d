import Analysis
import ArbitraryPrecision
import OutputFormats
import Symbolic

/// `keldysh spectrum`'s printout: the characteristic polynomial (exact, when the point is
/// rational) and the eigenvalues with their verified digits, as text, LaTeX or JSON.
public func render(_ outcome: SpectrumOutcome, format: SpectrumFormat) -> String {
    let s = Symbol("s", [])
    switch outcome.result {
    case .steady(let state):
        switch format {
        case .json: return state.json.elementPerLine
        case .text: return state.text
        case .latex: return latexEigenvalues(state.spectrum)
        }
    case .matrix(let m):
        let p = m.characteristicExpr(variable: s)
        switch format {
        case .json:
            return JSONValue.object([
                ("characteristic", .array(m.characteristic.map { .string("\($0)") })),
                ("characteristic_text", .string(p.description)),
                ("stability", .string(m.spectrum.unstable > 0 ? "unstable" : m.spectrum.undecided == 0 ? "stable" : "undecided")),
                ("verdict", .string(m.spectrum.verdict)),
                ("eigenvalues", .array(m.spectrum.eigenvalues.map(\.json))),
            ]).elementPerLine
        case .text:
            return "det(s − A) = \(p)\n\(m.spectrum.verdict)\neigenvalues (verified disks): "
                // Conjugate pairs once (written ±), as `steady` prints them.
                + m.spectrum.eigenvalues.filter { !$0.im.hasPrefix("-") }.map(\.text).joined(separator: ", ")
        case .latex:
            return "\\det(s - A) = \(p.latex)\n" + latexEigenvalues(m.spectrum)
        }
    }
}

public enum SpectrumFormat: Sendable { case text, latex, json }

func latexEigenvalues(_ s: Spectrum) -> String {
    func number(_ t: String) -> String {
        // d.ddde±N → d.ddd \times 10^{±N}; an interval around 0 stays as printed.
        guard let e = t.firstIndex(of: "e"), !t.contains("±") else { return t.replacingOccurrences(of: "±", with: "\\pm") }
        let exponent = Int(t[t.index(after: e)...]) ?? 0
        return exponent == 0 ? String(t[..<e]) : "\(t[..<e]) \\times 10^{\(exponent)}"
    }
    let items = s.eigenvalues.map { e -> String in
        e.im == "0" ? number(e.re) : "\(number(e.re)) \(e.im.hasPrefix("-") ? "-" : "+") \(number(e.im.hasPrefix("-") ? String(e.im.dropFirst()) : e.im))\\,i"
    }
    return "\\lambda \\in \\{" + items.joined(separator: ",\\ ") + "\\}"
}

extension Spectrum.Eigenvalue {
    var json: JSONValue {
        .object([("re", .string(re)), ("im", .string(im)), ("multiplicity", .int(multiplicity))])
    }
}
