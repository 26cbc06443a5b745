#!/usr/bin/env bash
# Debian's Chromium and CJK fonts for the browser tests (tests/web/test_browser.py), installed
# when missing:
#   chromium        Playwright drives /usr/bin/chromium (never `playwright install`: no
#                   browser is downloaded from anywhere but Debian's archive)
#   fonts-noto-cjk  Chinese glyphs; without them the screenshot shows boxes
# Exit 0 when both are there (installed now or before); 1 with the reason when they are
# missing and cannot be installed (not root, or apt-get failed).  The browser tests call
# this themselves; CI (.ci/run, as root) may call it first to install up front.
set -euo pipefail

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
ls /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc >/dev/null 2>&1 || need+=(fonts-noto-cjk)
if [ ${#need[@]} -eq 0 ]; then
    exit 0
fi
if [ "$(id -u)" != 0 ]; then
    echo "missing Debian packages: ${need[*]}; install them as root: apt-get install ${need[*]}" >&2
    exit 1
fi
echo "installing Debian packages for the browser tests: ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
# Wait for another apt or dpkg run (the lock) rather than fail at once.
apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${need[@]}" >&2
[ -x /usr/bin/chromium ] || { echo "chromium did not install" >&2; exit 1; }
