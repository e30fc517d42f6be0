#!/usr/bin/env bash
# Installs the pinned Claude Code CLI into <repo>/.tools/claude-code (skipped when already there)
# and prints the path of the `claude` executable on stdout.
set -euo pipefail

version=2.1.331
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$repo/.tools/claude-code"
bin="$dir/node_modules/.bin/claude"

installed_version() {
    if [[ -x "$bin" ]]; then
        "$bin" --version 2>/dev/null | awk 'NR == 1 { print $1 }' || true
    fi
}

if [[ "$(installed_version)" != "$version" ]]; then
    if ! command -v npm >/dev/null 2>&1; then
        if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
            echo "npm not found: installing nodejs and npm with apt-get" >&2
            apt-get update >&2
            DEBIAN_FRONTEND=noninteractive apt-get install -y nodejs npm >&2
        else
            echo "error: npm is needed to install the claude CLI; install Node.js with npm (or run this script as root on Debian/Ubuntu)" >&2
            exit 1
        fi
    fi
    echo "installing @anthropic-ai/claude-code@$version into $dir" >&2
    mkdir -p "$dir"
    npm install --prefix "$dir" --no-audit --no-fund --loglevel=error "@anthropic-ai/claude-code@$version" >&2
    got="$(installed_version)"
    if [[ "$got" != "$version" ]]; then
        echo "error: $bin reports version '${got:-<none>}', expected $version" >&2
        exit 1
    fi
fi

echo "$bin"
