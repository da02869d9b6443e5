#!/usr/bin/env bash
# tests/install/run.sh: `make install PREFIX=/usr/local DESTDIR=<tmp>`, then tcpfsm-tun built only
# from the installed files through `pkg-config --cflags --libs tcpfsm` (PKG_CONFIG_PATH into the
# DESTDIR, PKG_CONFIG_SYSROOT_DIR for the DESTDIR prefix), then that binary run: its usage, and,
# with CAP_NET_ADMIN, interop scenario 1 against the kernel.
set -uo pipefail
cd "$(dirname "$0")/../.."
BUILD=${BUILD:-build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
check() {  # check DESCRIPTION COMMAND...
    local d=$1; shift
    if "$@" >"$tmp/out" 2>&1; then echo "PASS install: $d"; pass=$((pass + 1))
    else echo "FAIL install: $d"; sed 's/^/  /' "$tmp/out"; fail=$((fail + 1)); fi
}
dest=$tmp/dest
check "make install PREFIX=/usr/local DESTDIR=..." make --no-print-directory -s install PREFIX=/usr/local DESTDIR="$dest"
export PKG_CONFIG_PATH=$dest/usr/local/lib/pkgconfig PKG_CONFIG_SYSROOT_DIR=$dest PKG_CONFIG_LIBDIR=
check "pkg-config finds tcpfsm" pkg-config --exists tcpfsm
flags="$(pkg-config --cflags --libs tcpfsm 2>/dev/null)"
echo "pkg-config --cflags --libs tcpfsm: $flags"
# Only the installed headers: the host's sources are copied away from src/.
mkdir -p "$tmp/host"
cp tools/host/*.c tools/host/*.h "$tmp/host/"
bin=$tmp/tcpfsm-tun
# shellcheck disable=SC2086
check "tcpfsm-tun builds against the installed files" \
    ${CC:-cc} -std=c99 -Wall -Wextra -Wpedantic -Werror -O2 -o "$bin" "$tmp"/host/*.c $flags
check "the installed-built tcpfsm-tun runs (--help)" "$bin" --help
if [ -x "$bin" ] && tests/interop/run.sh --check >/dev/null; then
    check "the installed-built tcpfsm-tun passes interop scenario 1" \
        env TCPFSM_TUN="$bin" INTEROP_OUT="$BUILD/interop-installed" tests/interop/run.sh s1_kernel_closes_first
else
    echo "install: interop with the installed build: skipped: needs CAP_NET_ADMIN"
fi
echo "install: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
