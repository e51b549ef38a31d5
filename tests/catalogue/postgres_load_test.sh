#!/usr/bin/env bash
# Loads the CSV export of the committed run folder out/ into a real
# PostgreSQL server with the commands docs/catalogue.md gives, and checks
# every table's row count against the SQLite catalogue of the same folder.
# The server is private to this test: its own data directory and socket in
# a temporary folder, Unix socket only, started and stopped here, run as an
# unprivileged user (PostgreSQL refuses to run as root).
#   postgres_load_test.sh DOCPIPE_BINARY SOURCE_DIR
# Exit 77 (ctest SKIP_RETURN_CODE) when PostgreSQL is not installed.
set -euo pipefail
docpipe=$1
source_dir=$2

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ] || ! command -v psql >/dev/null; then
  echo "SKIP: PostgreSQL server not installed (scripts/install-deps.sh installs it)"
  exit 77
fi

tmp=$(mktemp -d /tmp/docpipe_pg.XXXXXX)
chmod 755 "$tmp"
as_user=()
if [ "$(id -u)" -eq 0 ]; then as_user=(runuser -u nobody --); fi
cleanup() {
  [ -f "$tmp/data/postmaster.pid" ] && "${as_user[@]}" "$bin/pg_ctl" -D "$tmp/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT

cp -r "$source_dir/out" "$tmp/run"
rm -rf "$tmp/run/catalogue.sqlite" "$tmp/run/export"
"$docpipe" export "$tmp/run" --format csv -o "$tmp/export" 2>/dev/null
"$docpipe" export "$tmp/run" --format sqlite -o "$tmp/catalogue.sqlite" 2>/dev/null
chmod -R a+rX "$tmp/export"

mkdir "$tmp/data" "$tmp/socket"
[ "$(id -u)" -eq 0 ] && chown nobody "$tmp/data" "$tmp/socket"
port=$((20000 + $$ % 20000))
"${as_user[@]}" "$bin/initdb" -D "$tmp/data" -U postgres --auth=trust -E UTF8 --locale=C >"$tmp/initdb.log" 2>&1 \
  || { cat "$tmp/initdb.log"; exit 1; }
"${as_user[@]}" "$bin/pg_ctl" -D "$tmp/data" -l "$tmp/socket/server.log" -w \
  -o "-c listen_addresses='' -k $tmp/socket -p $port" start >/dev/null
export PGHOST=$tmp/socket PGPORT=$port PGUSER=postgres
"${as_user[@]}" env PGHOST="$PGHOST" PGPORT="$PGPORT" PGUSER="$PGUSER" psql -q -d postgres -c "CREATE DATABASE catalogue" >/dev/null

# The documented command (docs/catalogue.md), run from the export folder.
(cd "$tmp/export" && "${as_user[@]}" env PGHOST="$PGHOST" PGPORT="$PGPORT" PGUSER="$PGUSER" \
  psql -q -v ON_ERROR_STOP=1 -d catalogue -f load_postgres.sql >/dev/null)

failed=0
tables=0
for csv in "$tmp"/export/*.csv; do
  table=$(basename "$csv" .csv)
  want=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT COUNT(*) FROM \"%s\"" % sys.argv[2]).fetchone()[0])' "$tmp/catalogue.sqlite" "$table")
  got=$("${as_user[@]}" env PGHOST="$PGHOST" PGPORT="$PGPORT" PGUSER="$PGUSER" psql -At -d catalogue -c "SELECT COUNT(*) FROM \"$table\"")
  tables=$((tables + 1))
  if [ "$want" != "$got" ]; then echo "FAIL: $table: $got rows in PostgreSQL, $want in SQLite"; failed=1; fi
done
[ "$tables" -ge 29 ] || { echo "FAIL: only $tables tables exported"; failed=1; }
# The views answer the same in both databases.
q="SELECT standard_id || ' ' || version || ' ' || document_id FROM latest_standards ORDER BY standard_id"
got=$("${as_user[@]}" env PGHOST="$PGHOST" PGPORT="$PGPORT" PGUSER="$PGUSER" psql -At -d catalogue -c "$q")
want=$(python3 -c 'import sqlite3,sys; print("\n".join(r[0] for r in sqlite3.connect(sys.argv[1]).execute(sys.argv[2])))' "$tmp/catalogue.sqlite" "$q")
if [ "$got" != "$want" ] || [ -z "$got" ]; then echo "FAIL: latest_standards differs: [$got] vs [$want]"; failed=1; fi
[ $failed -eq 0 ] && echo "PASS: $tables tables loaded into PostgreSQL with the SQLite catalogue's row counts"
exit $failed
