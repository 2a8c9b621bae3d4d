"""Derivation benchmark (issue 4), SymPy side: Appendix A of paper 003 from the model.

The same derivation as Benchmarks/Sources/DeriveBenchmark (KeldyshKit): from the Hamiltonian
(1) and the Lindblad dissipators (2), the Heisenberg equations of a, S^z, S^-, T^z, T^- with
sympy.physics.quantum (Operator subclasses with their commutation relations, Commutator
expansion), per-site dissipators on one representative site with the spin-1/2 product rules
and summed back, first-order factorisation in intensive variables (a = sqrt(N) alpha,
S = N s, T = N t), leading order in N, then the 6x6 stability matrix (A2) about the normal
state as a Jacobian. The result is checked against (A1) and (A2) as printed (outside the
timed part), so the two programs provably compute the same thing.

Usage: python3 derive_sympy.py [repetitions]   (default 5)
Prints one JSON object like the Swift benchmark: the first (cold) derivation and the
median/min of the repetitions (SymPy's cache kept, i.e. warm).
"""
import json
import sys
import time

import sympy as sp
from sympy.core.cache import clear_cache
from sympy.physics.quantum import Commutator, Dagger, Operator
from sympy.physics.quantum.boson import BosonOp


class Spin(Operator):
    """A spin-1/2 operator: collective X^c of ensemble X or per-site x_i^c (c in +, -, z),
    sigma^pm = sigma^x pm i sigma^y, so [s+, s-] = 2 sz and [sz, s+-] = +-s+-."""

    @property
    def ensemble(self):
        return str(self.args[0])

    @property
    def comp(self):
        return str(self.args[1])

    @property
    def site(self):
        return bool(self.args[2])

    def _print_contents(self, printer, *args):
        return "%s%s%s" % (self.ensemble.lower() + "_i" if self.site else self.ensemble, "^", self.comp)

    def _eval_adjoint(self):
        return Spin(self.args[0], {"+": "-", "-": "+", "z": "z"}[self.comp], self.args[2])

    def _eval_commutator_Spin(self, other, **hints):
        if self.ensemble != other.ensemble:
            return sp.S.Zero
        if not self.site and not other.site:
            site = 0  # collective with collective
        elif self.site and other.site:
            site = 1
        else:
            site = 1  # [X, x_i] = [x_i, x_i]: only site i fails to commute
        x, y = self.comp, other.comp
        E = self.args[0]
        if x == y:
            return sp.S.Zero
        if (x, y) == ("+", "-"):
            return 2 * Spin(E, "z", site)
        if (x, y) == ("-", "+"):
            return -2 * Spin(E, "z", site)
        if x == "z":
            return (1 if y == "+" else -1) * Spin(E, y, site)
        return -(1 if x == "+" else -1) * Spin(E, x, site)  # [s+-, sz] = -+s+-

    def _eval_commutator_BosonOp(self, other, **hints):
        return sp.S.Zero


def spin(name, c, site=0):
    return Spin(sp.Symbol(name), c, site)


def reduce_sites(e):
    """Products of two per-site operators of the same site reduced with the spin-1/2 rules
    (s+ s- = 1/2 + sz, s- s+ = 1/2 - sz, sz s+- = +-s+-/2, s+- sz = -+s+-/2, sz^2 = 1/4, s+-^2 = 0)."""
    e = sp.expand(e)
    out = []
    for term in sp.Add.make_args(e):
        c, nc = term.args_cnc()
        nc = list(nc)
        changed = True
        while changed:
            changed = False
            for k in range(len(nc) - 1):
                u, v = nc[k], nc[k + 1]
                if isinstance(u, Spin) and isinstance(v, Spin) and u.site and v.site and u.ensemble == v.ensemble:
                    E = u.args[0]
                    x, y = u.comp, v.comp
                    table = {
                        ("+", "-"): sp.Rational(1, 2) + Spin(E, "z", 1),
                        ("-", "+"): sp.Rational(1, 2) - Spin(E, "z", 1),
                        ("z", "+"): Spin(E, "+", 1) / 2, ("z", "-"): -Spin(E, "-", 1) / 2,
                        ("+", "z"): -Spin(E, "+", 1) / 2, ("-", "z"): Spin(E, "-", 1) / 2,
                        ("z", "z"): sp.Rational(1, 4), ("+", "+"): sp.S.Zero, ("-", "-"): sp.S.Zero,
                    }
                    replacement = table[(x, y)]
                    rebuilt = sp.Mul(*c) * sp.Mul(*nc[:k]) * replacement * sp.Mul(*nc[k + 2:])
                    out.append(reduce_sites(rebuilt))
                    changed = None
                    break
            if changed is None:
                break
        else:
            out.append(term)
            continue
    return sp.Add(*out)


