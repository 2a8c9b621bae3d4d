"""Second-order cumulant benchmark (issue 16), peer side: SymPy derivation + scipy integration.

The same work as `keldysh derive MODEL --cumulant-order 2` followed by `keldysh dynamics ...
--cumulant-order 2 --t 2000` for paper 003 (Eqs. 1-2): Heisenberg equations of the means a, S^z,
S^-, T^z, T^- and of every product of two operators they need, with the Lindblad terms
(kappa D[a] and the per-site gamma_up sum_i D[tau_i^+], gamma_down sum_i D[tau_i^-]), in intensive
variables (<w>/N^s, s = 1/2 per boson and 1 per spin operator, every term kept), products of three
operators closed by <ABC> ~ <AB><C> + <AC><B> + <BC><A> - 2<A><B><C> (the pairs keep the order of
the normal-ordered word), new pairs added until the set closes; then lambdified and integrated by
scipy's solve_ivp (DOP853, rtol 1e-9, atol 1e-11: KeldyshKit's own DOP853 and default tolerances;
both use Hairer's error norm and dense output at the sample times, here every 0.5).

Route: commutators by sympy.physics.quantum (Commutator with expand(commutator=True), the spin
rules of derive_sympy.Spin, BosonOp); per-site dissipators on a representative site with the
spin-1/2 product rules and summed back, for a product XY through
D+(XY) = D+(X) Y + X D+(Y) + [L+, X][Y, L]; words normal-ordered a+ a S+ Sz S- T+ Tz T- with the
collective commutators ([S+, S-] = 2Sz, [Sz, S+-] = +-S+-, [a, a+] = 1).

Usage (the modes are timed separately by Benchmarks/run-cumulants.sh):
  derive [--save FILE]                       the derivation alone (prints its time)
  integrate FILE N T [--out FINAL]            lambdify + integrate equations saved by derive
  whole N T [--out FINAL]                     derive + lambdify + integrate
  check FILE OURS.json OURS_TRAJ.csv FINAL    the peer against KeldyshKit (not timed): the same
                                              variables and closed triples, the same right-hand
                                              side at a random point, the same state at t = 0 and t = T
"""
import json
import os
import re
import sys
import time

import numpy as np
import sympy as sp
from scipy.integrate import solve_ivp
from sympy.physics.quantum import Dagger
from sympy.physics.quantum.boson import BosonOp

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from derive_sympy import Spin, commutator, reduce_sites, spin, sum_over_sites  # noqa: E402

RANK = {"ad": 0, "a": 1, "S+": 2, "Sz": 3, "S-": 4, "T+": 5, "Tz": 6, "T-": 7}
DAG = {"ad": "a", "a": "ad", "S+": "S-", "S-": "S+", "Sz": "Sz", "T+": "T-", "T-": "T+", "Tz": "Tz"}
GROUP = {"ad": "a", "a": "a", "S+": "S", "Sz": "S", "S-": "S", "T+": "T", "Tz": "T", "T-": "T"}
SCALE = {"a": sp.Rational(1, 2), "S": 1, "T": 1}
# Parameters of the benchmark point (Fig. 8 of docs/cumulants.md): gamma_up/gamma_t = 0.9, lambda = 0.2.
POINT = dict(wc=1.0, wz=1.0, wzp=1.0, lam=0.2, eta=0.1, etap=0.1, kappa=0.06, gup=0.9, gdown=0.1)
MEANS0 = {("a",): 0.01, ("Sz",): -0.49, ("S-",): 0.0994987437, ("T-",): 0.01, ("Tz",): 0.0}
RTOL, ATOL, DT = 1e-9, 1e-11, 0.5

N = sp.Symbol("N", positive=True)
PARAMS = {k: sp.Symbol(k, positive=True) for k in POINT}


def conj_word(w):
    return tuple(sorted((DAG[k] for k in reversed(w)), key=RANK.get))


_ordered = {}


def ordered(w):
    """Normal-ordered form of the operator word w: {word: integer coefficient}."""
    if w in _ordered:
        return _ordered[w]
    for i in range(len(w) - 1):
        x, y = w[i], w[i + 1]
        if RANK[x] > RANK[y]:
            out = dict(ordered(w[:i] + (y, x) + w[i + 2:]))
            if GROUP[x] == GROUP[y]:  # XY = YX + [X, Y]
                for c, coef in {("a", "ad"): {(): 1}, ("Sz", "S+"): {("S+",): 1}, ("S-", "S+"): {("Sz",): -2},
                                ("S-", "Sz"): {("S-",): 1}, ("Tz", "T+"): {("T+",): 1}, ("T-", "T+"): {("Tz",): -2},
                                ("T-", "Tz"): {("T-",): 1}}[(x, y)].items():
                    for v, n in ordered(w[:i] + c + w[i + 2:]).items():
                        out[v] = out.get(v, 0) + coef * n
            out = {v: n for v, n in out.items() if n != 0}
            _ordered[w] = out
            return out
    _ordered[w] = {w: 1}
    return _ordered[w]


