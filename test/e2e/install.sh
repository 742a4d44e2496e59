#!/usr/bin/env bash
# Installs the end-to-end harness (code-server, playwright-core, mocha and @vscode/test-electron) into test/e2e/node_modules.
# Needs Debian's libkrb5-dev (code-server's kerberos addon), ripgrep and chromium: .ci/run installs them.
# @vscode/ripgrep's postinstall downloads a binary from GitHub, which this network cannot reach; we
# hand it Debian's /usr/bin/rg in the tarball layout it looks for in its cache first.
set -euo pipefail
cd "$(dirname "$0")"
for tool in /usr/bin/rg /usr/bin/chromium; do
  [ -x "$tool" ] || { echo "e2e install: $tool is missing (apt-get install -y ripgrep chromium libkrb5-dev)" >&2; exit 1; }
done
cache="${TMPDIR:-/tmp}/vscode-ripgrep-cache-1.15.11"
mkdir -p "$cache"
tarball="$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
if [ ! -s "$tarball" ]; then
  work="$(mktemp -d)"; cp /usr/bin/rg "$work/rg"
  tar -czf "$tarball" -C "$work" rg; rm -rf "$work"
fi
export npm_config_unsafe_perm=true npm_config_yes=true npm_config_nodedir=/usr
if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
