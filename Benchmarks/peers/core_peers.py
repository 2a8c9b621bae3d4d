"""The core micro-benchmark workloads of Sources/CoreBenchmark in SymEngine and SymPy.

Usage: python3 core_peers.py {symengine|sympy} N
Prints one JSON object per workload, in the same format as CoreBenchmark.
"""
import json
import sys
import time


def run(system, n):
    if system == "symengine":
        import symengine as S
        subs = lambda e, d: e.subs(d)
    else:
        import sympy as S
        subs = lambda e, d: e.xreplace(d)  # xreplace is SymPy's fast structural substitution
    x, y, z = S.symbols("x y z")
    ws = S.symbols("w0:64")

    def build(n):
        terms = []
        for k in range(n):
            terms.append(S.Integer(k % 97 + 1) * x ** (k % 7) * y ** ((k // 7) % 7)
                         * z ** ((k // 49) % 7) * S.sin(ws[(k // 343) % 64] + S.Integer(k // 21952)))
        return S.Add(*terms)

    def report(workload, seconds, **extra):
        print(json.dumps(dict(system=system, workload=workload, n=n, seconds=seconds, **extra)), flush=True)

    t0 = time.perf_counter(); big = build(n); t1 = time.perf_counter()
    report("construct-sum", t1 - t0)
    t0 = time.perf_counter(); again = build(n); t1 = time.perf_counter()
    t2 = time.perf_counter(); eq = (again == big); t3 = time.perf_counter()
    report("rebuild-identical", t1 - t0, equal=bool(eq), compare_seconds=t3 - t2)
    t0 = time.perf_counter(); s = set(big.args); t1 = time.perf_counter()
    report("hash-terms", t1 - t0, distinct=len(s))
    t0 = time.perf_counter(); r = subs(big, {x: y + 1, z: 2 * x}); t1 = time.perf_counter()
    report("substitute", t1 - t0, terms_after=len(r.args))


if __name__ == "__main__":
    run(sys.argv[1], int(sys.argv[2]))
