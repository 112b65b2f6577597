#!/usr/bin/env bash
# Installs apps/odoo-module/mcp_crew_connector on a fresh database of a real Odoo 17/18 and runs its Odoo tests
# (TransactionCase, HttpCase; the browser tour skips itself when no Chrome is installed). Fails on any test
# failure and on any WARNING/ERROR line logged during install and tests.
#
#   bash scripts/odoo-module-test.sh            # defaults match /work/shared/tools/real-odoo (Odoo 18 in /opt/odoo18-src)
#
# Settings (environment): ODOO_SRC (/opt/odoo18-src), ODOO_BIN ($ODOO_SRC/odoo-bin), ODOO_PYTHON (/usr/bin/python3),
# ODOO_ADDONS_PATH ($ODOO_SRC/odoo/addons), TEST_DB (mcp_crew_test_<pid>), TEST_PORT (8070; the HttpCase server,
# loopback only), KEEP_DB=1 keeps the database, ODOO_LOCK=/path takes that flock for the run (shared servers).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ODOO_SRC="${ODOO_SRC:-/opt/odoo18-src}"
ODOO_BIN="${ODOO_BIN:-$ODOO_SRC/odoo-bin}"
ODOO_PYTHON="${ODOO_PYTHON:-/usr/bin/python3}"
ODOO_ADDONS_PATH="${ODOO_ADDONS_PATH:-$ODOO_SRC/odoo/addons}"
TEST_DB="${TEST_DB:-mcp_crew_test_$$}"
TEST_PORT="${TEST_PORT:-8070}"
MODULE=mcp_crew_connector
log="$(mktemp -t mcp-crew-odoo-test.XXXXXX.log)"
data_dir="$(mktemp -d -t mcp-crew-odoo-data.XXXXXX)"

[ -x "$ODOO_BIN" ] || [ -f "$ODOO_BIN" ] || { echo "odoo-module-test: no odoo-bin at $ODOO_BIN (set ODOO_SRC or ODOO_BIN)" >&2; exit 2; }
if (exec 3<>"/dev/tcp/127.0.0.1/$TEST_PORT") 2>/dev/null; then
    echo "odoo-module-test: port $TEST_PORT is taken; set TEST_PORT to a free port" >&2
    exit 2
fi
if [ -n "${ODOO_LOCK:-}" ]; then
    exec 9>"$ODOO_LOCK"
    echo "odoo-module-test: waiting for $ODOO_LOCK"
    flock 9
fi

cleanup() {
    [ "${KEEP_DB:-0}" = 1 ] || dropdb --if-exists "$TEST_DB" 2>/dev/null || true
    rm -rf "$data_dir"
}
trap cleanup EXIT
dropdb --if-exists "$TEST_DB" 2>/dev/null || true

echo "odoo-module-test: installing $MODULE on fresh database $TEST_DB and running its tests (log $log)"
started=$SECONDS
set +e
"$ODOO_PYTHON" "$ODOO_BIN" \
    --addons-path="$ODOO_ADDONS_PATH,$here/apps/odoo-module" \
    --data-dir="$data_dir" \
    -d "$TEST_DB" -i "$MODULE" \
    --test-enable --test-tags="/$MODULE" \
    --http-interface=127.0.0.1 --http-port="$TEST_PORT" \
    --workers=0 --max-cron-threads=0 \
    --stop-after-init --logfile="$log"
status=$?
set -e

# Environment notices that are not about the module (Odoo run as root on this kind of machine).
allowed='Running as user .root. is a security risk'
problems="$(grep -E ' (WARNING|ERROR|CRITICAL) ' "$log" | grep -Ev "$allowed" || true)"
summary="$(grep -E "odoo.tests.result: .*(tests|failed|error)" "$log" | tail -3 || true)"
ran="$(grep -Eo 'Starting (Test[A-Za-z]+)\.test_[a-z_0-9]+' "$log" | wc -l)"
echo "odoo-module-test: odoo-bin exit $status after $((SECONDS - started)) s; $ran tests started"
[ -n "$summary" ] && echo "$summary"
grep -E "skipped" "$log" | sed 's/^.*INFO [^ ]* /  /' || true
if [ -n "$problems" ]; then
    echo "odoo-module-test: FAILED: warnings or errors were logged:"
    echo "$problems" | head -60
    exit 1
fi
[ "$status" = 0 ] || { echo "odoo-module-test: FAILED (odoo-bin exit $status)"; tail -30 "$log"; exit 1; }
[ "$ran" -gt 0 ] || { echo "odoo-module-test: FAILED: no test ran"; exit 1; }
echo "odoo-module-test: OK (install without warnings, all tests passed)"