def key(op):
    if isinstance(op, BosonOp):
        return "a" if op.is_annihilation else "ad"
    assert isinstance(op, Spin) and not op.site, op
    return op.ensemble + op.comp


def word_of(term):
    c, nc = term.args_cnc()
    keys = []
    for f in nc:
        base, e = (f.base, int(f.exp)) if isinstance(f, sp.Pow) else (f, 1)
        keys += [key(base)] * e
    return sp.Mul(*c), tuple(keys)


def site_product(A, B):
    """A B for A, B sums of operators of one site, reduced by the spin-1/2 rules. (Not
    reduce_sites(A*B): SymPy folds x_i^z x_i^z into a power, which reduce_sites does not see.)"""
    out = []
    for s in sp.Add.make_args(sp.expand(A)):
        for t in sp.Add.make_args(sp.expand(B)):
            (c1, n1), (c2, n2) = s.args_cnc(), t.args_cnc()
            assert len(n1) <= 1 and len(n2) <= 1, (s, t)
            if not n1 or not n2:
                out.append(s * t)
            else:
                x, y = n1[0], n2[0]
                assert isinstance(x, Spin) and isinstance(y, Spin) and x.site and y.site and x.ensemble == y.ensemble
                E = x.args[0]
                table = {("+", "-"): sp.Rational(1, 2) + Spin(E, "z", 1), ("-", "+"): sp.Rational(1, 2) - Spin(E, "z", 1),
                         ("z", "+"): Spin(E, "+", 1) / 2, ("z", "-"): -Spin(E, "-", 1) / 2,
                         ("+", "z"): -Spin(E, "+", 1) / 2, ("-", "z"): Spin(E, "-", 1) / 2,
                         ("z", "z"): sp.Rational(1, 4), ("+", "+"): sp.S.Zero, ("-", "-"): sp.S.Zero}
                out.append(sp.Mul(*c1) * sp.Mul(*c2) * table[(x.comp, y.comp)])
    return sp.expand(sp.Add(*out))


