#!/usr/bin/env bash
# The bundled example: expressions from paper 003 (Dicke model with spintronic pumping)
# through the keldysh CLI — canonical form, LaTeX, and a compiled evaluator.
set -euo pipefail
KELDYSH="${1:?usage: demo.sh PATH-TO-keldysh}"
cd "$(dirname "$0")/.."

echo "== Eq. (3): upper/lower polariton frequencies, in LaTeX"
"$KELDYSH" latex --assume 'omega_c:positive, omega_z:positive, lambda:positive' \
  'sqrt((omega_c^2 + omega_z^2 + sqrt((omega_c^2 - omega_z^2)^2 + 16 lambda^2 omega_z omega_c))/2)'

echo "== Appendix B: the Dicke critical coupling, canonical form and JSON"
"$KELDYSH" simplify --json --assume 'omega_c:positive, omega_z:positive, kappa:positive' \
  'sqrt(omega_z (omega_c^2 + kappa^2/4) / (4 omega_c))'

echo "== A2, entry (1,1), and a C evaluator for it"
"$KELDYSH" latex -- '-I omega_c - kappa/2'
"$KELDYSH" codegen --params 'omega_c:real, kappa:real' --lang c -- '-I omega_c - kappa/2' | sed -n '/kk_eval_point/,/^}/p'

echo "== (A1) and (A2) of paper 003 derived from the model file (Eqs. 1-2)"
"$KELDYSH" derive derivations/003-spintronic-dicke/model.kd --linearize \
  --about 'a=0, S-=0, Sz=-1/2, T-=0, Tz=(gup-gdown)/(2 gt)' --order 'a, a*, S-, S+, T-, T+'

echo "== keldysh verify: Appendices A-D and Eq. (3) as printed in the paper, re-derived from the model (3 recorded errata)"
"$KELDYSH" verify derivations/003-spintronic-dicke
