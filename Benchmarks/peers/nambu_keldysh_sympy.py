"""Peer benchmark (SymPy): invert the Nambu ⊗ Keldysh matrix G0^{-1}(ω) of paper 000
(arXiv:2201.00873, Eq. 7 in frequency space at the saddle point ψ_q = 0, single-frequency
ansatz ε = ε₀ − μ_S/2) and check the result against the printed closed forms A15–A17.

    G0^{-1} = [[R, K], [0, A]]      Keldysh (1,2; Larkin–Ovchinnikov) ⊗ Nambu (b, a)
    R = [[ω − ε + iγ, −λ], [−λ̄, ω + ε + iγ]]
    A = [[ω − ε − iγ, −λ], [−λ̄, ω + ε − iγ]]
    K = diag(2iγ F_b, 2iγ F_a)

ω, ε, γ, F_b, F_a real (γ > 0); λ = l and λ̄ = lb independent symbols.

Usage:
    python3 nambu_keldysh_sympy.py [N] [--method adj|lu|both] [--check] [--export PATH]
                                   [--compare PATH]

  N          best of N repetitions (default 3); SymPy's cache is cleared before each.
  --method   which inversion to time (default both):
               adj: Matrix.inv(method="ADJ"), then cancel() on every entry
               lu:  Matrix.inv(method="LU"),  then cancel() on every entry
  --check    after timing: M·M⁻¹ = 1 (after cancel) and entry-by-entry agreement with
             A15–A17 as transcribed below; prints one JSON line per check.
  --export   write the 16 cancelled entries (ADJ result) to PATH, KeldyshKit syntax.
  --compare  parse a reference file of the same format (e.g. GiNaC's) and check that each
             entry equals SymPy's (difference cancels to 0).

Prints one JSON line per timed method:
  {"system": "sympy", "method": ..., "seconds": best, "all_seconds": [...], "checksum": ...}
checksum = sha256 of the 16 cancelled entries, row-major, str() of each, joined by "\\n".
Timing covers inversion + cancel only (not import, not building the 4×4 matrix).
"""
import argparse
import hashlib
import json
import re
import sys
import time

import sympy as sp
from sympy.core.cache import clear_cache

omega, eps, Fb, Fa = sp.symbols("omega eps Fb Fa", real=True)
gamma = sp.Symbol("gamma", positive=True)
l, lb = sp.symbols("l lb")  # λ and λ̄, independent
I = sp.I
NAMES = {"omega": omega, "eps": eps, "gamma": gamma, "Fb": Fb, "Fa": Fa, "l": l, "lb": lb, "I": I}


def build():
    R = sp.Matrix([[omega - eps + I * gamma, -l], [-lb, omega + eps + I * gamma]])
    A = sp.Matrix([[omega - eps - I * gamma, -l], [-lb, omega + eps - I * gamma]])
    K = sp.Matrix([[2 * I * gamma * Fb, 0], [0, 2 * I * gamma * Fa]])
    Z = sp.zeros(2, 2)
    return sp.Matrix(sp.BlockMatrix([[R, K], [Z, A]]))


def invert(M, method):
    return M.inv(method=method).applyfunc(sp.cancel)


def entries(Minv):
    return [Minv[i, j] for i in range(4) for j in range(4)]


def checksum(Minv):
    text = "\n".join(str(e) for e in entries(Minv))
    return hashlib.sha256(text.encode()).hexdigest()


def conj(e):
    """Complex conjugate with ω, ε, γ, F real and conj(λ) = λ̄."""
    return sp.conjugate(e).subs({sp.conjugate(l): lb, sp.conjugate(lb): l}, simultaneous=True)


