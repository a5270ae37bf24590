#!/usr/bin/env bash
# Guards the Native AOT build (issue 15, docs/performance.md): publishes the CLI ahead of time for linux-x64, checks
# that the publish gave no trim/AOT warnings, and runs benchmarks/cli-outputs.sh (54 commands, every JSON output
# among them) on it and on the JIT build (`dotnet build`): stdout, stderr and exit code must be the same bytes, but
# for the stored run's time stamp and program version in `runs list`. Exits non-zero on any difference.
# usage: benchmarks/aot-check.sh [WORKDIR]   (from the repository root; needs clang and zlib1g-dev, INTERREGNUM_DATA)
set -uo pipefail
W=${1:-$(mktemp -d)}; mkdir -p "$W"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "aot-check: dotnet build (JIT) and dotnet publish -r linux-x64 (Native AOT) into $W"
dotnet build src/Interregnum.Cli -c Release -o "$W/jit" > "$W/build.log" 2>&1 || { tail -20 "$W/build.log"; exit 1; }
dotnet publish src/Interregnum.Cli -c Release -r linux-x64 -o "$W/aot" > "$W/publish.log" 2>&1 || { grep -E "error|warning" "$W/publish.log" | sort -u | head -20; tail -5 "$W/publish.log"; exit 1; }
if grep -qE "warning (IL|CS)[0-9]+" "$W/publish.log"; then
  echo "aot-check: FAIL: the AOT publish gave warnings:"; grep -E "warning (IL|CS)[0-9]+" "$W/publish.log" | sort -u | head -20; exit 1
fi
benchmarks/cli-outputs.sh "$W/jit/Interregnum.Cli" "$W/out-jit" > /dev/null 2>&1
benchmarks/cli-outputs.sh "$W/aot/Interregnum.Cli" "$W/out-aot" > /dev/null 2>&1
mask() { sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}/TIME/g; s/[0-9]+\.[0-9]+\.[0-9]+\+[0-9a-f]{40}/VERSION/g' "$1"; }
same=0; differ=0
for c in "$W"/out-jit/*.cmd; do
  k=$(basename "${c%.cmd}"); ok=1
  for e in out err rc; do
    cmp -s <(mask "$W/out-jit/$k.$e") <(mask "$W/out-aot/$k.$e") || { ok=0; echo "aot-check: differs: $k.$e ($(cat "$c"))"; }
  done
  if [ "$ok" -eq 1 ]; then same=$((same + 1)); else differ=$((differ + 1)); fi
done
cmp -s "$W/out-jit/soe.yaml" "$W/out-aot/soe.yaml" || { echo "aot-check: differs: soe.yaml (import ktab -o)"; differ=$((differ + 1)); }
echo "aot-check: $same commands give the same bytes from the JIT and the AOT build, $differ differ"
[ "$same" -gt 0 ] && [ "$differ" -eq 0 ]
