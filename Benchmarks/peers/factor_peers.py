# Factorisation peers for Benchmarks/run-factor.sh: the test polynomials (deterministic) and
# their factorisation by SymPy (factor_list) and FLINT (python-flint fmpz_poly / fmpz_mpoly).
#
#   python3 factor_peers.py expr CASE      prints the expanded polynomial in keldysh syntax
#   python3 factor_peers.py sympy CASE     factors it with SymPy, prints "factors N" and "time S"
#   python3 factor_peers.py flint CASE     the same with python-flint
#
# CASE: uni100 (5 random dense monic factors of degree 20, coefficients in [-9, 9]), sd16 and
# sd32 (the Swinnerton–Dyer polynomials of √2, √3, √5, √7 and of √2, …, √11: degree 16 and 32,
# irreducible, ≥ 8 and ≥ 16 factors mod every prime), tri (three random trivariate factors of total degree 4, expanded).
import random, sys, time
from sympy import symbols, expand, Poly, factor_list, sqrt, minimal_polynomial, Integer

x, y, z = symbols("x y z")


def case(name):
    rnd = random.Random(14)
    if name == "uni100":
        p = Integer(1)
        for _ in range(5):
            p *= x**20 + sum(rnd.randint(-9, 9) * x**k for k in range(20))
        return expand(p), (x,)
    if name == "sd16":
        return minimal_polynomial(sqrt(2) + sqrt(3) + sqrt(5) + sqrt(7), x), (x,)
    if name == "sd32":
        return minimal_polynomial(sqrt(2) + sqrt(3) + sqrt(5) + sqrt(7) + sqrt(11), x), (x,)
    if name == "tri":
        p = Integer(1)
        for _ in range(3):
            f = 0
            for a in range(5):
                for b in range(5 - a):
                    for c in range(5 - a - b):
                        if rnd.random() < 0.5:
                            f += rnd.randint(-9, 9) * x**a * y**b * z**c
            p *= f + 1
        return expand(p), (x, y, z)
    raise SystemExit("unknown case " + name)


def main():
    what, name = sys.argv[1], sys.argv[2]
    p, gens = case(name)
    if what == "expr":
        print(str(p).replace("**", "^"))
        return
    if what == "sympy":
        poly = Poly(p, *gens)
        start = time.perf_counter()
        c, fs = poly.factor_list()
        elapsed = time.perf_counter() - start
    elif what == "flint":
        import flint
        if len(gens) == 1:
            f = flint.fmpz_poly([int(c) for c in reversed(Poly(p, x).all_coeffs())])
            start = time.perf_counter()
            c, fs = f.factor()
            elapsed = time.perf_counter() - start
        else:
            ctx = flint.fmpz_mpoly_ctx.get(("x", "y", "z"), "deglex")
            X, Y, Z = ctx.gens()
            f = ctx.from_dict({m: int(c) for m, c in Poly(p, *gens).terms()})
            start = time.perf_counter()
            c, fs = f.factor()
            elapsed = time.perf_counter() - start
    print("terms", len(Poly(p, *gens).terms()))
    print("factors", sum(m for _, m in fs))
    print("time", elapsed)


main()
