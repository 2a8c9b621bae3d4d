#!/bin/sh
# Derivation benchmark (issue 4): (A1) and (A2) of paper 003 derived from the model
# (Eqs. 1-2), KeldyshKit (model file -> OpenSystem -> mean field -> linearisation) against the
# same derivation in SymPy (sympy.physics.quantum), one core, each under /usr/bin/time -v.
# Usage: Benchmarks/run-derive.sh [swift repetitions] [sympy repetitions]   (from the repository root)
set -e
R=${1:-200}
P=${2:-5}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$(dirname "$0")"
swift build -c release --product DeriveBenchmark >/dev/null
BIN=$(swift build -c release --show-bin-path)/DeriveBenchmark
run() { # label, command...
    label=$1; shift
    echo "== $label"
    taskset -c 0 /usr/bin/time -v "$@" 2>time.$$.log || { cat time.$$.log; exit 1; }
    grep -E "Maximum resident set size|Elapsed \(wall" time.$$.log | sed 's/^[[:space:]]*/   /'
    rm -f time.$$.log
}
run "keldyshkit" "$BIN" "$ROOT/derivations/003-spintronic-dicke/model.kd" "$R"
run "sympy" python3 peers/derive_sympy.py "$P"
