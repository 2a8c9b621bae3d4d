#!/bin/sh
# Benchmark of issue 13: one condensation threshold h_c of paper 000's open Tavis–Cummings
# model (first-order reading, 6 digits asked) by `keldysh threshold` (model file → derivation →
# closed-form Σ → K1^R(0) = 0) against the same equations typed into numpy/scipy
# (Benchmarks/peers/condensation_threshold.py), one core, each run its own process under
# /usr/bin/time -v. Prints both h_c, the times and peak RSS of every run, and the ratios.
# The whole keldysh process also reads and derives the model, which the peer's equations skip
# (typed in by hand), so the in-process comparison is with CondensationBenchmark
# (Benchmarks/Sources/CondensationBenchmark): the same threshold through
# findCondensationThreshold, repeated in one process with the derived model's memo warm.
# Usage: Benchmarks/run-condensation.sh [repeats] [in-process repeats]
#        (from anywhere; repeats, the processes of each kind, defaults to 5; in-process repeats to 20)
set -e
R=${1:-5}
N=${2:-20}
cd "$(dirname "$0")/.."
swift build -c release --product keldysh >/dev/null
BIN=$(swift build -c release --show-bin-path)/keldysh
# The Benchmarks package sees KeldyshKit as a path dependency whose file list SwiftPM keeps until a
# manifest changes: without this, files added under Sources/ are not compiled into it.
touch Benchmarks/Package.swift
swift build -c release --package-path Benchmarks --product CondensationBenchmark >/dev/null
BENCH=$(swift build -c release --package-path Benchmarks --show-bin-path)/CondensationBenchmark
MODEL=derivations/000-open-tavis-cummings/model.kd
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
# field of /usr/bin/time -v by its label
field() { grep -F "$1" "$LOG" | sed 's/.*: //'; }
seconds() { # h:mm:ss or m:ss.ss → seconds
    echo "$1" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = 60 * s + $i; print s }'
}
cpu() { awk -v u="$(field 'User time')" -v s="$(field 'System time')" 'BEGIN { printf "%.3f", u + s }'; }
uptime
echo "== keldysh threshold (release), $R runs"
KK_CPU=""; KK_RSS=""
for i in $(seq "$R"); do
    taskset -c 0 /usr/bin/time -v "$BIN" threshold "$MODEL" --vary h --in 0:8 --set g=1 --set eps0=0 --set w0=0 \
        --set gamma=0.75 --set kappa=0.25 --set muB=-0.5 --set TF=0.1 --set xi=0 --set Omega=2.5 \
        --reading first-order --digits 6 --json >"$LOG.out" 2>"$LOG" || { cat "$LOG"; exit 1; }
    [ "$i" = 1 ] && grep -E '"(value|frequency|coarse_value|fine_value|nodes|evaluations|verified_by)"' "$LOG.out" | sed 's/^ */   /'
    [ "$i" = 1 ] && KK_VALUE=$(sed -n 's/^ *"value": "\([^"]*\)".*/\1/p' "$LOG.out")
    c=$(cpu); KK_CPU="$KK_CPU $c"; KK_RSS="$KK_RSS $(field 'Maximum resident')"
    echo "   run $i: wall $(seconds "$(field 'Elapsed (wall')") s, cpu $c s, max RSS $(field 'Maximum resident') kB"
done
rm -f "$LOG.out"
echo "== Python (numpy/scipy) peer, $R processes of one threshold each"
PY_CPU=""; PY_IN=""; PY_RSS=""
for i in $(seq "$R"); do
    taskset -c 0 /usr/bin/time -v python3 Benchmarks/peers/condensation_threshold.py 1 >"$LOG.out" 2>"$LOG" || { cat "$LOG"; exit 1; }
    [ "$i" = 1 ] && sed 's/^/   /' "$LOG.out"
    c=$(cpu); PY_CPU="$PY_CPU $c"; PY_RSS="$PY_RSS $(field 'Maximum resident')"
    inproc=$(sed -n 's/.*cpu: best \([0-9.]*\) s.*/\1/p' "$LOG.out"); PY_IN="$PY_IN $inproc"
    echo "   process $i: wall $(seconds "$(field 'Elapsed (wall')") s, cpu $c s (imports + one threshold), in-process cpu of the threshold $inproc s, max RSS $(field 'Maximum resident') kB"
done
rm -f "$LOG.out"
echo "== KeldyshKit in process (CondensationBenchmark, release), one process, $N repeats"
taskset -c 0 /usr/bin/time -v "$BENCH" "$N" >"$LOG.out" 2>"$LOG" || { cat "$LOG"; exit 1; }
sed 's/^/   /' "$LOG.out"
BENCH_RSS=$(field 'Maximum resident')
echo "   process: wall $(seconds "$(field 'Elapsed (wall')") s, cpu $(cpu) s, max RSS $BENCH_RSS kB"
BENCH_VALUE=$(sed -n 's/^h_c = \([^ ]*\) .*/\1/p' "$LOG.out")
[ "$BENCH_VALUE" = "$KK_VALUE" ] || { echo "in-process h_c $BENCH_VALUE differs from keldysh threshold's $KK_VALUE"; exit 1; }
# ms → s, best and median of the memo-warm repeats
IN_BEST=$(sed -n 's/.*memo warm.*cpu: best \([0-9.]*\) ms, median \([0-9.]*\) ms;.*/\1/p' "$LOG.out" | awk '{ printf "%.6f", $1 / 1000 }')
IN_MED=$(sed -n 's/.*memo warm.*cpu: best \([0-9.]*\) ms, median \([0-9.]*\) ms;.*/\2/p' "$LOG.out" | awk '{ printf "%.6f", $1 / 1000 }')
rm -f "$LOG.out"
best() { echo "$@" | tr ' ' '\n' | grep . | sort -g | head -1; }
med() { echo "$@" | tr ' ' '\n' | grep . | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
echo "== ratios (cpu time, best and median of $R processes; in-process KeldyshKit: of $N repeats in one)"
awk -v k="$(best $KK_CPU)" -v km="$(med $KK_CPU)" -v p="$(best $PY_IN)" -v pm="$(med $PY_IN)" \
    -v q="$(best $PY_CPU)" -v qm="$(med $PY_CPU)" -v i="$IN_BEST" -v im="$IN_MED" \
    -v kr="$(med $KK_RSS)" -v pr="$(med $PY_RSS)" -v br="$BENCH_RSS" 'BEGIN {
    printf "   keldysh whole process (model file to h_c): best %.3f s, median %.3f s\n", k, km
    printf "   Python threshold in-process: best %.3f s, median %.3f s; whole process: best %.3f s, median %.3f s\n", p, pm, q, qm
    printf "   KeldyshKit threshold in-process (memo warm, numbers only): best %.4f s, median %.4f s\n", i, im
    printf "   Python in-process / keldysh process: best %.1fx, median %.1fx\n", p / k, pm / km
    printf "   Python process / keldysh process:    best %.1fx, median %.1fx\n", q / k, qm / km
    printf "   Python in-process / KeldyshKit in-process (memo warm): best %.1fx, median %.1fx\n", p / i, pm / im
    printf "   peak RSS (median of processes): keldysh %d kB, Python %d kB (Python / keldysh %.1fx); CondensationBenchmark %d kB\n", kr, pr, pr / kr, br }'
uptime