def closed_forms():
    """A15–A17 as printed, with g_α ψ_f → λ = l, g_α ψ̄_f → λ̄ = lb, g_α²|ψ_f|² → l·lb,
    E_α² = ε² + λλ̄ (E_α is a real positive symbol until the end), σ+ = [[0,1],[0,0]], σ− = [[0,0],[1,0]]. Keys are (row, col) of the
    4×4 G0 in the layout of A14 (rows/cols: 1b, 1a, 2b, 2a)."""
    E = sp.Symbol("E", positive=True)
    DR = omega**2 - E**2 + 2 * I * gamma * omega - gamma**2      # A15 denominator, R (+)
    DA = omega**2 - E**2 - 2 * I * gamma * omega - gamma**2      # A15 denominator, A (−)
    DK = ((omega - E)**2 + gamma**2) * ((omega + E)**2 + gamma**2)  # A16/A17 denominator
    f = {}
    # A15: ((ω ± iγ)σ0 + εσ3 + g(ψσ+ + ψ̄σ−)) / (ω² − E² ± 2iγω − γ²)
    for off, s, D in ((0, 1, DR), (2, -1, DA)):
        f[(off, off)] = ("A15 %s_bb" % "RA"[off // 2], (omega + s * I * gamma + eps) / D)
        f[(off, off + 1)] = ("A15 %s_ba" % "RA"[off // 2], l / D)
        f[(off + 1, off)] = ("A15 %s_ab" % "RA"[off // 2], lb / D)
        f[(off + 1, off + 1)] = ("A15 %s_aa" % "RA"[off // 2], (omega + s * I * gamma - eps) / D)
    # A16: G^K_{bb/aa} = −2iγ (((ω ± ε)² + γ²) F_{b/a} + g²|ψ_f|² F_{a/b}) / DK
    f[(0, 2)] = ("A16 K_bb", -2 * I * gamma * (((omega + eps)**2 + gamma**2) * Fb + l * lb * Fa) / DK)
    f[(1, 3)] = ("A16 K_aa", -2 * I * gamma * (((omega - eps)**2 + gamma**2) * Fa + l * lb * Fb) / DK)
    # A17: G^K_ba = −2iγ g ψ_f ((ω + ε + iγ) F_b + (ω − ε − iγ) F_a) / DK
    Kba = -2 * I * gamma * l * ((omega + eps + I * gamma) * Fb + (omega - eps - I * gamma) * Fa) / DK
    f[(0, 3)] = ("A17 K_ba", Kba)
    # A17: G^K_ab = −(G^K_ba)*
    f[(1, 2)] = ("A17 K_ab = -(K_ba)^*", -conj(Kba))
    for i in (2, 3):
        for j in (0, 1):
            f[(i, j)] = ("A14 zero block", sp.Integer(0))
    return {k: (label, form.subs(E, sp.sqrt(eps**2 + l * lb))) for k, (label, form) in f.items()}


def kk_text(e):
    """KeldyshKit parser syntax: * products, ^ powers, I imaginary unit."""
    return str(e).replace("**", "^")


def parse_kk(text):
    return sp.sympify(text.replace("^", "**"), locals=NAMES)


def read_reference(path):
    ref = {}
    for line in open(path):
        m = re.match(r"\s*\((\d),(\d)\)\s*=\s*(.+)$", line)
        if m:
            ref[(int(m.group(1)) - 1, int(m.group(2)) - 1)] = parse_kk(m.group(3))
    return ref


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("reps", nargs="?", type=int, default=3)
    ap.add_argument("--method", choices=("adj", "lu", "both"), default="both")
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--export")
    ap.add_argument("--compare")
    args = ap.parse_args()
    methods = {"adj": ["ADJ"], "lu": ["LU"], "both": ["ADJ", "LU"]}[args.method]

    results = {}
    for method in methods:
        times = []
        for _ in range(args.reps):
            clear_cache()
            M = build()
            t0 = time.perf_counter()
            Minv = invert(M, method)
            times.append(time.perf_counter() - t0)
        results[method] = Minv
        print(json.dumps(dict(system="sympy", version=sp.__version__, method=method,
                              workload="inv+cancel", reps=args.reps, seconds=min(times),
                              all_seconds=[round(t, 6) for t in times],
                              checksum=checksum(Minv))), flush=True)

    M = build()
    Minv = results.get("ADJ") or results.get("LU")
    if len(results) == 2:
        same = all(sp.cancel(a - b) == 0 for a, b in zip(entries(results["ADJ"]), entries(results["LU"])))
        print(json.dumps(dict(check="ADJ == LU (entrywise, after cancel)", ok=same)))

    if args.check:
        for method, Mi in results.items():
            ident = (M * Mi).applyfunc(sp.cancel) == sp.eye(4)
            ident2 = (Mi * M).applyfunc(sp.cancel) == sp.eye(4)
            print(json.dumps(dict(check="M*Minv == 1 and Minv*M == 1 after cancel", method=method,
                                  ok=bool(ident and ident2))))
        for (i, j), (label, form) in sorted(closed_forms().items()):
            diff = sp.cancel(sp.expand(Minv[i, j] - form))
            print(json.dumps(dict(check="closed form", entry="(%d,%d)" % (i + 1, j + 1),
                                  printed=label, agrees=diff == 0,
                                  **({} if diff == 0 else {"difference": kk_text(diff)}))))

    if args.export:
        with open(args.export, "w") as out:
            out.write("# G0 = (G0^{-1})^{-1}, paper 000 Eq. 7 / A14, 4x4, rows/cols (1b, 1a, 2b, 2a).\n")
            out.write("# Produced by SymPy %s: Matrix.inv(method=\"%s\") then cancel() of each entry\n"
                      % (sp.__version__, "ADJ" if "ADJ" in results else "LU"))
            out.write("# (Benchmarks/peers/nambu_keldysh_sympy.py --export, run by\n")
            out.write("# Benchmarks/run-nambu-keldysh.sh --write-reference). Reduced: numerator and\n")
            out.write("# denominator coprime over Q(I), expanded. Checked: M*Minv = Minv*M = 1; ADJ and LU\n")
            out.write("# give the same text; equal to A15-A17 of the paper with lambda = g*psi_f,\n")
            out.write("# E^2 = eps^2 + l*lb; equal entrywise to GiNaC's g0-inverse-ginac.txt. Symbols: omega, eps, gamma,\n")
            out.write("# Fb, Fa real (gamma > 0); l = lambda, lb = conj(lambda) independent; I = sqrt(-1).\n")
            for i in range(4):
                for j in range(4):
                    out.write("(%d,%d) = %s\n" % (i + 1, j + 1, kk_text(Minv[i, j])))

    if args.compare:
        ref = read_reference(args.compare)
        ok = len(ref) == 16 and all(sp.cancel(sp.expand(ref[(i, j)] - Minv[i, j])) == 0
                                    for i in range(4) for j in range(4))
        # Reduced: the file's denominator (as written, expanded) has the total degree of the
        # cancelled one, i.e. no common factor of numerator and denominator was left.
        unreduced = []
        for (i, j), e in sorted(ref.items()):
            den_ref = sp.fraction(sp.together(e))[1]
            den_min = sp.fraction(Minv[i, j])[1]
            syms = (omega, eps, gamma, Fb, Fa, l, lb)
            d_ref = sp.Poly(sp.expand(den_ref), *syms).total_degree()
            d_min = sp.Poly(sp.expand(den_min), *syms).total_degree()
            if d_ref != d_min:
                unreduced.append("(%d,%d): denominator degree %d, reduced %d" % (i + 1, j + 1, d_ref, d_min))
        print(json.dumps(dict(check="reference file equals SymPy entrywise", file=args.compare,
                              entries=len(ref), ok=ok, unreduced=unreduced)))
        if not ok:
            sys.exit(1)


if __name__ == "__main__":
    main()
