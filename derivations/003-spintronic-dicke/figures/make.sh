#!/bin/sh
# Regenerates Figs. 4, 5, 7 (stability), the Fig. 2(a) dynamics points, Fig. 8 (t_E against N,
# second-order cumulants) and Fig. 9(a) (⟨S^x⟩ against λ) of paper 003
# from the model files. Run from the repository root after `swift build`.
set -e
K=${KELDYSH:-.build/debug/keldysh}
M=derivations/003-spintronic-dicke/model.kd
G=derivations/003-spintronic-dicke/figures/model-gilbert.kd
F=derivations/003-spintronic-dicke/figures
N=${N:-200}
P="--set gdown=1-gup --set wc=1 --set wz=1 --set eta=1/10 --set eta'=1/10"
AX="--x gup=0:1:$N --y lambda=0:1:$N --xlabel γ↑/γ_t --ylabel λ"
OMEGA_U="sqrt((wc^2 + wz^2 + sqrt((wc^2 - wz^2)^2 + 16 lambda^2 wz wc))/2)"
rm -rf $F/fig4 $F/fig5 $F/fig7
$K scan $M $AX $P --set "wz'=1" --set kappa=3/50 --title "Fig. 4: ω'_z = 1, κ = 0.06" --out $F/fig4
$K scan $M $AX $P --set "wz'=$OMEGA_U" --set kappa=3/50 --title "Fig. 5: ω'_z = Ω_U(λ), κ = 0.06" --out $F/fig5
# Fig. 7: model-gilbert.kd has no D[a] and `gilbert kappa a` (Eq. C1).
$K scan $G $AX $P --set "wz'=1" --set kappa=1/25 --title "Fig. 7: Gilbert damping, κ = 0.04" --out $F/fig7
# Fig. 2(a): the dynamical phase at representative points (gup, lambda).
D="--set gdown=1-gup --set wc=1 --set wz=1 --set wz'=1 --set eta=1/10 --set eta'=1/10 --set kappa=3/50 --t 3000 \
   --observe Sx=re(<S->) --observe Sz=<Sz> --observe n=abs(<a>)^2 --initial a=0.01,Sz=-0.49,S-=0.0994987437,T-=0.01,Tz=0"
for pt in 0.2,0.3 0.2,0.8 0.9,0.2 0.9,0.7 0.9,0.5; do
  g=${pt%,*}; l=${pt#*,}
  rm -rf $F/fig2a-gup$g-lambda$l
  $K dynamics $M $D --set gup=$g --set lambda=$l --out $F/fig2a-gup$g-lambda$l
done
# Fig. 2(a) as a map: the dynamical phase on a 60 × 60 grid (≈ 1.5 min with a release build).
rm -rf $F/fig2a-map
$K scan $M --dynamics --x gup=0:1:60 --y lambda=0:1:60 --xlabel "γ↑/γ_t" --ylabel "λ" \
  --title "Fig. 2(a): dynamical phases (mean field, t = 3000)" \
  --set gdown=1-gup --set wc=1 --set wz=1 --set "wz'=1" --set eta=1/10 --set "eta'=1/10" --set kappa=3/50 \
  --t 3000 --observe 'Sx=re(<S->)' --initial 'a=0.01,Sz=-0.49,S-=0.0994987437,T-=0.01,Tz=0' --quiet --out $F/fig2a-map
# Fig. 8: t_E (connected second moments at 10 % of the mean field) against N inside L1, on
# the mean-field limit cycle (≈ 17 min on two shared cores; docs/cumulants.md).
rm -rf $F/fig8
$K cumulants $M --set gdown=1-gup --set wc=1 --set wz=1 --set "wz'=1" --set eta=1/10 --set "eta'=1/10" --set kappa=3/50 \
  --set gup=0.9 --set lambda=0.2 --sizes 100,200,400,800,1600,3200,6400,12800,25600 --t 6000 --dt 1 --settle 2000 \
  --initial 'a=0.01,Sz=-0.49,S-=0.0994987437,T-=0.01,Tz=0' --quiet --out $F/fig8 --json
# Fig. 9(a): amplitude (order_amplitude) and time average (order_mean) of ⟨S^x⟩ against λ at γ↑/γ_t = 0.9.
rm -rf $F/fig9
$K scan $M --dynamics --x lambda=0:1.2:49 --y gup=0.9:0.9:1 --xlabel λ --ylabel "γ↑/γ_t" \
  --title "Fig. 9(a): ⟨S^x⟩ along γ↑/γ_t = 0.9 (mean field, t = 3000)" \
  --set gdown=1-gup --set wc=1 --set wz=1 --set "wz'=1" --set eta=1/10 --set "eta'=1/10" --set kappa=3/50 \
  --t 3000 --observe 'Sx=re(<S->)' --initial 'a=0.01,Sz=-0.49,S-=0.0994987437,T-=0.01,Tz=0' --quiet --out $F/fig9
# Fig. 9(b): ⟨S^x⟩(t) inside L1 (λ = 0.4) and L2 (λ = 0.55) at γ↑/γ_t = 0.9 (mean field).
for l in 0.4 0.55; do
  rm -rf $F/fig9b-lambda$l
  $K dynamics $M --set gdown=1-gup --set wc=1 --set wz=1 --set "wz'=1" --set eta=1/10 --set "eta'=1/10" --set kappa=3/50 \
    --set gup=0.9 --set lambda=$l --t 3000 --observe 'Sx=re(<S->)' --initial 'a=0.01,Sz=-0.49,S-=0.0994987437,T-=0.01,Tz=0' \
    --out $F/fig9b-lambda$l
done
