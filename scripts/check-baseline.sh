#!/usr/bin/env bash
# The regression baseline of seed 003: every output below must stay byte-identical across a
# change that is not a named fix (verify reports, derivations, thresholds, scan grids and
# diagrams, shards + merge, dynamics, error messages).
#
#   scripts/check-baseline.sh            compare with scripts/baseline/ (exit 1 on any difference)
#   scripts/check-baseline.sh --record   rewrite scripts/baseline/ (commit it with the fix it records)
#
# KELDYSH=path/to/keldysh selects the binary (default: a release build made here).
# Small outputs are kept verbatim in scripts/baseline/ so a difference shows as a diff; every
# output, large or small, is compared through scripts/baseline/SHA256SUMS.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BASE=$ROOT/scripts/baseline
MODE=check
[ "${1:-}" = "--record" ] && MODE=record

if [ -z "${KELDYSH:-}" ]; then
  swift build -c release --product keldysh >/dev/null
  KELDYSH="$(swift build -c release --show-bin-path)/keldysh"
fi
K=$KELDYSH

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
OUT=$WORK/out
mkdir -p "$OUT" "$WORK/run"
# Commands run from a folder where derivations/ has the repository's relative path, so every
# path printed is the same wherever the script runs.
ln -s "$ROOT/derivations" "$WORK/run/derivations"
cd "$WORK/run"

M=derivations/003-spintronic-dicke/model.kd
G=derivations/003-spintronic-dicke/figures/model-gilbert.kd
D=derivations/003-spintronic-dicke
P=(--set gdown=1-gup --set wc=1 --set wz=1 --set "wz'=1" --set eta=1/10 --set "eta'=1/10" --set kappa=3/50)
AX=(--xlabel "γ↑/γ_t" --ylabel "λ")

# case NAME COMMAND...: stdout, stderr and exit status of one run, plus any folder it wrote
# under folders/NAME.
case_() {
  local name=$1; shift
  local status=0
  "$@" >"$OUT/$name.stdout" 2>"$OUT/$name.stderr" || status=$?
  echo "$status" >"$OUT/$name.status"
  if [ -d "folders/$name" ]; then mv "folders/$name" "$OUT/$name.folder"; fi
}
mkdir -p folders

case_ verify-json "$K" verify $D --json
case_ verify-text "$K" verify $D
case_ derive-json "$K" derive $M --json --linearize
case_ derive-text "$K" derive $M --linearize
case_ derive-latex "$K" derive $M --linearize --latex
case_ derive-operators "$K" derive $M --operators 'a, T-' --json
case_ derive-about "$K" derive $M --linearize --about 'a=0, S-=0, Sz=-1/2, T-=0, Tz=(gup-gdown)/(2 gt)' \
  --order 'a, a*, S-, S+, T-, T+' --latex
case_ derive-gilbert "$K" derive $G --linearize --json
case_ threshold-50-json "$K" threshold $M --vary gup --in 0.5:1 "${P[@]}" --set lambda=1/5 --digits 50 --json
case_ threshold-50-text "$K" threshold $M --vary gup --in 0.5:1 "${P[@]}" --set lambda=1/5 --digits 50
case_ threshold-lambda "$K" threshold $M --vary lambda --in 0:1 "${P[@]}" --set gup=3/10 --digits 30 --json
case_ threshold-bracket "$K" threshold $M --vary gup --in 0.5:1 "${P[@]}" --set lambda=1/5 --digits 20 --method bracket --json
case_ threshold-bracket-text "$K" threshold $M --vary gup --in 0.5:1 "${P[@]}" --set lambda=1/5 --digits 20 --method bracket
case_ threshold-expr "$K" threshold $M --vary lambda --in 0:1 "${P[@]}" --set gup=3/10 --digits 25 \
  --expr 'lambda^2 - wz (wc^2 + kappa^2/4)/(4 wc)' --json
# κ = 1/25 spelled out: a parameter set twice with different values is refused (issue 15).
case_ threshold-gilbert "$K" threshold $G --vary gup --in 0.5:1 --set gdown=1-gup --set wc=1 --set wz=1 --set "wz'=1" \
  --set eta=1/10 --set "eta'=1/10" --set kappa=1/25 --set lambda=1/5 --digits 30
case_ threshold-none "$K" threshold $M --vary gup --in 0.5:1 "${P[@]}" --set lambda=0.6 --digits 20
case_ scan-fig4 "$K" scan $M --x gup=0:1:200 --y lambda=0:1:200 "${AX[@]}" "${P[@]}" --title "Fig. 4: ω'_z = 1, κ = 0.06" \
  --quiet --out folders/scan-fig4
case_ scan-fig7-json "$K" scan $G --x gup=0:1:60 --y lambda=0:1:60 "${AX[@]}" --set gdown=1-gup --set wc=1 --set wz=1 \
  --set "wz'=1" --set eta=1/10 --set "eta'=1/10" --set kappa=1/25 --quiet --json --out folders/scan-fig7-json
