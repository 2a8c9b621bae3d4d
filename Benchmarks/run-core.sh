#!/usr/bin/env bash
# The core micro-benchmark: construction, rebuilding (hash-consing hits), hashing and
# simultaneous substitution on a sum of N distinct terms, for KeldyshKit, SymEngine and
# SymPy, side by side, each in its own process under /usr/bin/time -v.
#
#   Benchmarks/run-core.sh [N ...]     (default: 100000 1000000; SymPy only at N ≤ 100000)
#
# Prints one markdown row per (system, N, workload) and the peak memory per process.
set -euo pipefail
cd "$(dirname "$0")"
NS=("$@"); [[ $# -eq 0 ]] && NS=(100000 1000000)
swift build -c release --package-path . --product CoreBenchmark >/dev/null
BIN=.build/release/CoreBenchmark
OUT=$(mktemp -d)

run() {  # run <system> <N> <command...>
    local sys=$1 n=$2; shift 2
    if ! /usr/bin/time -v "$@" >"$OUT/stdout" 2>"$OUT/stderr"; then echo "| $sys | $n | failed | | |"; return; fi
    local rss
    rss=$(grep 'Maximum resident set size' "$OUT/stderr" | awk '{printf "%.0f", $NF/1024}')
    python3 - "$OUT/stdout" "$sys" "$n" "$rss" <<'PY'
import json, sys
path, system, n, rss = sys.argv[1:]
for line in open(path):
    r = json.loads(line)
    if "seconds" not in r: continue
    extra = "compare %.2g s" % r["compare_seconds"] if "compare_seconds" in r else ""
    print(f"| {system} | {n} | {r['workload']} | {r['seconds']:.4g} | {rss} | {extra} |")
PY
}

echo "| system | N | workload | time (s) | process max RSS (MB) | note |"
echo "|---|---|---|---|---|---|"
for n in "${NS[@]}"; do
    run KeldyshKit "$n" "$BIN" "$n"
    run SymEngine "$n" python3 peers/core_peers.py symengine "$n"
    if (( n <= 100000 )); then run SymPy "$n" python3 peers/core_peers.py sympy "$n"; fi
done
