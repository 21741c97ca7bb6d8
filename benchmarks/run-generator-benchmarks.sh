#!/usr/bin/env bash
# Issue 8's measurements in one run: consumer rebuilds (packed package, real `dotnet build`s), then the generator
# benchmark (generated characters, compile cost and generator time against System.Text.Json's source generator).
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
status=0
echo "machine: $(nproc) cores, $(uname -sr), $(dotnet --version) SDK; load average $(cut -d' ' -f1-3 /proc/loadavg)"
bash "$root/benchmarks/consumer-rebuild.sh" "${1:-5}" || status=1
echo "load average before the generator benchmark: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet run -c Release --project "$root/benchmarks/Emr.Codegen.GeneratorBenchmarks" -- --filter '*' || status=1
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit $status
