#!/usr/bin/env bash
# tools/splice-readme.sh README TABLE_MD
# Prints README with the text between the lines `<!-- BEGIN transitions -->` and
# `<!-- END transitions -->` replaced by TABLE_MD (the generator's docs/transitions.md).
set -euo pipefail
readme=$1 table=$2
for f in "$readme" "$table"; do
    [ -f "$f" ] || { echo "splice-readme: $f: no such file" >&2; exit 1; }
done
grep -q '^<!-- BEGIN transitions -->$' "$readme" && grep -q '^<!-- END transitions -->$' "$readme" || {
    echo "splice-readme: $readme: expected the marker lines <!-- BEGIN transitions --> and <!-- END transitions -->" >&2
    exit 1
}
awk -v table="$table" '
    /^<!-- BEGIN transitions -->$/ { print; while ((getline line < table) > 0) print line; skip = 1; next }
    /^<!-- END transitions -->$/   { skip = 0 }
    !skip { print }
' "$readme"