def sum_over_sites(e, N):
    """Sum over the representative site i: x_i^c -> X^c, terms without a site operator times N."""
    out = []
    for term in sp.Add.make_args(sp.expand(e)):
        sites = [f for f in term.atoms(Spin) if f.site]
        if sites:
            out.append(term.xreplace({f: Spin(f.args[0], f.comp, 0) for f in sites}))
        else:
            out.append(N * term)
    return sp.Add(*out)


def commutator(A, B):
    """[A, B] by sympy.physics.quantum: linearity and the product rule [XY, Z] = X[Y, Z] +
    [X, Z]Y applied (expand(commutator=True)) until only commutators of single operators
    remain, then evaluated by the operators' _eval_commutator rules."""
    c = Commutator(sp.expand(A), sp.expand(B))
    while True:
        e = c.expand(commutator=True)
        if e == c:
            break
        c = e
    return sp.expand(c.doit())


def derive():
    N = sp.Symbol("N", positive=True)
    wc, wz, wzp, lam, eta, etap, kappa, gup, gdown = sp.symbols(
        "omega_c omega_z omega_z' lambda eta eta' kappa gamma_up gamma_down", positive=True)
    a = BosonOp("a")
    ad = Dagger(a)
    Sp, Sm, Sz = spin("S", "+"), spin("S", "-"), spin("S", "z")
    Tp, Tm, Tz = spin("T", "+"), spin("T", "-"), spin("T", "z")
    tp_i, tm_i = spin("T", "+", 1), spin("T", "-", 1)
    # Eq. (1)
    H = (wc * ad * a + wz * Sz + wzp * Tz + lam / sp.sqrt(N) * (a + ad) * (Sp + Sm)
         + eta / sp.sqrt(N) * (a * Tp + ad * Tm) + etap / N * (Sp * Tm + Sm * Tp))
    # Eq. (2): (rate, jump, per-site)
    dissipators = [(kappa, a, False), (gup, tp_i, True), (gdown, tm_i, True)]

    def heisenberg(O):
        # dO/dt = i[H, O] + sum_k g_k (L^dag [O, L] + [L^dag, O] L)/2
        total = sp.I * commutator(H, O)
        for rate, L, per_site in dissipators:
            Ld = Dagger(L)
            d = (Ld * commutator(O, L) + commutator(Ld, O) * L) / 2
            d = sp.expand(d)
            if per_site:
                d = sum_over_sites(reduce_sites(d), N)
            total += rate * d
        return sp.expand(total)

    # Intensive mean-field variables: <a> = sqrt(N) alpha, <S> = N s, <T> = N t; alpha_c etc.
    # stand for the conjugates <a^dag>, <S^+>, <T^+>.
    al, alc = sp.symbols("alpha alpha_c")
    sm, smc, tm, tmc = sp.symbols("s_m s_p t_m t_p")
    sz, tz = sp.symbols("s_z t_z", real=True)
    values = {a: sp.sqrt(N) * al, ad: sp.sqrt(N) * alc, Sm: N * sm, Sp: N * smc, Sz: N * sz,
              Tm: N * tm, Tp: N * tmc, Tz: N * tz}
    scaling = {a: sp.sqrt(N), Sz: N, Sm: N, Tz: N, Tm: N}

    def mean_field(O):
        rhs = heisenberg(O)
        # first order: <XY> = <X><Y>, operators commute once replaced
        mf = sp.expand(rhs.subs(values, simultaneous=True) / scaling[O])
        kept = []
        for t in sp.Add.make_args(mf):
            p = t.as_powers_dict().get(N, 0)
            if p > 0:
                raise ValueError("term grows with N: %s" % t)
            if p == 0:
                kept.append(t)
        return sp.Add(*kept)

    eqs = {name: mean_field(O) for name, O in [("a", a), ("Sz", Sz), ("S-", Sm), ("Tz", Tz), ("T-", Tm)]}
    swap = {al: alc, alc: al, sm: smc, smc: sm, tm: tmc, tmc: tm}

    def conj(e):
        return e.xreplace(swap).subs(sp.I, -sp.I)

    rows = [eqs["a"], conj(eqs["a"]), eqs["S-"], conj(eqs["S-"]), eqs["T-"], conj(eqs["T-"])]
    x = [al, alc, sm, smc, tm, tmc]
    point = {al: 0, alc: 0, sm: 0, smc: 0, tm: 0, tmc: 0, sz: sp.Rational(-1, 2),
             tz: (gup - gdown) / (2 * (gup + gdown))}
    A = sp.Matrix(rows).jacobian(x).subs(point)
    A = A.applyfunc(sp.expand)
    names = dict(N=N, wc=wc, wz=wz, wzp=wzp, lam=lam, eta=eta, etap=etap, kappa=kappa, gup=gup, gdown=gdown,
                 al=al, alc=alc, sm=sm, smc=smc, tm=tm, tmc=tmc, sz=sz, tz=tz)
    return eqs, A, names


