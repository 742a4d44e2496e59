#!/bin/sh
# Entry of the `palisade-scan` pre-commit hook (.pre-commit-hooks.yaml): pre-commit runs it from
# its clone of this repository with the hook's args and the changed file names. The first run
# builds the CLI in that clone; scanning itself needs no network.
set -e
root=$(cd "$(dirname "$0")/.." && pwd)
if [ ! -f "$root/dist/server.js" ]; then
  echo "palisade: building the CLI once (npm ci && npm run build)..." >&2
  (cd "$root" && npm ci --no-audit --no-fund --loglevel=error >&2 && npm run build --silent >&2)
fi
exec node "$root/bin/palisade.js" scan --no-progress "$@"
