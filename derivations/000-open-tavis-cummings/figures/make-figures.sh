#!/usr/bin/env bash
# Paper 000, Figs. 2-4: the condensation threshold h_c under each reading of A51, the condensate
# (keldysh solve) against h and the (xi, h), (Omega, h) diagrams (issue 13). About 4.5 min in release on two shared cores (33 MB).
# Run from the repository root: derivations/000-open-tavis-cummings/figures/make-figures.sh [KELDYSH]
# Each folder gets threshold.csv (parameter, reading, h_c, digits, muS, rho at h_c, status) and
# threshold.svg. The reading g0 (G = G0) is refused by the tool: the drive cannot enter
# (docs/condensation.md).
set -euo pipefail
K=${1:-keldysh}
M=derivations/000-open-tavis-cummings/model.kd
D=derivations/000-open-tavis-cummings/figures
common="--set g=1 --set eps0=0 --set w0=0 --set TF=0.1 --vary h --readings one-shot,first-order,self-consistent --digits 6"
rm -rf "$D/fig2-omega5kappa" "$D/fig2-omega10kappa" "$D/fig3" "$D/fig4"
# Fig. 2: [muB, kappa, gamma] = [-0.5, 0.25, 0.75] g, xi in {-1, 0, 1}, Omega in {5 kappa, 10 kappa}
fig2="--set muB=-0.5 --set kappa=0.25 --set gamma=0.75 --in 0:8"
$K threshold $M $common $fig2 --set Omega=1.25 --sweep xi=-1:1:3 --out "$D/fig2-omega5kappa"
$K threshold $M $common $fig2 --set Omega=2.5 --sweep xi=-1:1:3 --out "$D/fig2-omega10kappa"
# Fig. 3: the same with Omega = 10 kappa, the boundary h_c(xi) for xi in [-2, 2]
$K threshold $M $common $fig2 --set Omega=2.5 --sweep xi=-2:2:17 --out "$D/fig3"
# Fig. 4: [muB, kappa, gamma, xi] = [-2, 0.7, 0.3, 0] g, the boundary h_c(Omega)
$K threshold $M $common --set muB=-2 --set kappa=0.7 --set gamma=0.3 --set xi=0 --in 0:4 --sweep Omega=0.7:7:10 --out "$D/fig4"

# The threshold by the saddle point itself (--criterion a38: where a condensate branch of A38
# leaves psi_f = 0). Under g0 and one-shot it is B15's threshold (tests); under first-order it
# is not, so the first-order curves are repeated with it.
a38="--set g=1 --set eps0=0 --set w0=0 --set TF=0.1 --vary h --readings first-order --criterion a38 --digits 6"
rm -rf "$D/fig2-omega5kappa-a38" "$D/fig2-omega10kappa-a38" "$D/fig3-a38" "$D/fig4-a38"
$K threshold $M $a38 $fig2 --set Omega=1.25 --sweep xi=-1:1:3 --out "$D/fig2-omega5kappa-a38"
$K threshold $M $a38 $fig2 --set Omega=2.5 --sweep xi=-1:1:3 --out "$D/fig2-omega10kappa-a38"
$K threshold $M $a38 $fig2 --set Omega=2.5 --sweep xi=-2:2:17 --out "$D/fig3-a38"
$K threshold $M $a38 --set muB=-2 --set kappa=0.7 --set gamma=0.3 --set xi=0 --in 0:4 --sweep Omega=0.7:7:10 --out "$D/fig4-a38"

# Fig. 2's observables against h (mu_S, psi_f, the polarisation, rho) under first-order: the
# condensed solutions of A60-A61 (keldysh solve), each h continued from the last.
for omega in 1.25 2.5; do
  for xi in -1 0 1; do
    name="fig2-observables-omega$([ "$omega" = 1.25 ] && echo 5 || echo 10)kappa-xi$xi"
    rm -rf "$D/$name"
    $K solve $M --set g=1 --set eps0=0 --set w0=0 --set TF=0.1 --set muB=-0.5 --set kappa=0.25 --set gamma=0.75 \
      --set Omega=$omega --set xi=$xi --reading first-order --sweep h=0:2:41 --out "$D/$name"
  done
done

# Figs. 3 and 4 as diagrams: the condensate over (xi, h) and (Omega, h) under first-order
# (keldysh scan on a field-theory model: every point a solve, each column continued in h).
rm -rf "$D/fig3-diagram" "$D/fig4-diagram"
$K scan $M --set g=1 --set eps0=0 --set w0=0 --set TF=0.1 --set muB=-0.5 --set kappa=0.25 --set gamma=0.75 --set Omega=2.5 \
  --reading first-order --x xi=-2:2:9 --y h=0:2:21 --out "$D/fig3-diagram" --quiet
$K scan $M --set g=1 --set eps0=0 --set w0=0 --set TF=0.1 --set muB=-2 --set kappa=0.7 --set gamma=0.3 --set xi=0 \
  --reading first-order --x Omega=0.7:7:10 --y h=0:2:21 --out "$D/fig4-diagram" --quiet
