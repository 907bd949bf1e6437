#!/usr/bin/env bash
# Installs the Python tools the tests need (moto server, cfn-lint) into ./.venv.
# Idempotent and fast when already done: it compares a hash of requirements-dev.txt
# with the one recorded at the last successful install.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$root/.venv"
req="$root/requirements-dev.txt"
stamp="$venv/.requirements.sha256"
want="$(sha256sum "$req" | cut -d' ' -f1)"

if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" && -x "$venv/bin/moto_server" && -x "$venv/bin/cfn-lint" ]]; then
  exit 0
fi

python="${PYTHON:-python3}"
if ! command -v "$python" >/dev/null 2>&1; then
  echo "setup-python: $python not found; install Python 3.9+ or set PYTHON" >&2
  exit 1
fi

echo "setup-python: installing $(grep -cvE '^\s*(#|$)' "$req") packages from requirements-dev.txt into .venv" >&2
[[ -x "$venv/bin/python" ]] || "$python" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip >&2
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$req" >&2
echo "$want" > "$stamp"
echo "setup-python: done" >&2
