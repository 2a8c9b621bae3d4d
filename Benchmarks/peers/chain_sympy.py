"""Peer benchmark (SymPy) for the slowest step of paper 000's chain (issue 12): G = K⁻¹ of the
spinor φ = (b, a), with K the 4×4 Nambu ⊗ Keldysh kernel *as KeldyshKit derives it from
model.kd* (entries in ε₀, μ_S, g, ψ_f, conj(ψ_f), γ, ω, F_b(ω + μ_S/2), F_a(ω − μ_S/2)), every
entry of the inverse brought to one cancelled fraction. This is the inverse half of the step
"sector phi: Fourier step, kernel, G = K⁻¹"; the Fourier step itself (reading the kernel off
the action's binders) has no SymPy counterpart here.

The kernel is read from KeldyshKit's own export (ChainBenchmark MODEL.kd 1 --export DIR writes
DIR/kernel.txt and DIR/greens.txt, 16 entries a file, row-major), so both systems start from the
same matrix. conj(psi_f) is an independent symbol (as λ̄ in nambu_keldysh_sympy.py); F_b, F_a are
undefined functions.

Usage:
    python3 chain_sympy.py DIR [N] [--method adj|lu] [--check]

  N         best of N repetitions (default 3); SymPy's cache is cleared before each.
  --method  Matrix.inv(method="ADJ") (default) or "LU", then cancel() on every entry
  --check   after timing: every entry equals KeldyshKit's DIR/greens.txt (difference cancels
            to 0) and K·G = 1; prints one JSON line.

Prints {"system": "sympy", "method": ..., "seconds": best, "all_seconds": [...], "checksum": ...}
(checksum: sha256 of the 16 cancelled entries, str() of each, joined by newlines). Timing covers
inversion + cancel only (not import, not reading or parsing the kernel).
"""
import argparse
import hashlib
import json
import sys
import time

import sympy as sp
from sympy.core.cache import clear_cache

NAMES = {n: sp.Symbol(n) for n in ["eps0", "muS", "g", "psi_f", "psi_fc", "gamma", "omega"]}
NAMES.update(F_b=sp.Function("F_b"), F_a=sp.Function("F_a"), I=sp.I)


def parse(line):
    text = line.strip().replace("conj(psi_f)", "psi_fc").replace("ω", "omega").replace("^", "**")
    return sp.sympify(text, locals=NAMES)


def read(path):
    entries = [parse(l) for l in open(path, encoding="utf-8") if l.strip()]
    assert len(entries) == 16, f"{path}: {len(entries)} entries, expected 16"
    return sp.Matrix(4, 4, entries)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("n", nargs="?", type=int, default=3)
    ap.add_argument("--method", choices=["adj", "lu"], default="adj")
    ap.add_argument("--check", action="store_true")
    a = ap.parse_args()
    k = read(a.dir + "/kernel.txt")
    times, g = [], None
    for _ in range(a.n):
        clear_cache()
        t0 = time.perf_counter()
        g = k.inv(method=a.method.upper()).applyfunc(sp.cancel)
        times.append(time.perf_counter() - t0)
    checksum = hashlib.sha256("\n".join(str(e) for e in g).encode()).hexdigest()
    print(json.dumps({"system": "sympy", "version": sp.__version__, "method": a.method, "seconds": min(times),
                      "all_seconds": times, "checksum": checksum}))
    if a.check:
        kk = read(a.dir + "/greens.txt")
        same = all(sp.cancel(g[i, j] - kk[i, j]) == 0 for i in range(4) for j in range(4))
        prod = (k * g).applyfunc(sp.cancel)
        identity = prod == sp.eye(4)
        print(json.dumps({"check": "SymPy's G equals KeldyshKit's entry by entry; K·G = 1", "ok": same and identity,
                          "entries_equal": same, "k_times_g_is_1": identity}))
        if not (same and identity):
            sys.exit(1)


if __name__ == "__main__":
    main()
