#!/usr/bin/env bash
# Checks the ways to run interregnum (README): `dotnet run --project`, the tool packages (`dotnet pack` for the
# pointer package, `-r linux-x64` for the Native AOT one, `-r any` for the framework-dependent fallback, then
# `dotnet tool install`), the fallback package installed on its own, the Native AOT publish and the ReadyToRun
# publish (docs/performance.md, issue 15). Each must print the same bargain result as `dotnet run`, and the tool
# installed on linux-x64 must be the native binary. Exits non-zero on the first failure.
# usage: benchmarks/install-check.sh   (from the repository root; needs clang and zlib1g-dev for the AOT routes, and
#        nuget.org only for packages not yet cached)
set -euo pipefail
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
export INTERREGNUM_DB=$T/runs.db DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
GAME=tests/ktab-smp/inputs/dummyData_3Dim.csv
step() { echo "install-check: $*"; }
quiet() { local log=$T/$1.log; shift; "$@" > "$log" 2>&1 || { tail -20 "$log"; exit 1; }; }

step "dotnet run"
dotnet run --project src/Interregnum.Cli -c Release -- bargain $GAME --no-store > "$T/run.out"

step "dotnet pack (pointer, linux-x64 Native AOT, any) + dotnet tool install"
quiet pack dotnet pack src/Interregnum.Cli -c Release -o "$T/nupkg"
quiet pack-aot dotnet pack src/Interregnum.Cli -c Release -r linux-x64 -o "$T/nupkg"
quiet pack-any dotnet pack src/Interregnum.Cli -c Release -r any -o "$T/nupkg"
quiet install dotnet tool install --tool-path "$T/tool" --add-source "$T/nupkg" Interregnum.Cli
"$T/tool/interregnum" bargain $GAME --no-store > "$T/tool.out"
cmp "$T/run.out" "$T/tool.out"
# The installed command must be the native binary (an ELF executable with no Interregnum.Cli.dll beside it).
exe=$(find "$T/tool/.store" -name Interregnum.Cli -type f -path "*linux-x64*" | head -1)
[ -n "$exe" ] && [ "$(head -c 4 "$exe" | od -An -c | tr -d ' ')" = "177ELF" ] && [ ! -e "$(dirname "$exe")/Interregnum.Cli.dll" ] \
  || { echo "install-check: the installed tool is not the Native AOT binary"; find "$T/tool/.store" -maxdepth 6 | head -30; exit 1; }

step "the framework-dependent fallback package (Interregnum.Cli.any) on its own"
quiet install-any dotnet tool install --tool-path "$T/tool-any" --add-source "$T/nupkg" Interregnum.Cli.any
"$T/tool-any/interregnum" bargain $GAME --no-store > "$T/tool-any.out"
cmp "$T/run.out" "$T/tool-any.out"

step "dotnet publish -r linux-x64 (Native AOT, the fast build)"
quiet publish dotnet publish src/Interregnum.Cli -c Release -r linux-x64 -o "$T/publish"
"$T/publish/Interregnum.Cli" bargain $GAME --no-store > "$T/publish.out"
cmp "$T/run.out" "$T/publish.out"

step "dotnet publish -r linux-x64 -p:PublishAot=false (ReadyToRun)"
quiet publish-r2r dotnet publish src/Interregnum.Cli -c Release -r linux-x64 -p:PublishAot=false -o "$T/publish-r2r"
"$T/publish-r2r/Interregnum.Cli" bargain $GAME --no-store > "$T/publish-r2r.out"
cmp "$T/run.out" "$T/publish-r2r.out"
step "every route prints the same bargain result"
