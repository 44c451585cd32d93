#!/usr/bin/env bash
# The n8n package in a real n8n against the Withings simulator (see run.ts). Needs Node 20+ and npm; it
# installs n8n and the Node 24 it needs under ~/.cache/withings-n8n (WITHINGS_N8N_CACHE), reusing them.
set -euo pipefail
cd "$(dirname "$0")/../../.."
[[ -d node_modules ]] || npm ci --no-audit --no-fund
exec npx tsx packages/n8n/e2e/run.ts
