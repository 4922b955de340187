#!/usr/bin/env bash
# Install the tools heellint is benchmarked against, side by side.
#
#   PyPI:   codespell, typos                 -> bench/peers/venv
#   Debian: hunspell, hunspell-no, hunspell-da, time (GNU time: peak memory)
#   npm:    cspell, @cspell/dict-nb-no, @cspell/dict-da-dk,
#           textlint, textlint-rule-prh      -> bench/peers/node
#
# Everything but the Debian packages goes under bench/peers/ (gitignored).
# Usage: bash bench/peers.sh            (as root for apt-get; skip with NO_APT=1)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
peers="$here/peers"
mkdir -p "$peers"

python="${PYTHON:-python3}"
if [ -x "$here/../.venv/bin/python" ]; then
    python="$here/../.venv/bin/python"
fi

echo "== PyPI: codespell, typos -> $peers/venv"
if [ ! -x "$peers/venv/bin/python" ]; then
    "$python" -m venv "$peers/venv"
fi
"$peers/venv/bin/python" -m pip install --quiet --upgrade pip
"$peers/venv/bin/python" -m pip install --quiet codespell typos

if [ "${NO_APT:-0}" != "1" ]; then
    echo "== Debian: hunspell hunspell-no hunspell-da time"
    if command -v apt-get >/dev/null; then
        SUDO=""
        if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
        $SUDO apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq hunspell hunspell-no hunspell-da time >/dev/null
    else
        echo "   apt-get not found: install hunspell with the nb_NO and da_DK dictionaries by hand" >&2
    fi
fi

echo "== npm: cspell + nb/da dictionaries, textlint + prh -> $peers/node"
mkdir -p "$peers/node"
if [ ! -f "$peers/node/package.json" ]; then
    (cd "$peers/node" && npm init -y >/dev/null)
fi
(cd "$peers/node" && npm install --silent --no-audit --no-fund \
    cspell @cspell/dict-nb-no @cspell/dict-da-dk textlint textlint-rule-prh)

echo "== versions"
"$peers/venv/bin/codespell" --version | sed 's/^/codespell /'
"$peers/venv/bin/typos" --version
hunspell -v 2>/dev/null | head -1 || true
ls /usr/share/hunspell/ 2>/dev/null | grep -E '^(nb_NO|da_DK)\.dic$' || true
"$peers/node/node_modules/.bin/cspell" --version | sed 's/^/cspell /'
"$peers/node/node_modules/.bin/textlint" --version | sed 's/^/textlint /'
