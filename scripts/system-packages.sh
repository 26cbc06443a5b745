#!/usr/bin/env bash
# The Debian packages the test suite needs besides Python, installed when missing:
#   postgresql      throw-away clusters for the PostgreSQL backend's tests
#   nginx           the load balancer of the deployment test (deploy/)
#   chromium        the web page's browser tests (Playwright drives Debian's build)
#   fonts-noto-cjk  Chinese glyphs for the browser's screenshots
# Does nothing when all are present.  Installing needs root (CI runs as root); as another
# user it says what is missing, and the tests that need it are skipped with that reason.
set -euo pipefail

need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
ls /usr/share/fonts/opentype/noto/NotoSansCJK* >/dev/null 2>&1 || need+=(fonts-noto-cjk)

if [ ${#need[@]} -eq 0 ]; then
    exit 0
fi
if [ "$(id -u)" != 0 ]; then
    echo "note: Debian packages missing: ${need[*]} (as root: apt-get install ${need[*]});" \
         "the tests that need them will be skipped" >&2
    exit 0
fi
echo "installing Debian packages: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