class Derivation:
    def __init__(self):
        p = PARAMS
        a = BosonOp("a")
        ad = Dagger(a)
        self.ops = {"a": a, "ad": ad, "S+": spin("S", "+"), "Sz": spin("S", "z"), "S-": spin("S", "-"),
                    "T+": spin("T", "+"), "Tz": spin("T", "z"), "T-": spin("T", "-")}
        o = self.ops
        # Eq. (1)
        self.H = (p["wc"] * ad * a + p["wz"] * o["Sz"] + p["wzp"] * o["Tz"]
                  + p["lam"] / sp.sqrt(N) * (a + ad) * (o["S+"] + o["S-"])
                  + p["eta"] / sp.sqrt(N) * (a * o["T+"] + ad * o["T-"])
                  + p["etap"] / N * (o["S+"] * o["T-"] + o["S-"] * o["T+"]))
        # Eq. (2): kappa D[a]; gamma_up sum_i D[tau_i^+], gamma_down sum_i D[tau_i^-]
        self.per_site = [(p["gup"], spin("T", "+", 1)), (p["gdown"], spin("T", "-", 1))]
        self.kappa, self.a, self.ad = p["kappa"], a, ad
        self.var = {}      # representative word -> symbol
        self.queue = []
        self.closed = set()

    def site_adjoint(self, factors, L):
        """sum_i D+[L_i] applied to a product of one or two collective operators."""
        Ld = Dagger(L)
        if len(factors) == 1:
            X = factors[0]
            return sum_over_sites(reduce_sites((Ld * commutator(X, L) + commutator(Ld, X) * L) / 2), N)
        X, Y = factors
        cross = sum_over_sites(site_product(commutator(Ld, X), commutator(Y, L)), N)
        return sp.expand(self.site_adjoint([X], L) * Y + X * self.site_adjoint([Y], L) + cross)

    def heisenberg(self, w):
        factors = [self.ops[k] for k in w]
        O = sp.Mul(*factors)
        total = sp.I * commutator(self.H, O)
        total += self.kappa * (self.ad * commutator(O, self.a) + commutator(self.ad, O) * self.a) / 2
        for rate, L in self.per_site:
            total += rate * self.site_adjoint(factors, L)
        return sp.expand(total)

    def symbol(self, w):
        if w in self.var:
            return self.var[w]
        c = conj_word(w)
        if c in self.var:
            return sp.conjugate(self.var[c])
        # new variable: the word with fewer a+ (then the first met) represents the pair
        rep = c if c.count("ad") < w.count("ad") else w
        name = "v_" + "_".join(k.replace("+", "p").replace("-", "m") for k in rep)
        s = sp.Symbol(name, real=True) if c == w else sp.Symbol(name)
        self.var[rep] = s
        self.queue.append(rep)
        return s if rep == w else sp.conjugate(s)

    def expect(self, w):
        """Intensive expectation value of the normal-ordered word w, closed at second order."""
        if len(w) == 0:
            return sp.S.One
        if len(w) <= 2:
            return self.symbol(w)
        if len(w) == 3:
            self.closed.add(w)
            A, B, C = ((x,) for x in w)
            e = self.expect
            return (e(w[0:2]) * e(C) + e((w[0], w[2])) * e(B) + e(w[1:3]) * e(A) - 2 * e(A) * e(B) * e(C))
        raise ValueError("word longer than three operators: %s" % (w,))

    @staticmethod
    def scale(w):
        return sum((SCALE[GROUP[k]] for k in w), sp.S.Zero)

    def run(self):
        for m in [("a",), ("Sz",), ("S-",), ("Tz",), ("T-",)]:
            self.symbol(m)
        equations = {}
        k = 0
        while k < len(self.queue):
            w = self.queue[k]
            k += 1
            rhs = []
            for term in sp.Add.make_args(self.heisenberg(w)):
                c, raw = word_of(term)
                for v, n in ordered(raw).items():
                    rhs.append(n * c * N ** (self.scale(v) - self.scale(w)) * self.expect(v))
            equations[w] = sp.expand(sp.Add(*rhs))
        return equations


def derive():
    d = Derivation()
    eqs = d.run()
    return d, eqs


def save(path, d, eqs):
    words = list(eqs)
    with open(path, "w") as f:
        json.dump({"words": [list(w) for w in words], "symbols": [sp.srepr(d.var[w]) for w in words],
                   "rhs": [sp.srepr(eqs[w]) for w in words], "closed": sorted(list(w) for w in d.closed)}, f)


def load(path):
    with open(path) as f:
        j = json.load(f)
    words = [tuple(w) for w in j["words"]]
    syms = [sp.sympify(s) for s in j["symbols"]]
    rhs = [sp.sympify(r) for r in j["rhs"]]
    return words, syms, rhs, [tuple(w) for w in j["closed"]]


def initial_state(words, n):
    """Second moments of a product state on the means MEANS0 (coherent boson, every spin of an
    ensemble in the same state): <S^x S^y>/N^2 = (1 - 1/N) m_x m_y + <s^x s^y>_site / N."""
    m = {}
    for w, v in MEANS0.items():
        m[w[0]] = complex(v)
        m[DAG[w[0]]] = complex(v).conjugate()
    for k in RANK:
        m.setdefault(k, 0j)
    site = {"+-": lambda E: 0.5 + m[E + "z"], "-+": lambda E: 0.5 - m[E + "z"], "z-": lambda E: -m[E + "-"] / 2,
            "+z": lambda E: -m[E + "+"] / 2, "zz": lambda E: 0.25, "--": lambda E: 0, "++": lambda E: 0,
            "z+": lambda E: m[E + "+"] / 2, "-z": lambda E: m[E + "-"] / 2}
    out = []
    for w in words:
        if len(w) == 1:
            out.append(m[w[0]])
        elif GROUP[w[0]] != GROUP[w[1]] or GROUP[w[0]] == "a":
            out.append(m[w[0]] * m[w[1]])  # coherent state: <a+ a> = |alpha|^2, <a a> = alpha^2
        else:
            E = GROUP[w[0]]
            out.append((1 - 1 / n) * m[w[0]] * m[w[1]] + site[w[0][1] + w[1][1]](E) / n)
    return np.array(out, dtype=complex)