def check(eqs, A, n):
    """(A1) and (A2) as printed in paper 003, Appendix A."""
    I = sp.I
    gt = n["gup"] + n["gdown"]
    al, alc, sm, smc, tm, tmc, sz, tz = (n[k] for k in ("al", "alc", "sm", "smc", "tm", "tmc", "sz", "tz"))
    lam, eta, etap = n["lam"], n["eta"], n["etap"]
    a1 = {
        "a": -I * eta * tm - (I * n["wc"] + n["kappa"] / 2) * al - I * lam * (smc + sm),
        "Sz": I * lam * (al + alc) * (sm - smc) + I * etap * (tmc * sm - tm * smc),
        "S-": -I * n["wz"] * sm + 2 * I * lam * (al + alc) * sz + 2 * I * etap * tm * sz,
        "Tz": I * eta * (alc * tm - al * tmc) - I * etap * (tmc * sm - tm * smc)
              + (n["gup"] - n["gdown"]) / 2 - gt * tz,
        "T-": -(I * n["wzp"] + gt / 2) * tm + 2 * I * eta * al * tz + 2 * I * etap * tz * sm,
    }
    for k, v in a1.items():
        assert sp.expand(eqs[k] - v) == 0, (k, eqs[k], v)
    t0 = (n["gup"] - n["gdown"]) / (2 * gt)
    il, ie, ie2 = I * lam, I * eta, I * etap
    a2 = sp.Matrix([
        [-I * n["wc"] - n["kappa"] / 2, 0, -il, -il, -ie, 0],
        [0, I * n["wc"] - n["kappa"] / 2, il, il, 0, ie],
        [-il, -il, -I * n["wz"], 0, -ie2, 0],
        [il, il, 0, I * n["wz"], 0, ie2],
        [2 * ie * t0, 0, 2 * ie2 * t0, 0, -I * n["wzp"] - gt / 2, 0],
        [0, -2 * ie * t0, 0, -2 * ie2 * t0, 0, I * n["wzp"] - gt / 2],
    ])
    assert (A - a2).applyfunc(sp.simplify) == sp.zeros(6, 6)


if __name__ == "__main__":
    reps = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    t = time.perf_counter()
    eqs, A, names = derive()
    cold = time.perf_counter() - t
    check(eqs, A, names)
    times = []
    for _ in range(reps):
        t = time.perf_counter()
        derive()
        times.append(time.perf_counter() - t)
    times.sort()
    # The same with SymPy's cache cleared before each run (every derivation starts cold).
    cleared = []
    for _ in range(reps):
        clear_cache()
        t = time.perf_counter()
        derive()
        cleared.append(time.perf_counter() - t)
    cleared.sort()
    print(json.dumps({"system": "sympy " + sp.__version__, "equations": len(eqs),
                      "matrixNonzero": sum(1 for e in A if e != 0), "cold_s": cold,
                      "median_s": times[len(times) // 2], "min_s": times[0],
                      "cleared_cache_median_s": cleared[len(cleared) // 2], "repetitions": reps}))
