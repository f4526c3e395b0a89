#!/usr/bin/env bash
# Installs everything the tests need (a virtual environment, the package with its test
# extra, Debian's Chromium for the browser tests), checks lint, formatting and types, and
# runs the whole test suite. Arguments go to pytest (e.g. `bash scripts/test.sh -k gazetteer`).
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
  || { echo "Python 3.11 or newer is needed (python3 is $(python3 --version))" >&2; exit 1; }
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[test]'

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; else SUDO=none; fi
  if [ "$SUDO" != none ]; then
    echo "Installing Debian's chromium for the browser tests..."
    $SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium is not installed and this user cannot install it: browser tests will be skipped." >&2
  fi
fi

echo "ruff check, ruff format --check, mypy (strict: geodata and dashboard), geodata check --strict..."
.venv/bin/ruff check --quiet .
.venv/bin/ruff format --check --quiet .
.venv/bin/mypy
report=$(.venv/bin/geodata check --strict articles/) || { echo "$report"; exit 1; }
.venv/bin/python -m pytest "$@"