class Integrator:
    def __init__(self, words, syms, rhs, n):
        values = {PARAMS[k]: v for k, v in POINT.items()}
        values[N] = n
        self.real = [s.is_real is True for s in syms]
        exprs = [r.subs(values) for r in rhs]
        self.f = sp.lambdify(syms, exprs, modules="numpy", cse=True)
        self.words, self.n = words, n

    def pack(self, z):
        return np.concatenate([[v.real] if r else [v.real, v.imag] for v, r in zip(z, self.real)])

    def unpack(self, y):
        z, k = [], 0
        for r in self.real:
            z.append(complex(y[k]) if r else complex(y[k], y[k + 1]))
            k += 1 if r else 2
        return z

    def rhs(self, t, y):
        return self.pack(np.array(self.f(*self.unpack(y)), dtype=complex))

    def integrate(self, T):
        y0 = self.pack(initial_state(self.words, self.n))
        times = np.arange(0, T + DT / 2, DT)
        sol = solve_ivp(self.rhs, (0, T), y0, method="DOP853", rtol=RTOL, atol=ATOL, t_eval=times)
        if sol.status != 0:
            raise RuntimeError("solve_ivp failed: %s" % sol.message)
        return sol


def write_final(path, words, integ, sol):
    if path:
        with open(path, "w") as f:
            json.dump({"words": [list(w) for w in words], "t0": [[z.real, z.imag] for z in integ.unpack(sol.y[:, 0])],
                       "t": sol.t[-1], "final": [[z.real, z.imag] for z in integ.unpack(sol.y[:, -1])],
                       "nfev": int(sol.nfev)}, f)


def opt(args, name):
    return args[args.index(name) + 1] if name in args else None


# ---- check against KeldyshKit (not timed) ----

OUR_TOKENS = {"a": "a", "a†": "ad", "S^+": "S+", "S^z": "Sz", "S^-": "S-", "T^+": "T+", "T^z": "Tz", "T^-": "T-"}


def our_word(text):
    return tuple(sorted((OUR_TOKENS[t] for t in text.split()), key=RANK.get))


def parse_ours(rhs, table):
    """One of KeldyshKit's right-hand sides (text of derive --json) as a SymPy expression in the
    peer's symbols; table maps each ⟨word⟩ to a fresh symbol."""
    def sub(m):
        w = our_word(m.group(1))
        if w not in table:
            table[w] = sp.Symbol("o%d" % len(table))
        return str(table[w])
    text = re.sub(r"⟨([^⟩]*)⟩", sub, rhs)
    text = text.replace("eta'", "etap").replace("wz'", "wzp").replace("lambda", "lam").replace("conj(", "conjugate(")
    text = text.replace("^", "**")
    loc = {k: s for k, s in PARAMS.items()}
    loc["N"] = N
    loc.update({str(s): s for s in table.values()})
    return sp.sympify(text, locals=loc)


