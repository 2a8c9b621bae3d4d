/// Symbol names as physicists typeset them: `omega_c` and `ω_c` → `\omega_c`,
/// `gamma_up` → `\gamma_\uparrow`, `ω'_z` → `\omega'_z`, `a†` → `a^\dagger`, `S+` → `S^+`,
/// `x2` → `x_2`; other multi-letter names (`wc`) are left alone. A name that starts with a
/// backslash is LaTeX already (a display symbol such as `\langle a\rangle` or
/// `\bar{\psi}_{\mathrm{cl}}(t)` that a layer builds for printing) and is used as it stands.
enum LatexNames {
    static let greek: [String: String] = {
        let lower = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
                     "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi", "psi",
                     "omega", "varepsilon", "vartheta", "varphi", "varrho", "varsigma"]
        let upper = ["Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega"]
        var table: [String: String] = [:]
        for name in lower + upper { table[name] = "\\" + name }
        let unicode: [(Character, String)] = [
            ("α", "alpha"), ("β", "beta"), ("γ", "gamma"), ("δ", "delta"), ("ε", "varepsilon"), ("ϵ", "epsilon"),
            ("ζ", "zeta"), ("η", "eta"), ("θ", "theta"), ("ϑ", "vartheta"), ("ι", "iota"), ("κ", "kappa"),
            ("λ", "lambda"), ("μ", "mu"), ("ν", "nu"), ("ξ", "xi"), ("π", "pi"), ("ρ", "rho"), ("σ", "sigma"),
            ("ς", "varsigma"), ("τ", "tau"), ("υ", "upsilon"), ("φ", "varphi"), ("ϕ", "phi"), ("χ", "chi"),
            ("ψ", "psi"), ("ω", "omega"), ("Γ", "Gamma"), ("Δ", "Delta"), ("Θ", "Theta"), ("Λ", "Lambda"),
            ("Ξ", "Xi"), ("Π", "Pi"), ("Σ", "Sigma"), ("Υ", "Upsilon"), ("Φ", "Phi"), ("Ψ", "Psi"), ("Ω", "Omega"),
        ]
        for (c, name) in unicode { table[String(c)] = "\\" + name }
        return table
    }()

    static let subscriptWords: [String: String] = ["up": "\\uparrow", "down": "\\downarrow", "↑": "\\uparrow",
                                                   "↓": "\\downarrow"]

    static func latex(_ name: String) -> String {
        // Already LaTeX: a command (\\bar{b}_{1}(t)) or a group ({b}_{1}(t), the display names of
        // the Keldysh layer).
        if name.hasPrefix("\\") || name.hasPrefix("{") { return name }
        var base = Substring(name)
        var subscriptText: Substring?
        if let underscore = name.firstIndex(of: "_"), underscore != name.startIndex {
            base = name[..<underscore]
            subscriptText = name[name.index(after: underscore)...]
        }
        // Trailing marks of the base: primes, a dagger, a ± (S+, T-).
        var primes = 0
        var superscript: String?
        while let last = base.last, base.count > 1 {
            if last == "'" || last == "′" { primes += 1 }
            else if last == "†" && superscript == nil { superscript = "\\dagger" }
            else if (last == "+" || last == "-") && superscript == nil { superscript = String(last) }
            else { break }
            base = base.dropLast()
        }
        var core = greek[String(base)] ?? String(base)
        // x2 → x_2 when the name has no explicit subscript.
        if greek[String(base)] == nil, subscriptText == nil, let firstDigit = base.firstIndex(where: { $0.isNumber }),
           firstDigit != base.startIndex, base[firstDigit...].allSatisfy({ $0.isNumber }) {
            let letters = base[..<firstDigit]
            core = (greek[String(letters)] ?? String(letters))
            subscriptText = base[firstDigit...]
        }
        var out = core + String(repeating: "'", count: primes)
        if let s = superscript { out += "^" + s }
        if let sub = subscriptText, !sub.isEmpty {
            let parts = sub.split(separator: "_", omittingEmptySubsequences: false).map { word -> String in
                let w = String(word)
                return subscriptWords[w] ?? greek[w] ?? w
            }
            let joined = parts.joined(separator: ",")
            out += "_" + (isSingleToken(joined) ? joined : "{" + joined + "}")
        }
        return out
    }

    /// A one-character string or a single macro (`\uparrow`) needs no braces.
    static func isSingleToken(_ s: String) -> Bool {
        if s.count == 1 { return true }
        guard s.first == "\\" else { return false }
        return s.dropFirst().allSatisfy { $0.isLetter }
    }
}
