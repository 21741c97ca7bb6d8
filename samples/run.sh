#!/usr/bin/env bash
# The main job on a fresh clone: pack Emr.Codegen, restore the sample from the local feed, build it
# (the build output shows the analyzers' diagnostics on WrongRequest.cs), then run it.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
version="1.0.0-local.$(date +%Y%m%d%H%M%S)"

dotnet pack "$root/src/Package/Emr.Codegen.csproj" -c Release -o "$root/artifacts/packages" -p:Version="$version" -v:q -nologo
# A package folder of its own: a consumer never runs an older build of the generator from the global cache.
export NUGET_PACKAGES="$root/artifacts/nuget-packages"
dotnet build "$root/samples/Emr.Codegen.Sample/Emr.Codegen.Sample.csproj" -c Release -p:EmrCodegenVersion="$version" -nologo -v:q -clp:NoSummary
dotnet run --project "$root/samples/Emr.Codegen.Sample/Emr.Codegen.Sample.csproj" -c Release --no-build
# The generated client, end to end: a local stand-in server (127.0.0.1) and the sample request sent through EmrClient.
bash "$root/samples/send-to-stand-in.sh"
