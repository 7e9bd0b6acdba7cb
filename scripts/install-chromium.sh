#!/usr/bin/env bash
# Browser tests use Debian's chromium (never a browser download). Install it when we can; the
# browser tests skip with a message when it is absent.
set -u
command -v chromium >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null 2>&1
fi
command -v chromium >/dev/null 2>&1 || echo "chromium not installed: browser tests will be skipped" >&2
exit 0
