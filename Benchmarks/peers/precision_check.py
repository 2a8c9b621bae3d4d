"""Reads the JSON lines of the precision benchmarks on stdin, checks each eigenvalue against
mpmath's mp.eig at 100 digits and each integral against the closed form 1/3, and prints a
table with time per solve, ratio to KeldyshKit and verified digits."""
import json
import sys

from mpmath import mp

from precision_common import POINT, a2_rows, rightmost

rows = [json.loads(line) for line in sys.stdin if line.startswith("{")]
mp.dps = 100
p = [mp.mpf(s) for s in POINT]
reference = rightmost(mp.eig(mp.matrix(a2_rows(p, mp.mpc(0, 1), mp.mpf(0))), left=False, right=False),
                      lambda z: z.real, lambda z: z.imag)


def digits(err, scale):
    return float(-mp.log10(err / scale)) if err > 0 else 100.0


for workload in ["eig", "quad"]:
    selected = [r for r in rows if r["workload"].startswith(workload)]
    ours = [r for r in selected if r["system"] == "keldyshkit" and r["workload"] == workload]
    base = ours[0]["seconds_per_solve"] if ours else None
    for r in selected:
        if workload == "eig":
            z = mp.mpc(mp.mpf(r["re"]), mp.mpf(r["im"]))
            verified = digits(abs(z - reference), abs(reference))
        else:
            verified = digits(abs(mp.mpf(r["value"]) - mp.mpf(1) / 3), mp.mpf(1) / 3)
        ratio = r["seconds_per_solve"] / base if base else float("nan")
        print(f"{r['workload']:13s} {r['system']:13s} {r['seconds_per_solve'] * 1e6:12.1f} µs/solve"
              f"  first call {r['first_call_seconds'] * 1e3:9.3f} ms  ×{ratio:8.1f} of keldyshkit"
              f"  verified digits {verified:5.1f}")
