#!/usr/bin/env bash
# Benchmark (issue 12): paper 000's whole symbolic chain, derivations/000-open-tavis-cummings/
# model.kd → A58 and B15 (what `keldysh derive MODEL --steps` computes), step by step
# (ChainBenchmark), and beside its slowest step (the kernel of φ and G = K⁻¹) the closest peer
# operation: SymPy inverting the same 4×4 kernel, exported by ChainBenchmark, with every entry
# cancelled (peers/chain_sympy.py), and GiNaC doing the same with inverse() + normal()
# (peers/chain_ginac.cpp), both checked against KeldyshKit's G; for reference also the
# issue-11 peers on the typed G0⁻¹ (SymPy, GiNaC; run-nambu-keldysh.sh's programs, unchanged). Each process on one core (taskset -c 0 /usr/bin/time -v).
#
#   Benchmarks/run-chain.sh [N]     N repetitions inside ChainBenchmark (default 20); the
#                                   peers run best of 3
#
# Needs python3 with sympy, g++ and libginac-dev. Nothing is written into the repository
# (the kernel export goes to a temporary folder, removed on exit).
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(cd .. && pwd)
REPS=${1:-20}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

# The Benchmarks package sees KeldyshKit as a path dependency whose file list SwiftPM keeps until a
# manifest changes: without this, files added under Sources/ are not compiled into it.
touch "$ROOT/Benchmarks/Package.swift"
(cd "$ROOT" && swift build -c release --package-path Benchmarks --product ChainBenchmark >/dev/null)
taskset -c 0 /usr/bin/time -v "$ROOT/Benchmarks/.build/release/ChainBenchmark" \
    "$ROOT/derivations/000-open-tavis-cummings/model.kd" "$REPS" --export "$OUT" >"$OUT/stdout" 2>"$OUT/stderr"
python3 - "$OUT/stdout" "$OUT/stderr" <<'PY'
import json, re, sys
out, err = sys.argv[1:]
rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(err).read()).group(1))
rows = [json.loads(l) for l in open(out)]
steps = [r for r in rows if "step" in r]
print(f"| KeldyshKit step | first (ms) | best of {steps[0]['repetitions']} (ms) | median (ms) |")
print("|---|---|---|---|")
for r in steps:
    print(f"| {r['step']} | {r['first_s']*1e3:.3g} | {r['best_s']*1e3:.3g} | {r['median_s']*1e3:.3g} |")
print(f"\nChainBenchmark process max RSS: {rss_kb / 1024:.1f} MB")
for r in rows:
    if "check" in r: print("check:", json.dumps(r, ensure_ascii=False))
PY
# Peak memory of one pass (one repetition: two passes and two deriveSteps in all), since the
# process's RSS grows with the repetitions.
taskset -c 0 /usr/bin/time -v "$ROOT/Benchmarks/.build/release/ChainBenchmark" \
    "$ROOT/derivations/000-open-tavis-cummings/model.kd" 1 >/dev/null 2>"$OUT/stderr"
echo "ChainBenchmark with 1 repetition, process max RSS: $(( $(sed -n 's/.*Maximum resident set size (kbytes): //p' "$OUT/stderr") / 1024 )) MB"
echo

# The peer operation beside the slowest step: the 4×4 inverse + normal form (peers unchanged).
BIN=$OUT/nambu_keldysh_ginac
g++ -O2 -o "$BIN" peers/nambu_keldysh_ginac.cpp $(pkg-config --cflags --libs ginac 2>/dev/null || echo -lginac -lcln)
CHAIN_GINAC=$OUT/chain_ginac
g++ -O2 -o "$CHAIN_GINAC" peers/chain_ginac.cpp $(pkg-config --cflags --libs ginac 2>/dev/null || echo -lginac -lcln)
NOASLR=(); setarch "$(uname -m)" -R true 2>/dev/null && NOASLR=(setarch "$(uname -m)" -R)
echo "| peer | best of 3 (s) | process max RSS (MB) |"
echo "|---|---|---|"
peer() {
    local label=$1; shift
    taskset -c 0 /usr/bin/time -v "$@" >"$OUT/stdout" 2>"$OUT/stderr" || { echo "| $label | failed | |"; return; }
    python3 - "$OUT/stdout" "$OUT/stderr" "$label" <<'PY'
import json, re, sys
out, err, label = sys.argv[1:]
rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(err).read()).group(1))
for line in open(out):
    r = json.loads(line)
    if "seconds" in r: print(f"| {label} | {r['seconds']:.4g} | {rss_kb / 1024:.1f} |")
PY
}
SYMPY=$(python3 -c 'import sympy; print(sympy.__version__)')
peer "SymPy $SYMPY inv(ADJ)+cancel, the kernel of phi as KeldyshKit derives it (chain_sympy.py)" \
    python3 peers/chain_sympy.py "$OUT" 3 --method adj
peer "GiNaC $(pkg-config --modversion ginac 2>/dev/null || echo '?') inverse()+normal(), the kernel of phi as KeldyshKit derives it (chain_ginac.cpp)" \
    "$CHAIN_GINAC" "$OUT" 3
peer "SymPy $SYMPY inv(ADJ)+cancel, the issue-11 typed G0⁻¹ (nambu_keldysh_sympy.py)" \
    python3 peers/nambu_keldysh_sympy.py 3 --method adj
peer "GiNaC $(pkg-config --modversion ginac 2>/dev/null || echo '?') inverse()+normal(), the issue-11 typed G0⁻¹" "${NOASLR[@]}" "$BIN" 3
echo
echo "Check (untimed): SymPy's inverse of the derived kernel against KeldyshKit's G:"
python3 peers/chain_sympy.py "$OUT" 1 --check | grep '"check"'
echo "Check (untimed): GiNaC's inverse of the derived kernel against KeldyshKit's G:"
"$CHAIN_GINAC" "$OUT" 1 --check | grep '"check"'
echo
uptime
date -u
