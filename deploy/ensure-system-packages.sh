#!/usr/bin/env bash
# The Debian packages the test suite needs besides Python, installed when missing: the
# PostgreSQL store's tests start throw-away clusters with the server binaries (initdb,
# pg_ctl); the deployment test runs nginx in front of the casebot instances; the web page's
# browser tests drive Debian's chromium, with fonts-noto-cjk for Chinese glyphs.
# Does nothing when all are there.  Installing needs root (CI runs as root); as another
# user it says what to install and exits 1, so `make test` stops with the fix instead of
# failing test by test.
set -euo pipefail

need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 \
    || need+=(postgresql)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
ls /usr/share/fonts/opentype/noto/NotoSansCJK* >/dev/null 2>&1 || need+=(fonts-noto-cjk)

if [ ${#need[@]} -eq 0 ]; then
    exit 0
fi
if [ "$(id -u)" != 0 ]; then
    echo "missing Debian packages: ${need[*]} — install them with:" \
         "sudo apt-get install ${need[*]}" >&2
    exit 1
fi
echo "installing Debian packages: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
