#!/usr/bin/env bash
# Benchmark: invert the 4×4 Nambu ⊗ Keldysh matrix G0^{-1}(ω) of paper 000 (Eq. 7 at the
# saddle point; inverse A14–A17) and bring every entry to a normal form, in KeldyshKit
# (NambuKeldyshBenchmark: the typed matrix by the general inverse and by Keldysh blocks, and the
# whole path from derivations/000-open-tavis-cummings/model.kd), SymPy (Matrix.inv ADJ and LU,
# then cancel) and GiNaC (matrix::inverse, then normal), each in its own process on one core
# (taskset -c 0 /usr/bin/time -v). Peer times exclude imports/start-up and building the matrix;
# KeldyshKit's "typed" rows include building it (parsing the 16 entries).
#
#   Benchmarks/run-nambu-keldysh.sh [N] [--check] [--write-reference]
#
#   N                  best of N repetitions inside each process (default 3)
#   --check            afterwards (untimed): M·M⁻¹ = 1 in both systems, SymPy's inverse against
#                      the closed forms A15–A17, GiNaC's entries against SymPy's
#   --write-reference  (implies --check) rewrite
#                      derivations/000-open-tavis-cummings/reference/g0-inverse-{ginac,sympy}.txt
#
# The GiNaC program is compiled into a temporary folder (removed on exit); nothing is
# written into the repository unless --write-reference is given.
# Needs python3 with sympy, g++ and libginac-dev (apt-get install -y libginac-dev).
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(cd .. && pwd)
REPS=3 CHECK=0 WRITE=0
for a in "$@"; do
    case $a in
        --check) CHECK=1 ;;
        --write-reference) CHECK=1 WRITE=1 ;;
        *) REPS=$a ;;
    esac
done
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
BIN=$OUT/nambu_keldysh_ginac
g++ -O2 -o "$BIN" peers/nambu_keldysh_ginac.cpp $(pkg-config --cflags --libs ginac 2>/dev/null || echo -lginac -lcln)

run() {  # run <label> <command...>: one process, pinned to core 0, under /usr/bin/time -v
    local label=$1; shift
    if ! taskset -c 0 /usr/bin/time -v "$@" >"$OUT/stdout" 2>"$OUT/stderr"; then
        echo "| $label | failed | | | |"; cat "$OUT/stderr" >&2; return
    fi
    python3 - "$OUT/stdout" "$OUT/stderr" "$label" <<'PY'
import json, re, sys
out, err, label = sys.argv[1:]
rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(err).read()).group(1))
wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", open(err).read()).group(1)
for line in open(out):
    r = json.loads(line)
    if "seconds" in r:
        times = ", ".join("%.4g" % t for t in r["all_seconds"])
        print(f"| {label} | {r['seconds']:.4g} | {times} | {rss_kb / 1024:.1f} | {wall} | {r['checksum'][:16]} |")
PY
}

# KeldyshKit: one process, three workloads; it checks M·M⁻¹ = 1 itself (exit 1 otherwise).
# The Benchmarks package sees KeldyshKit as a path dependency whose file list SwiftPM keeps until a
# manifest changes: without this, files added under Sources/ are not compiled into it.
touch "$ROOT/Benchmarks/Package.swift"
(cd "$ROOT" && swift build -c release --package-path Benchmarks --product NambuKeldyshBenchmark >/dev/null)
echo "| KeldyshKit workload | first call (s) | best of 20 (s) | median (s) | process max RSS (MB) | M·M⁻¹ = 1 |"
echo "|---|---|---|---|---|---|"
taskset -c 0 /usr/bin/time -v "$ROOT/Benchmarks/.build/release/NambuKeldyshBenchmark" \
    "$ROOT/derivations/000-open-tavis-cummings/model.kd" 20 >"$OUT/stdout" 2>"$OUT/stderr"
python3 - "$OUT/stdout" "$OUT/stderr" <<'PY'
import json, re, sys
out, err = sys.argv[1:]
rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(err).read()).group(1))
for line in open(out):
    r = json.loads(line)
    print(f"| {r['workload']} | {r['first_s']:.4g} | {r['best_s']:.4g} | {r['median_s']:.4g} | {rss_kb / 1024:.1f} | {r['inverse_checked']} |")
PY
echo

echo "| system, method | best of $REPS (s) | all (s) | process max RSS (MB) | process wall | checksum (sha256, 16 hex) |"
echo "|---|---|---|---|---|---|"
run "SymPy $(python3 -c 'import sympy; print(sympy.__version__)') inv(ADJ)+cancel" \
    python3 peers/nambu_keldysh_sympy.py "$REPS" --method adj
run "SymPy inv(LU)+cancel" python3 peers/nambu_keldysh_sympy.py "$REPS" --method lu
# GiNaC orders terms by hash values that depend on addresses, so its printed text (and the
# checksum) changes from run to run under address-space randomisation; run it without.
NOASLR=(); setarch "$(uname -m)" -R true 2>/dev/null && NOASLR=(setarch "$(uname -m)" -R)
run "GiNaC $(pkg-config --modversion ginac 2>/dev/null || echo '?') inverse()+normal()" "${NOASLR[@]}" "$BIN" "$REPS"

if (( CHECK )); then
    echo
    echo "Checks (untimed):"
    REF=$ROOT/derivations/000-open-tavis-cummings/reference
    if (( WRITE )); then mkdir -p "$REF"; G=$REF/g0-inverse-ginac.txt S=$REF/g0-inverse-sympy.txt
    else G=$OUT/g0-inverse-ginac.txt S=$OUT/g0-inverse-sympy.txt; fi
    "${NOASLR[@]}" "$BIN" 1 --export "$G" | grep '"check"'
    python3 peers/nambu_keldysh_sympy.py 1 --check --export "$S" --compare "$G" | grep '"check"'
    (( WRITE )) && echo "wrote $G and $S"
fi
