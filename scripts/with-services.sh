#!/usr/bin/env bash
# Runs a command with the servers the end-to-end tests need, installed from Debian's packages when missing:
#   - PostgreSQL (the Backstage backend plugin's tests run against SQLite and a real PostgreSQL on loopback),
#   - Chromium (the real-browser test of the demo Backstage, driven by playwright-core).
# Installing needs root (as on CI); without root, missing servers are reported and the tests that need them
# say so. Exports BACKSTAGE_TEST_DATABASE_POSTGRES<major>_CONNECTION_STRING and SHIFTDOWN_CHROMIUM.
set -euo pipefail

log() { echo "[with-services] $*" >&2; }
apt_updated=0
apt_install() {
  if [[ $(id -u) -ne 0 ]]; then
    log "not root: cannot install $* (the tests that need it will report it)"
    return 1
  fi
  if [[ $apt_updated -eq 0 ]]; then
    apt-get update -qq >/dev/null
    apt_updated=1
  fi
  log "installing $* from Debian's packages"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# --- Chromium -------------------------------------------------------------------------------------------
if ! command -v chromium >/dev/null 2>&1; then
  apt_install chromium || true
fi
if command -v chromium >/dev/null 2>&1; then
  export SHIFTDOWN_CHROMIUM="${SHIFTDOWN_CHROMIUM:-$(command -v chromium)}"
fi

# --- PostgreSQL -----------------------------------------------------------------------------------------
if ! command -v pg_lsclusters >/dev/null 2>&1; then
  apt_install postgresql || true
fi
if command -v pg_lsclusters >/dev/null 2>&1; then
  # The newest installed cluster; create one when the package left none.
  cluster=$(pg_lsclusters --no-header 2>/dev/null | sort -k1,1V | tail -1 || true)
  if [[ -z "$cluster" && $(id -u) -eq 0 ]]; then
    major=$(ls /usr/lib/postgresql | sort -V | tail -1)
    pg_createcluster "$major" main >/dev/null
    cluster=$(pg_lsclusters --no-header | sort -k1,1V | tail -1)
  fi
  if [[ -n "$cluster" ]]; then
    read -r major name port status _ <<<"$cluster"
    if [[ "$status" != online* && $(id -u) -eq 0 ]]; then
      pg_ctlcluster "$major" "$name" start
    fi
    if [[ $(id -u) -eq 0 ]]; then
      su postgres -c "psql -q -p $port -c \"ALTER USER postgres PASSWORD 'postgres';\"" >/dev/null
    fi
    var="BACKSTAGE_TEST_DATABASE_POSTGRES${major}_CONNECTION_STRING"
    export "$var=${!var:-postgresql://postgres:postgres@127.0.0.1:$port}"
    log "PostgreSQL $major on 127.0.0.1:$port"
  fi
fi

exec "$@"
