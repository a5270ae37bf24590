#!/usr/bin/env bash
# End-to-end timings of `interregnum simulate` on the Russia example (10,000 draws), the way a user runs it:
# a Release build, a fresh process each time, output discarded, nothing stored. Prints one line per run and the
# median per model. Usage: benchmarks/simulate-timings.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-5}"
dotnet build -c Release src/Interregnum.Cli -v quiet -nologo >/dev/null
CLI="dotnet src/Interregnum.Cli/bin/Release/net10.0/Interregnum.Cli.dll"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(dotnet --version)"
for model in smp compromise; do
  times=()
  for i in $(seq 1 "$RUNS"); do
    start=$(date +%s.%N)
    $CLI simulate scenarios/russia-2024.yaml --draws 10000 --model "$model" --no-store --format json >/dev/null 2>&1
    end=$(date +%s.%N)
    t=$(echo "$end - $start" | bc -l)
    times+=("$t")
    printf 'simulate russia-2024 --model %-10s run %d: %.2f s\n' "$model" "$i" "$t"
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
  printf 'simulate russia-2024 --model %-10s median of %d: %.2f s\n' "$model" "$RUNS" "$median"
done
