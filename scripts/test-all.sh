#!/usr/bin/env bash
# `npm test`: every check, in parallel where the two cores would otherwise wait, and fails when any part fails.
#
# - Vitest (unit, pglite, postgres) runs from the start, in the foreground: the longest part, its output shown live.
# - Beside it, at a lower CPU priority so that they take only what Vitest leaves: Biome, then tsc, then the web build.
# - The browser journeys once Vitest has ended (and the build): five journey servers and Chromium beside Vitest's
#   workers and tsc put the two cores at load 14, and the journeys' first pages past their timeouts (CI, 02/12/2026).
# Each background part's output is kept and printed when it ends; the last lines give each part's duration and status.
set -uo pipefail
cd "$(dirname "$0")/.."

logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
start=$(date +%s)

# part NAME COMMAND…: runs COMMAND, output to $logs/NAME.log, then writes its status and duration.
part() {
  local name=$1
  shift
  local t0
  t0=$(date +%s)
  "$@" >"$logs/$name.log" 2>&1
  local rc=$?
  echo "$rc $(($(date +%s) - t0))" >"$logs/$name.status"
  { echo "== $name (code $rc, $(($(date +%s) - t0)) s)"; cat "$logs/$name.log"; } >&2
  return "$rc"
}

(
  part lint nice -n 10 npx biome check .
  part typecheck nice -n 10 npx tsc --noEmit
) &
checks=$!

part build nice -n 10 npx vite build &
build=$!

t0=$(date +%s)
npx vitest run
echo "$? $(($(date +%s) - t0))" >"$logs/vitest.status"

wait "$build" && part e2e npx tsx e2e/run.ts
wait "$checks"

failed=0
echo "== npm test : durées"
for name in lint typecheck vitest build e2e; do
  if [[ -f "$logs/$name.status" ]]; then
    read -r rc seconds <"$logs/$name.status"
  else
    rc='non lancé' seconds='-'
  fi
  [[ "$rc" == 0 ]] || failed=1
  printf '   %-10s %5s s  %s\n' "$name" "$seconds" "$([[ "$rc" == 0 ]] && echo ok || echo "ÉCHEC ($rc)")"
done
echo "   total      $(printf '%5s' $(($(date +%s) - start))) s"
exit "$failed"