def check(path, ours_json, ours_csv, final_path):
    words, syms, rhs, closed = load(path)
    by_word = dict(zip(words, syms))
    ours = json.load(open(ours_json))
    ok = True
    # 1. the same variables (up to conjugation) and the same products of three closed
    our_words = [our_word(e["variable"].strip("⟨⟩")) for e in ours["equations"]]
    same_vars = sorted(min(w, conj_word(w)) for w in our_words) == sorted(min(w, conj_word(w)) for w in words)
    our_closed = [our_word(expand_powers(t.strip("⟨⟩"))) for t in ours["closure"]["factorised"]]
    same_closed = sorted(min(w, conj_word(w)) for w in our_closed) == sorted(min(w, conj_word(w)) for w in closed)
    print("variables: peer %d, KeldyshKit %d, same set up to conjugation: %s" % (len(words), len(our_words), same_vars))
    print("products of three closed: peer %d, KeldyshKit %d, same set up to conjugation: %s"
          % (len(closed), len(ours["closure"]["factorised"]), same_closed))
    ok &= same_vars and same_closed
    # 2. the same right-hand side at a random point (parameters, N and every moment random)
    rng = np.random.default_rng(16)
    point = {PARAMS[k]: sp.Float(rng.uniform(0.1, 1.5), 30) for k in PARAMS}
    point[N] = sp.Float(rng.uniform(5, 50), 30)
    val = {}
    for w, s in zip(words, syms):
        val[s] = sp.Float(rng.normal(), 30) + (0 if s.is_real else sp.I * sp.Float(rng.normal(), 30))

    def value(w):  # the peer's value of the moment w
        return val[by_word[w]] if w in by_word else sp.conjugate(val[by_word[conj_word(w)]])

    table = {}
    peer_rhs = dict(zip(words, rhs))
    worst = 0.0
    for e, w in zip(ours["equations"], our_words):
        mine = parse_ours(e["rhs"], table)
        sub = {s: value(ww) for ww, s in table.items()}
        a = complex(sp.N(mine.subs(point).subs(sub), 25))
        if w in peer_rhs:
            b = complex(sp.N(peer_rhs[w].subs(point).subs(val), 25))
        else:
            b = complex(sp.N(peer_rhs[conj_word(w)].subs(point).subs(val), 25)).conjugate()
        worst = max(worst, abs(a - b) / max(1.0, abs(b)))
    print("right-hand sides at a random point (parameters, N = %.3f and all %d moments random): largest relative "
          "difference %.1e (tolerance 1e-12)" % (float(point[N]), len(words), worst))
    ok &= worst < 1e-12
    # 3. the same initial state and the same state at t = T
    fin = json.load(open(final_path))
    pw = [tuple(w) for w in fin["words"]]
    rows = [line.rstrip("\n").split(",") for line in open(ours_csv)]
    head = rows[0]
    for label, ours_row, peer in (("t = 0", rows[1], fin["t0"]), ("t = %g" % fin["t"], rows[-1], fin["final"])):
        assert float(ours_row[0]) == (0.0 if label == "t = 0" else fin["t"])
        diff, scale = 0.0, 0.0
        for col, x in zip(head, ours_row):
            m = re.match(r"(re |im )?⟨([^⟩]*)⟩$", col)
            if not m:
                continue
            w = our_word(m.group(2))
            z = complex(*peer[pw.index(w)]) if w in pw else complex(*peer[pw.index(conj_word(w))]).conjugate()
            p = z.imag if m.group(1) == "im " else z.real
            diff, scale = max(diff, abs(float(x) - p)), max(scale, abs(p))
        tol = 1e-12 if label == "t = 0" else 1e-6
        print("state at %s: largest difference over all %d variables %.1e (largest |value| %.3f; tolerance %g)"
              % (label, len(pw), diff, scale, tol))
        ok &= diff < tol
    print("CHECK " + ("PASSED" if ok else "FAILED"))
    return ok


def expand_powers(text):
    """'S^-^2 T^z' -> 'S^- S^- T^z', 'a^2 S^+' -> 'a a S^+' (KeldyshKit writes repeated letters as powers)."""
    out = []
    for t in text.split():
        m = re.match(r"(.*)\^(\d+)$", t)
        out += [m.group(1)] * int(m.group(2)) if m and m.group(1) in OUR_TOKENS else [t]
    return " ".join(out)


if __name__ == "__main__":
    args = sys.argv[1:]
    mode = args[0] if args else "whole"
    if mode == "derive":
        t = time.perf_counter()
        d, eqs = derive()
        dt = time.perf_counter() - t
        if opt(args, "--save"):
            save(opt(args, "--save"), d, eqs)
        print(json.dumps({"system": "sympy " + sp.__version__, "equations": len(eqs), "closed": len(d.closed),
                          "derive_s": dt}))
    elif mode == "integrate":
        path, n, T = args[1], float(args[2]), float(args[3])
        t = time.perf_counter()
        words, syms, rhs, _ = load(path)
        t1 = time.perf_counter()
        integ = Integrator(words, syms, rhs, n)
        t2 = time.perf_counter()
        sol = integ.integrate(T)
        t3 = time.perf_counter()
        write_final(opt(args, "--out"), words, integ, sol)
        print(json.dumps({"system": "scipy " + __import__("scipy").__version__, "load_s": t1 - t, "lambdify_s": t2 - t1,
                          "integrate_s": t3 - t2, "nfev": int(sol.nfev), "samples": len(sol.t)}))
    elif mode == "whole":
        n, T = float(args[1]), float(args[2])
        t = time.perf_counter()
        d, eqs = derive()
        t1 = time.perf_counter()
        words = list(eqs)
        integ = Integrator(words, [d.var[w] for w in words], [eqs[w] for w in words], n)
        t2 = time.perf_counter()
        sol = integ.integrate(T)
        t3 = time.perf_counter()
        write_final(opt(args, "--out"), words, integ, sol)
        print(json.dumps({"derive_s": t1 - t, "lambdify_s": t2 - t1, "integrate_s": t3 - t2, "nfev": int(sol.nfev)}))
    elif mode == "check":
        sys.exit(0 if check(args[1], args[2], args[3], args[4]) else 1)
    else:
        sys.exit(__doc__)
