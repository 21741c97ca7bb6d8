#!/usr/bin/env bash
# The worker sample: a Host.CreateApplicationBuilder app that registers EmrClient with AddEmrClient, against the
# stand-in server in its own process; it logs to the console and prints its spans. Needs the package in
# artifacts/packages (bash samples/run.sh packs it) and EmrCodegenVersion set to its version.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
export TENCENTCLOUD_SECRET_ID="AKIDworker00000000000000000" TENCENTCLOUD_SECRET_KEY="worker-secret-key-not-a-real-one"
export NUGET_PACKAGES="${NUGET_PACKAGES:-$root/artifacts/nuget-packages}"
dotnet build "$root/samples/Emr.Codegen.Worker/Emr.Codegen.Worker.csproj" -c Release -nologo -v:q -clp:NoSummary
dotnet run --project "$root/samples/Emr.Codegen.Worker/Emr.Codegen.Worker.csproj" -c Release --no-build