case_ scan-eigen "$K" scan $M --x gup=0:1:40 --y lambda=0:1:40 "${P[@]}" --roots eigen --quiet --out folders/scan-eigen
case_ scan-shard1 "$K" scan $M --x gup=0:1:30 --y lambda=0:1:30 "${P[@]}" --shard 1/2 --quiet --out folders/scan-shard1
case_ scan-shard2 "$K" scan $M --x gup=0:1:30 --y lambda=0:1:30 "${P[@]}" --shard 2/2 --quiet --out folders/scan-shard2
mkdir -p shards && mv "$OUT/scan-shard1.folder" shards/s1 && mv "$OUT/scan-shard2.folder" shards/s2
case_ merge "$K" merge shards/s1 shards/s2 --out folders/merge --json
cp shards/s1/grid.csv "$OUT/scan-shard1.grid.csv"
case_ dynamics "$K" dynamics $M "${P[@]}" --set gup=0.9 --set lambda=0.2 --t 1500 --observe 'Sx=re(<S->)' \
  --observe 'n=abs(<a>)^2' --initial 'a=0.01,Sz=-0.49,S-=0.0995,T-=0.01,Tz=0' --out folders/dynamics
case_ dynamics-json "$K" dynamics $M "${P[@]}" --set gup=0.2 --set lambda=0.8 --t 1000 --observe 'Sx=re(<S->)' \
  --initial 'a=0.01,Sz=-0.49,S-=0.0995,T-=0.01,Tz=0' --json
case_ scan-dynamics "$K" scan $M --dynamics --x gup=0:1:6 --y lambda=0:1:6 "${P[@]}" --t 600 --observe 'Sx=re(<S->)' \
  --initial 'a=0.01,Sz=-0.49,S-=0.0995,T-=0.01,Tz=0' --quiet --out folders/scan-dynamics
case_ simplify "$K" simplify --json --assume 'omega_c:positive, omega_z:positive, kappa:positive' \
  'sqrt(omega_z (omega_c^2 + kappa^2/4) / (4 omega_c))'
case_ latex "$K" latex --assume 'omega_c:positive, omega_z:positive, lambda:positive' \
  'sqrt((omega_c^2 + omega_z^2 + sqrt((omega_c^2 - omega_z^2)^2 + 16 lambda^2 omega_z omega_c))/2)'
case_ codegen "$K" codegen --params 'omega_c:real, kappa:real' --lang c -- '-I omega_c - kappa/2'
case_ codegen-swift "$K" codegen --params 'x:real, y' --lang swift 'sin(x)*y + x^2'
# Errors: message, exit status, and no output folder left behind.
printf 'parameters wc\nboson a\nH = wc a† a +\n' >bad.kd
case_ error-model "$K" derive bad.kd
case_ error-scan "$K" scan bad.kd --x gup=0:1:5 --y lambda=0:1:5 --out folders/error-scan
case_ error-unknown "$K" threshold $M --vary nope --in 0:1 --digits 10
case_ error-expression "$K" simplify '(x + '
case_ error-verify "$K" verify derivations/no-such-folder

cd "$OUT"
# A message that shows an absolute path shows it relative to the run folder.
sed -i "s#$WORK/run/##g" *.stdout *.stderr
# Folder contents become files of their own so every one is listed in SHA256SUMS.
for f in *.folder; do
  [ -d "$f" ] || continue
  for g in "$f"/*; do cp "$g" "${f%.folder}.$(basename "$g")"; done
  rm -rf "$f"
done
sha256sum * | sort -k2 >"$WORK/SHA256SUMS"

if [ "$MODE" = record ]; then
  rm -rf "$BASE"
  mkdir -p "$BASE"
  cp "$WORK/SHA256SUMS" "$BASE/SHA256SUMS"
  for f in *; do [ "$(stat -c %s "$f")" -le 65536 ] && cp "$f" "$BASE/$f"; done
  echo "recorded $(wc -l <"$BASE/SHA256SUMS") outputs in scripts/baseline/"
  exit 0
fi

if cmp -s "$WORK/SHA256SUMS" "$BASE/SHA256SUMS"; then
  echo "baseline: all $(wc -l <"$BASE/SHA256SUMS") outputs byte-identical"
  exit 0
fi
echo "baseline: outputs differ from scripts/baseline/SHA256SUMS:"
# diff exits 1 on a difference: under `set -e -o pipefail` that would end the listing at the
# first file, so every diff here is allowed to "fail".
{ diff "$BASE/SHA256SUMS" "$WORK/SHA256SUMS" || true; } | sed -n 's/^[<>] //p' | awk '{print $2}' | sort -u | while read -r f; do
  echo "--- $f"
  # diff exits 1 on a difference and head may cut it off: neither may end the report (set -e,
  # pipefail), or only the first differing output is listed.
  if [ -f "$BASE/$f" ] && [ -f "$f" ]; then { diff "$BASE/$f" "$f" || true; } | head -20 || true; else echo "(compared by hash only)"; fi
done
exit 1
