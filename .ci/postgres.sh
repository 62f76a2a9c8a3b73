#!/usr/bin/env bash
# Start a local PostgreSQL for the store tests and benchmark (installs it from the Debian
# packages when missing). Listens on 127.0.0.1 only. Logs go to stderr; stdout is one line:
#   export NEWSDESK_TEST_PG_URL=postgresql://newsdesk:...@127.0.0.1:PORT/newsdesk_test
# Usage: eval "$(.ci/postgres.sh)"   (run as root, as CI does)
set -euo pipefail

PG_USER="${NEWSDESK_PG_USER:-newsdesk}"
PG_DB="${NEWSDESK_PG_DB:-newsdesk_test}"
PG_PASSWORD="${NEWSDESK_PG_PASSWORD:-newsdesk}"
PG_PORT="${NEWSDESK_PG_PORT:-5432}"

log() { echo "postgres.sh: $*" >&2; }

if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  log "installing postgresql from Debian packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi

VERSION="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
if ! pg_lsclusters -h | awk '{print $1 " " $2}' | grep -qx "$VERSION main"; then
  log "creating cluster $VERSION/main"
  pg_createcluster "$VERSION" main >&2
fi

# Loopback only, on the chosen port (a conf.d file wins over postgresql.conf); password
# auth over TCP is the Debian default (scram-sha-256).
CONF_DIR="/etc/postgresql/$VERSION/main"
pg_conftool "$VERSION" main remove listen_addresses >&2 || true
mkdir -p "$CONF_DIR/conf.d"
printf "listen_addresses = '127.0.0.1'\nport = %s\n" "$PG_PORT" > "$CONF_DIR/conf.d/newsdesk.conf"
chown -R postgres:postgres "$CONF_DIR/conf.d"

if pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main" {print $4}' | grep -q online; then
  log "restarting cluster $VERSION/main to apply settings"
  pg_ctlcluster "$VERSION" main restart >&2
else
  log "starting cluster $VERSION/main"
  pg_ctlcluster "$VERSION" main start >&2
fi

for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p "$PG_PORT" && break
  sleep 1
done
pg_isready -h 127.0.0.1 -p "$PG_PORT" >&2

as_postgres() { su postgres -c "psql -v ON_ERROR_STOP=1 -q -p $PG_PORT $*"; }

as_postgres "-d postgres" >&2 <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_USER') THEN
    CREATE ROLE "$PG_USER" LOGIN PASSWORD '$PG_PASSWORD';
  ELSE
    ALTER ROLE "$PG_USER" LOGIN PASSWORD '$PG_PASSWORD';
  END IF;
END
\$\$;
SQL

if ! su postgres -c "psql -p $PG_PORT -d postgres -tAc \"SELECT 1 FROM pg_database WHERE datname = '$PG_DB'\"" | grep -q 1; then
  su postgres -c "createdb -p $PG_PORT -O $PG_USER $PG_DB" >&2
fi

echo "export NEWSDESK_TEST_PG_URL=postgresql://$PG_USER:$PG_PASSWORD@127.0.0.1:$PG_PORT/$PG_DB"
