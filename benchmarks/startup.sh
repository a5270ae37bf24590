#!/usr/bin/env bash
# Start-up of small commands (issue 15, docs/performance.md): runs each command RUNS times under /usr/bin/time
# and prints, per command, the median user+sys CPU (min–max) and the wall time of the median run.
# usage: benchmarks/startup.sh EXE [RUNS]   (from the repository root; EXE is the interregnum executable, e.g.
#        a publish's Interregnum.Cli, or "dotnet src/Interregnum.Cli/bin/Release/net10.0/Interregnum.Cli.dll")
set -euo pipefail
EXE=$1; RUNS=${2:-7}
K=tests/ktab-smp/inputs
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
export INTERREGNUM_DB=$T/runs.db
measure() {
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f "%U %S %e" -o "$T/time" $EXE "$@" >/dev/null 2>&1 || true
    awk '{printf "%.2f %.2f\n", $1 + $2, $3}' "$T/time"
  done | sort -n | awk -v cmd="$*" '{c[NR] = $1; w[NR] = $2}
    END {m = int((NR + 1) / 2); printf "%-60s cpu %.2f s (%.2f–%.2f)  wall %.2f s\n", cmd, c[m], c[1], c[NR], w[m]}'
}
measure --version
measure bargain $K/dummyData_3Dim.csv --no-store
measure bargain $K/dummyData_3Dim.csv -f json --no-store
measure validate scenarios/teaching.yaml
measure power scenarios/russia-2024.yaml
