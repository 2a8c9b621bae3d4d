/// A symbol name as plain text for plots (SVG labels have no LaTeX): the Greek words of
/// `LatexNames` as letters, `up`/`down` subscripts as arrows, other subscripts kept with
/// their underscore: `gamma_up` → γ↑, `lambda` → λ, `omega'_z` → ω'_z, `eta'` → η',
/// `gamma_t` → γ_t, `wc` → wc.
public func unicodeName(_ name: String) -> String {
    var base = Substring(name), subscriptText: Substring?
    if let underscore = name.firstIndex(of: "_"), underscore != name.startIndex {
        base = name[..<underscore]
        subscriptText = name[name.index(after: underscore)...]
    }
    var primes = ""
    while let last = base.last, last == "'" || last == "′", base.count > 1 {
        primes.append(last)
        base = base.dropLast()
    }
    func letter(_ word: Substring) -> String {
        guard let macro = LatexNames.greek[String(word)], macro.hasPrefix("\\") else { return String(word) }
        return UnicodeNames.letters[String(macro.dropFirst())] ?? String(word)
    }
    var out = letter(base) + primes
    if let sub = subscriptText, !sub.isEmpty {
        switch sub {
        case "up": out += "↑"
        case "down": out += "↓"
        default: out += "_" + sub.split(separator: "_").map(letter).joined(separator: ",")
        }
    }
    return out
}

enum UnicodeNames {
    static let letters: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε", "zeta": "ζ",
        "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν",
        "xi": "ξ", "pi": "π", "rho": "ρ", "varrho": "ϱ", "sigma": "σ", "varsigma": "ς", "tau": "τ", "upsilon": "υ",
        "phi": "ϕ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ",
        "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ", "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
    ]
}
