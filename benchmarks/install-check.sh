#!/usr/bin/env bash
# Checks the three ways to run interregnum (README): `dotnet run --project`, the tool package (`dotnet pack` +
# `dotnet tool install`) and the fast platform-specific publish (docs/performance.md, issue 15). Each must print
# the same bargain result as the others. Exits non-zero on the first failure.
# usage: benchmarks/install-check.sh   (from the repository root; needs nuget.org only for packages not yet cached)
set -euo pipefail
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
export INTERREGNUM_DB=$T/runs.db DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
GAME=tests/ktab-smp/inputs/dummyData_3Dim.csv
echo "install-check: dotnet run"
dotnet run --project src/Interregnum.Cli -c Release -- bargain $GAME --no-store > "$T/run.out"
echo "install-check: dotnet pack + dotnet tool install"
dotnet pack src/Interregnum.Cli -c Release -o "$T/nupkg" > "$T/pack.log" || { tail -20 "$T/pack.log"; exit 1; }
dotnet tool install --tool-path "$T/tool" --add-source "$T/nupkg" Interregnum.Cli > "$T/install.log" || { cat "$T/install.log"; exit 1; }
"$T/tool/interregnum" bargain $GAME --no-store > "$T/tool.out"
cmp "$T/run.out" "$T/tool.out"
echo "install-check: dotnet publish -r linux-x64 (the fast build)"
dotnet publish src/Interregnum.Cli -c Release -r linux-x64 -o "$T/publish" > "$T/publish.log" || { tail -20 "$T/publish.log"; exit 1; }
"$T/publish/Interregnum.Cli" bargain $GAME --no-store > "$T/publish.out"
cmp "$T/run.out" "$T/publish.out"
echo "install-check: all three print the same bargain result"
