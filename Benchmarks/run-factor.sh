#!/usr/bin/env bash
# Factorisation over ℚ (issue 14): `keldysh factor` against SymPy factor_list and FLINT
# (python-flint fmpz_poly.factor / fmpz_mpoly.factor), side by side, each on one core
# (taskset -c 0) as its own process under /usr/bin/time -v.
#
#   Benchmarks/run-factor.sh [KELDYSH] [CASE ...]    default: the release build; uni100 sd16 sd32 tri
#
# Cases (Benchmarks/peers/factor_peers.py): uni100 — 5 random dense monic factors of degree 20
# multiplied out; sd16, sd32 — Swinnerton–Dyer polynomials (irreducible, ≥ 8 and ≥ 16 modular
# factors at every prime); tri — three random trivariate factors of total degree ≤ 4, 426 terms.
# "in-process" is the factorisation alone: for Python as timed inside the process (imports and
# parsing excluded); for KeldyshKit the median over 5 runs of the wall time of `keldysh factor`
# minus that of `keldysh simplify --canonical` on the same text (the same parse and start-up,
# no factorisation), from the shell's microsecond clock. "process CPU" is user + system time of
# the whole process from /usr/bin/time (10 ms resolution).
# SymPy runs twice: with its default ground types (python-flint installed, so univariate ℤ[x]
# factorisation is delegated to FLINT) and with SYMPY_GROUND_TYPES=python (its own Zassenhaus
# and Wang code).
set -euo pipefail
cd "$(dirname "$0")/.."
K=${1:-}
if [[ -z "$K" ]]; then
    swift build -c release --product keldysh >/dev/null
    K="$(swift build -c release --show-bin-path)/keldysh"
fi
shift || true
CASES=("$@")
[[ ${#CASES[@]} -eq 0 ]] && CASES=(uni100 sd16 sd32 tri)
PEERS=Benchmarks/peers/factor_peers.py
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

# wall <command...>: the median of 5 wall times in seconds
wall() {
    local ts=()
    for _ in 1 2 3 4 5; do
        local t0=$EPOCHREALTIME
        taskset -c 0 "$@" >/dev/null
        ts+=("$(python3 -c "print($EPOCHREALTIME - $t0)")")
    done
    printf '%s\n' "${ts[@]}" | sort -g | sed -n 3p
}

# run <label> <case> <command...>: one table row
run() {
    local label=$1 c=$2; shift 2
    taskset -c 0 /usr/bin/time -v "$@" >"$OUT/stdout" 2>"$OUT/stderr" || { echo "| $c | $label | failed | | |"; return; }
    local inproc cpu rss
    inproc=$(awk '$1=="time"{printf "%.4g", $2}' "$OUT/stdout")
    if [[ "$1" == "$K" ]]; then
        inproc=$(python3 -c "print(f'{max($(wall "$@") - $(wall "$K" simplify --canonical "$3"), 0):.4g}')")
    fi
    cpu=$(awk -F': ' '/User time/{u=$2} /System time/{s=$2} END{printf "%.3g", u+s}' "$OUT/stderr")
    rss=$(grep 'Maximum resident set size' "$OUT/stderr" | awk '{printf "%.0f", $NF/1024}')
    printf '| %s | %s | %s | %s | %s |\n' "$c" "$label" "${inproc:-–}" "$cpu" "$rss"
}

echo "| case | system | in-process (s) | process CPU (s) | max RSS (MB) |"
echo "|---|---|---|---|---|"
for c in "${CASES[@]}"; do
    python3 $PEERS expr "$c" >"$OUT/expr"
    run "KeldyshKit keldysh factor" "$c" "$K" factor "$(cat "$OUT/expr")"
    run "FLINT (python-flint)" "$c" python3 $PEERS flint "$c"
    run "SymPy factor_list (default: flint ground types)" "$c" python3 $PEERS sympy "$c"
    run "SymPy factor_list (SYMPY_GROUND_TYPES=python)" "$c" env SYMPY_GROUND_TYPES=python python3 $PEERS sympy "$c"
done
