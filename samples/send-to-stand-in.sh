#!/usr/bin/env bash
# Starts the sample's local stand-in for the EMR API (127.0.0.1 only) and sends the sample request to it through the
# generated EmrClient: signed headers (secrets masked), a rate-limited first attempt retried, the typed response, and an
# error envelope turned into ApiException. Needs a built sample (Release). The key pair is a stand-in's, not a real one.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
project="$root/samples/Emr.Codegen.Sample/Emr.Codegen.Sample.csproj"
export TENCENTCLOUD_SECRET_ID="AKIDstandin0000000000000000" TENCENTCLOUD_SECRET_KEY="stand-in-secret-key-not-a-real-one"
url_file="$(mktemp)"
rm -f "$url_file"
dotnet run --project "$project" -c Release --no-build -- serve "$url_file" &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -f "$url_file"' EXIT
for _ in $(seq 1 300); do
  [ -s "$url_file" ] && break
  kill -0 "$server" 2>/dev/null || { echo "error: the stand-in server did not start" >&2; exit 1; }
  sleep 0.1
done
[ -s "$url_file" ] || { echo "error: the stand-in server did not start in 30 s" >&2; exit 1; }
dotnet run --project "$project" -c Release --no-build -- send "$(cat "$url_file")"
