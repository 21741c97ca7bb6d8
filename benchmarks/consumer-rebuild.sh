#!/usr/bin/env bash
# Consumer rebuild after touching one file, with the packed package against the same project without it.
# Usage: bash benchmarks/consumer-rebuild.sh [runs]   (default 5; the median is reported)
# Four console apps, each built once, then `dotnet build --no-restore` after an edit of one file, `runs` times:
#   no package | default spec | upstream EMR api.json (EmrSpec) | upstream EMR with EmrAction=CreateInstance.
# Prints a Markdown table of the medians and the ratios to the app without the package; exits non-zero when a
# target is missed (+15 %, +100 %, +15 %).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-5}"
shared="${EMR_SHARED_DIR:-$(cd "$root/.." && pwd)/shared}"
upstream="$shared/upstream/emr-v20190103-api.intl-en.json"
[ -f "$upstream" ] || { echo "error: $upstream not found (set EMR_SHARED_DIR)" >&2; exit 1; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
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

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
declare -A result
for app in NoPackage DefaultSpec UpstreamEmr UpstreamEmrCreateInstance; do
  dotnet build "$work/$app" -nologo -v:q -clp:NoSummary >"$work/$app.log" 2>&1 || { cat "$work/$app.log"; exit 1; }
  times=()
  for run in $(seq 1 "$runs"); do
    echo "static class Other { public const string Text = \"edit $run\"; }" > "$work/$app/Other.cs"
    start=$(date +%s.%N)
    dotnet build "$work/$app" --no-restore -nologo -v:q -clp:NoSummary >>"$work/$app.log" 2>&1
    end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc)")
  done
  result[$app]=$(printf '%s\n' "${times[@]}" | median)
done

base=${result[NoPackage]}
status=0
echo "| Consumer (touch one file, rebuild; median of $runs) | time | against no package | target |"
echo "|---|---|---|---|"
printf '| no package | %.2f s | | |\n' "$base"
row() { # app, label, target percent
  local t=${result[$1]} ratio
  ratio=$(echo "($t / $base - 1) * 100" | bc -l)
  printf '| %s | %.2f s | %+.0f %% | at most +%s %% |\n' "$2" "$t" "$ratio" "$3"
  if (( $(echo "$ratio > $3" | bc -l) )); then status=1; fi
}
row DefaultSpec "default spec" 15
row UpstreamEmr "upstream EMR api.json (77 actions, 302 objects)" 100
row UpstreamEmrCreateInstance "upstream EMR, EmrAction=CreateInstance" 15
exit $status
