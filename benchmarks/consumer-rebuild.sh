#!/usr/bin/env bash
# Consumer rebuild after touching one file, with the packed package against the same project without it.
# Usage: bash benchmarks/consumer-rebuild.sh [runs]   (default 5; the median is reported)
# Four console apps, each built once, then `dotnet build --no-restore` after an edit of one file, `runs` times:
#   no package | default spec | upstream EMR api.json (EmrSpec) | upstream EMR with EmrAction=CreateInstance.
# Prints a Markdown table: median times, and the median of each round's ratio to the app without the package; exits non-zero when a
# target is missed (+10 %, +60 %, +10 %). The package carries Emr.Codegen.Runtime in lib/net8.0: the apps reference it plainly
# (no PrivateAssets="all"), as a consumer that runs the generated code must. The machine's load averages are printed with the table.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-5}"
shared="${EMR_SHARED_DIR:-$(cd "$root/.." && pwd)/shared}"
upstream="$shared/upstream/emr-v20190103-api.intl-en.json"
[ -f "$upstream" ] || { echo "error: $upstream not found (set EMR_SHARED_DIR)" >&2; exit 1; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

work="$(mktemp -d)"
[ -n "${KEEP_APPS:-}" ] || trap 'rm -rf "$work"' EXIT # KEEP_APPS=1 keeps the apps (their folder is printed)
[ -z "${KEEP_APPS:-}" ] || echo "apps in $work"
version="1.0.0-bench.$(date +%s)"
dotnet pack "$root/src/Package/Emr.Codegen.csproj" -c Release -o "$work/feed" -p:Version="$version" -v:q -nologo >/dev/null
export NUGET_PACKAGES="$work/packages"
# Adds only the local feed; the machine's own sources stay (the version is fresh, so it comes from this feed).
cat > "$work/nuget.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources><add key="emr-codegen-bench" value="$work/feed" /></packageSources>
</configuration>
CONFIG

make_app() { # name, extra items
  mkdir -p "$work/$1"
  cat > "$work/$1/$1.csproj" <<PROJECT
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
  <ItemGroup>$2</ItemGroup>
</Project>
PROJECT
  echo 'Console.WriteLine(Other.Text);' > "$work/$1/Program.cs"
  echo 'static class Other { public const string Text = "edit 0"; }' > "$work/$1/Other.cs"
}
package="<PackageReference Include=\"Emr.Codegen\" Version=\"$version\" />"
make_app NoPackage ""
make_app DefaultSpec "$package"
make_app UpstreamEmr "$package<EmrSpec Include=\"$upstream\" />"
make_app UpstreamEmrCreateInstance "$package<EmrSpec Include=\"$upstream\" /><EmrAction Include=\"CreateInstance\" />"

# As a developer's machine builds: with the shared compiler server, even where the environment turns it off
# (UseSharedCompilation=false); a cold compiler per build would measure the compiler's start-up, not our code.
server="-p:UseSharedCompilation=true"
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
apps=(NoPackage DefaultSpec UpstreamEmr UpstreamEmrCreateInstance)
for app in "${apps[@]}"; do
  dotnet build "$work/$app" $server -nologo -v:q -clp:NoSummary >"$work/$app.log" 2>&1 || { cat "$work/$app.log"; exit 1; }
done
# Each app with the package must really generate (without Emr.Codegen.Runtime the generator reports EMR2004 and generates nothing,
# and the rebuild would measure nothing): its assembly must hold the generated request type.
for app in "${apps[@]:1}"; do
  grep -q "EMR2004\|EMR2005" "$work/$app.log" && { cat "$work/$app.log"; echo "error: $app does not see Emr.Codegen.Runtime" >&2; exit 1; }
  grep -aq "CreateInstanceRequest" "$work/$app/bin/Debug/net10.0/$app.dll" || { echo "error: $app generated nothing" >&2; exit 1; }
done
rebuild() { # app, run: touch one file, rebuild, print the wall seconds
  echo "static class Other { public const string Text = \"edit $2\"; }" > "$work/$1/Other.cs"
  local start end
  start=$(date +%s.%N)
  dotnet build "$work/$1" --no-restore $server -nologo -v:q -clp:NoSummary >>"$work/$1.log" 2>&1
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}
# The apps take turns in every round, and each ratio is taken within its round: when the machine's speed drifts,
# both sides of a ratio see the same machine.
declare -A times ratios
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq 1 "$runs"); do
  base=$(rebuild NoPackage "$run")
  times[NoPackage]+="$base "
  for app in "${apps[@]:1}"; do
    t=$(rebuild "$app" "$run")
    times[$app]+="$t "
    ratios[$app]+="$(echo "$t / $base" | bc -l) "
  done
done

status=0
echo "| Consumer (touch one file, rebuild; median of $runs rounds) | time | against no package (median of the rounds' ratios) | target |"
echo "|---|---|---|---|"
printf '| no package | %.2f s | | |\n' "$(tr ' ' '\n' <<<"${times[NoPackage]}" | grep . | median)"
row() { # app, label, target percent
  local t ratio
  t=$(tr ' ' '\n' <<<"${times[$1]}" | grep . | median)
  ratio=$(echo "($(tr ' ' '\n' <<<"${ratios[$1]}" | grep . | median) - 1) * 100" | bc -l)
  printf '| %s | %.2f s | %+.0f %% | at most +%s %% |\n' "$2" "$t" "$ratio" "$3"
  if (( $(echo "$ratio > $3" | bc -l) )); then status=1; fi
}
row DefaultSpec "default spec" 10
row UpstreamEmr "upstream EMR api.json (77 actions, 302 objects)" 60
row UpstreamEmrCreateInstance "upstream EMR, EmrAction=CreateInstance" 10
echo
echo "load average before the rounds: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
exit $status
