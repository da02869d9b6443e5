#!/bin/bash
# tests/bench/fetch-lwip.sh DIR - unpack the source of Debian's lwip package (the one liblwip-dev
# is built from) into DIR/lwip-src, with Debian's patches applied.
#
# Debian's liblwip-dev cannot be driven by the bench: its lwipopts.h is fixed at build time
# (NO_SYS=0, checksums always checked and generated, sockets and threads), so the bench builds
# lwIP's core (src/core, src/core/ipv4) itself with tests/bench/lwip/lwipopts.h, once with
# checksums off and once on. The machine's apt sources carry no deb-src line, so this script uses
# a private source list and package lists under DIR (the machine's apt configuration is not
# touched): apt-get source --download-only, then dpkg-source -x.
set -euo pipefail
dir=${1:?usage: fetch-lwip.sh BUILD_DIR}
src="$dir/lwip-src"
apt="$dir/apt"
if ls -d "$src"/lwip-*/src/core >/dev/null 2>&1; then exit 0; fi
mkdir -p "$src" "$apt/lists/partial"
suite=$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")
echo "deb-src http://deb.debian.org/debian $suite main" > "$apt/sources.list"
opts=(-o "Dir::Etc::SourceList=$(realpath "$apt")/sources.list" -o Dir::Etc::SourceParts=/dev/null
      -o "Dir::State::Lists=$(realpath "$apt")/lists")
echo "fetch-lwip: apt-get source lwip (private deb-src list in $apt)"
apt-get -q "${opts[@]}" update >"$apt/update.log" 2>&1 || {
    echo "fetch-lwip: apt-get update with a deb-src line failed (see $apt/update.log); no network?" >&2; exit 1; }
(cd "$src" && apt-get -q "${opts[@]}" source --download-only lwip >download.log 2>&1) || {
    echo "fetch-lwip: apt-get source lwip failed (see $src/download.log)" >&2; exit 1; }
(cd "$src" && dpkg-source -x lwip_*.dsc >unpack.log 2>&1) || {
    echo "fetch-lwip: dpkg-source -x failed (see $src/unpack.log)" >&2; exit 1; }
ls -d "$src"/lwip-*/src/core >/dev/null
