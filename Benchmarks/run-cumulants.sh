#!/bin/sh
# Benchmark of issue 16: the second-order cumulant equations of paper 003 (Eqs. 1-2) derived from
# the model and integrated to t = T at an L1 point (gamma_up/gamma_t = 0.9, lambda = 0.2,
# N = 1000), KeldyshKit (release CLI) beside SymPy + scipy (Benchmarks/peers/cumulants_sympy_scipy.py),
# same machine, same run, each process pinned to core 0 under /usr/bin/time -v. Times:
# derivation alone, integration alone, whole process; then the peer is checked against
# KeldyshKit (same variables, same right-hand side at a random point, same state at t = T).
# Usage: Benchmarks/run-cumulants.sh [N] [T]     (from anywhere; N = 1000, T = 2000)
set -e
N=${1:-1000}
T=${2:-2000}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
swift build -c release --product keldysh >/dev/null
K=$(swift build -c release --show-bin-path)/keldysh
M=derivations/003-spintronic-dicke/model.kd
PEER="python3 Benchmarks/peers/cumulants_sympy_scipy.py"
P="--set gdown=1-gup --set wc=1 --set wz=1 --set wz'=1 --set eta=1/10 --set eta'=1/10 --set kappa=3/50 --set gup=0.9 --set lambda=0.2"
I="a=0.01,Sz=-0.49,S-=0.0994987437,T-=0.01,Tz=0"
OUT=$(mktemp -d)
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1
run() { # label, command... (stdout to $OUT/last.out): wall time (ns clock) and peak memory
    label=$1; shift
    s=$(date +%s%N)
    taskset -c 0 /usr/bin/time -v "$@" >"$OUT/last.out" 2>"$OUT/time.log" || { cat "$OUT/time.log"; exit 1; }
    e=$(date +%s%N)
    W=$(echo "($e - $s) / 1000000000" | bc -l)
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$OUT/time.log")
    printf '%-58s wall %9.3f s   max RSS %7.1f MB\n' "$label" "$W" "$(echo "$rss / 1024" | bc -l)"
}
uptime
echo "== derivation alone"
for k in 1 2 3; do
    run "keldyshkit: keldysh derive --cumulant-order 2 --json" "$K" derive $M --cumulant-order 2 --json
done
cp "$OUT/last.out" "$OUT/ours.json"
run "sympy: derive --save (process)" $PEER derive --save "$OUT/peer.json"
echo "   in-process: $(cat "$OUT/last.out")"
echo "== integration alone (t = 0 .. $T, N = $N, DOP853 rtol 1e-9 atol 1e-11, samples every 0.5)"
run "keldyshkit: keldysh dynamics --t 0.5 (everything but the integration)" \
    "$K" dynamics $M $P --set N=$N --cumulant-order 2 --t 0.5 --observe 'Sx=re(<S->)' --initial $I
W0=$W
run "keldyshkit: keldysh dynamics --t $T" \
    "$K" dynamics $M $P --set N=$N --cumulant-order 2 --t "$T" --observe 'Sx=re(<S->)' --initial $I --out "$OUT/ours"
printf '   keldyshkit integration alone (difference of the two runs): %.3f s\n' "$(echo "$W - $W0" | bc -l)"
run "scipy: integrate (load saved equations, lambdify, solve_ivp)" $PEER integrate "$OUT/peer.json" "$N" "$T" --out "$OUT/final.json"
echo "   in-process: $(cat "$OUT/last.out")"
echo "== whole process (derive + compile/lambdify + integrate)"
run "keldyshkit: keldysh dynamics --t $T (as above)" \
    "$K" dynamics $M $P --set N=$N --cumulant-order 2 --t "$T" --observe 'Sx=re(<S->)' --initial $I
run "sympy + scipy: whole" $PEER whole "$N" "$T"
echo "   in-process: $(cat "$OUT/last.out")"
echo "== check: the peer against KeldyshKit"
$PEER check "$OUT/peer.json" "$OUT/ours.json" "$OUT/ours/trajectory.csv" "$OUT/final.json"
uptime
rm -rf "$OUT"
