#!/usr/bin/env bash
# Regenerates the oracle's inputs and golden files (tools/oracle/README.md) and fails when they
# differ from the committed ones: a change to the demo data, the generator or the measures shows
# here, and is accepted by committing the regenerated files after reading the difference.
set -euo pipefail
cd "$(dirname "$0")/../.."

python3 -c 'import networkx' 2>/dev/null || python3 -m pip install -q -r tools/oracle/requirements.txt
want=$(sed -n 's/^networkx==//p' tools/oracle/requirements.txt)
have=$(python3 -c 'import networkx; print(networkx.__version__)')
[ "$have" = "$want" ] || echo "warning: NetworkX $have here, the golden files were written with $want"

# The committed files, to compare with (works in a clone and in a plain copy of the tree).
before=$(mktemp -d)
trap 'rm -rf "$before"' EXIT
cp -r libs/analytics/src/golden/. "$before/"

# The exporter reads the demo networks through the store: the server build, without the web app.
npx tsc -p tsconfig.build.json && npx tsc-alias -p tsconfig.build.json
node dist/tools/oracle/export-inputs.js
python3 tools/oracle/measures.py

if ! diff -r -q "$before" libs/analytics/src/golden; then
  diff -r -u "$before" libs/analytics/src/golden | cut -c1-400 | head -40 || true
  echo "The oracle's golden files differ from the committed ones (above). Read the difference; commit the files if it is intended."
  exit 1
fi
echo "oracle: golden files unchanged"
