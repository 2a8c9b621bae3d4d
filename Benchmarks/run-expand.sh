#!/usr/bin/env bash
# Runs the expand(f·(f+1)), f = (1+x+y+z+t)^n benchmark for KeldyshKit and its peers, side
# by side on this machine, and prints one markdown table row per (system, n).
#
#   Benchmarks/run-expand.sh [n ...]        (default: 10 15 20)
#
# Needs: python3 with sympy, symengine, python-flint (pip install symengine python-flint),
# FORM (apt-get install -y form) and GNU time (/usr/bin/time). Every system runs as its own
# process under `/usr/bin/time -v`; "time" is the computation as timed inside the process
# (interpreter start-up and imports excluded; FORM: whole-process wall clock), "RSS" is the
# process's maximum resident set size. SymPy's generic expand runs only at n = 10: it takes
# about 20 minutes at n = 15.
set -euo pipefail
cd "$(dirname "$0")"
NS=("${@:-10 15 20}")
[[ $# -eq 0 ]] && NS=(10 15 20)
swift build -c release --package-path . >/dev/null
BIN=.build/release/ExpandBenchmark
OUT=$(mktemp -d)

# run <label> <n> <command...>: prints "| label | n | terms | time s | wall s | RSS MB |"
run() {
    local label=$1 n=$2; shift 2
    /usr/bin/time -v "$@" >"$OUT/stdout" 2>"$OUT/stderr" || { echo "| $label | $n | failed | | | |"; return; }
    local terms time wall rss
    terms=$(awk '$1=="terms"{print $2}' "$OUT/stdout")
    time=$(awk '$1=="time"{print $2}' "$OUT/stdout")
    if [[ -z "$terms" ]]; then   # FORM: "g   Terms in output =   46376"
        terms=$(grep -E '^ +g +Terms in output' "$OUT/stdout" | awk '{print $NF}')
    fi
    wall=$(grep 'Elapsed (wall clock)' "$OUT/stderr" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
    [[ -z "$time" ]] && time=$wall
    rss=$(grep 'Maximum resident set size' "$OUT/stderr" | awk '{printf "%.0f", $NF/1024}')
    printf '| %s | %s | %s | %.4g | %.3g | %s |\n' "$label" "$n" "$terms" "$time" "$wall" "$rss"
}

echo "| system | n | terms | time (s) | process wall (s) | max RSS (MB) |"
echo "|---|---|---|---|---|---|"
for n in "${NS[@]}"; do
    run "KeldyshKit Expr.expand()" "$n" "$BIN" expand "$n"
    run "FLINT fmpz_mpoly (python-flint)" "$n" python3 peers/flint_mpoly.py "$n"
    run "SymPy ring (PolyElement, ZZ)" "$n" python3 peers/sympy_ring.py "$n"
    run "FORM" "$n" form -D "N=$n" peers/expand.frm
    run "SymEngine expand" "$n" python3 peers/symengine_expand.py "$n"
    if [[ $n -le 10 ]]; then run "SymPy expand (generic)" "$n" python3 peers/sympy_expand.py "$n"; fi
done

echo
echo "KeldyshKit breakdown (separate fresh processes):"
for n in "${NS[@]}"; do
    echo "n=$n breakdown: $("$BIN" breakdown "$n" | tr '\n' ' ')"
    echo "n=$n kernel:    $("$BIN" kernel "$n" | tr '\n' ' ')"
done
rm -rf "$OUT"
