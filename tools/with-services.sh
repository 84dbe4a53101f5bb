#!/usr/bin/env bash
# Runs a command (the test suite) with the services the tests use:
#   - Debian's Chromium for the page tests (installed with apt-get when missing, as root);
#   - a throwaway PostgreSQL server on 127.0.0.1 (tools/postgres.sh), whose URL is exported
#     as STORYDESK_TEST_POSTGRES and which is stopped when the command ends.
# Without root and without those packages, the command runs without them: outside CI the
# tests that need them skip; under CI=true they fail.
#
#   tools/with-services.sh .venv/bin/pytest -q
set -euo pipefail
cd "$(dirname "$0")/.."

can_install() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; }

if [ ! -x /usr/bin/chromium ] && can_install; then
    echo "with-services: installing chromium from Debian" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq chromium >/dev/null
fi
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

if [ -z "${STORYDESK_TEST_POSTGRES:-}" ] && { ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || can_install; }; then
    pgdir=$(mktemp -d /tmp/storydesk-pg.XXXXXX)
    trap 'tools/postgres.sh stop "$pgdir"' EXIT
    eval "$(PG_FSYNC=off tools/postgres.sh start "$pgdir")"
    export STORYDESK_TEST_POSTGRES
    echo "with-services: PostgreSQL for the tests at $STORYDESK_TEST_POSTGRES" >&2
fi

"$@"
