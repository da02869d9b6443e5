#!/usr/bin/env bash
# tools/deps.sh PACKAGE...
# Installs the Debian 12 packages tcpfsm needs when some are missing (as root), then runs
# `why3 config detect` once so that Frama-C WP finds z3 and cvc4. Not root: prints the exact
# apt-get line to run and fails, since nothing else can work without them.
set -euo pipefail

if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "deps: this is not a Debian system; install the equivalents of: $*" >&2
    exit 1
fi

missing=()
for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$pkg")
    fi
done

if ((${#missing[@]} > 0)); then
    if [ "$(id -u)" -eq 0 ]; then
        echo "deps: installing ${missing[*]}"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    else
        echo "deps: missing Debian packages; as root run:" >&2
        echo "  apt-get install -y ${missing[*]}" >&2
        exit 1
    fi
fi

# why3 must know the provers once (Alt-Ergo is not packaged in Debian 12; z3 and cvc4 are).
if ! why3 config list-provers 2>/dev/null | grep -q '^Z3 ' || \
   ! why3 config list-provers 2>/dev/null | grep -q '^CVC4 '; then
    echo "deps: why3 config detect"
    why3 config detect >/dev/null
fi
echo "deps: all present"
