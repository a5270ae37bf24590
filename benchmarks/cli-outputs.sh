#!/usr/bin/env bash
# Records stdout, stderr and exit code of ~30 CLI commands into OUTDIR, to compare two builds byte for byte.
# usage: benchmarks/cli-outputs.sh CLI_EXECUTABLE OUTDIR   (run from the repository root; INTERREGNUM_DATA set)
set -u
C=$1; OUT=$2; mkdir -p "$OUT"
T=${CLI_OUTPUTS_TMP:-/tmp/interregnum-cli-outputs}; rm -rf "$T"; mkdir -p "$T"
export INTERREGNUM_DB=$T/runs.db
n=0
r() { n=$((n+1)); local f; f=$(printf '%s/%02d' "$OUT" $n); echo "$*" > "$f.cmd"; "$C" "$@" > "$f.out" 2> "$f.err"; echo $? > "$f.rc"; }
R=scenarios/russia-2024.yaml; S=scenarios/teaching.yaml; K=tests/ktab-smp/inputs
r validate $R $S
r validate $S -f json
printf 'title: x\nactors: [1\n' > $T/bad.yaml; r validate $T/bad.yaml
r power $R
r power $R -f json
r power $R -f csv
r power $S --phase crisis 
r bargain $K/dummyData_3Dim.csv
r bargain $K/dummyData_3Dim.csv -f json --no-store
r bargain $K/SOE-Pol-Comp.csv -m eu -f csv --no-store
r bargain $K/dummyData_3Dim.csv -m compromise -f json --no-store
r history datasets
r history datasets -f json
r history base-rates --exit coup --regime military
r history base-rates --exit coup --regime military -f json
r history base-rates --exit natural-death -f csv
r history cases --exit assassination --era 1950-1990 --outcome leader-fate
r history cases --exit assassination --era 1950-1990 --outcome leader-fate -f json
r history survival -f json
r history survival
r history replicate jones-olken
r history replicate jones-olken -f json
r history exit-risk $R -f json
r simulate $S --draws 300 --no-store
r simulate $S --draws 300 -f json --no-store
r simulate $R --draws 200 -f csv --no-store
r compare $S --draws 200 --no-store
r compare $S --draws 200 -f json --no-store
r sensitivity $S --draws 100 -f json --no-store
r import ktab $K/dummyData_3Dim.csv
r export ktab $S
r import ktab $K/SOE-Policy.csv -o $T/soe.yaml; cp $T/soe.yaml "$OUT/soe.yaml"
r runs list
r runs rerun 1
r runs show 99
r runs list --kind nope
r runs export 1 -f csv
r runs list --scenario $S -f json
r runs diff 1 1 -f json
r history base-rates --era abc
r history cases --exit coup --outcome no-such-outcome
r history survival --cox -f json
r history survival --cox --irregular
r history survival --by regime -f csv
r history base-rates --exit coup --data $T/nowhere
INTERREGNUM_DATA= r history datasets -f csv
INTERREGNUM_DATA= r history base-rates --exit coup
r bargain $T/no-such.csv
r import ktab $T/no-such.csv
r power $T/no-such.yaml
r history exit-risk --backtest --first-origin 2010 --last-origin 2012 --replicates 20 -f json
mkdir -p $T/cases; cp -r backtests/saudi-2005 backtests/tunisia-1987 $T/cases/
r backtest $T/cases --draws 50 --no-store -f json
r backtest $T/cases --draws 50 --no-store
mkdir -p $T/empty/x; r backtest $T/empty --no-store
rm -rf "$T"
