#!/usr/bin/env bash
# Renders bpmn/terminal-unbinding.bpmn to PNG with bpmn-js in headless Chromium: the whole process, and one picture
# per stage that reads at README width. Needs `npm ci` (bpmn-js) and Debian's chromium. Run from the repository root:
#   scripts/render-diagram.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/images
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cp node_modules/bpmn-js/dist/bpmn-viewer.production.min.js "$work/viewer.js"
cp -r node_modules/bpmn-js/dist/assets "$work/assets"
node -e '
const fs = require("fs");
const xml = fs.readFileSync("bpmn/terminal-unbinding.bpmn", "utf8");
fs.writeFileSync(process.argv[1] + "/index.html", `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="assets/bpmn-js.css"><style>html,body{margin:0;background:#fff;overflow:hidden}
</style></head><body><div id="c"></div><script src="viewer.js"></script><script>
const [x, y, w, h] = location.hash.slice(1).split(",").map(Number);
const box = document.getElementById("c");
box.style.width = w + "px";
box.style.height = h + "px";
const viewer = new BpmnJS({ container: box, width: w, height: h });
viewer.importXML(${JSON.stringify(xml)}).then(() => {
  const canvas = viewer.get("canvas");
  canvas.zoom(1);
  canvas.scroll({ dx: -x - canvas.viewbox().x, dy: -y - canvas.viewbox().y });
});
</script></body></html>`);
' "$work"

# name  x  y  width  height (diagram coordinates; a stage's picture is its own size, 1:1)
while read -r name x y w h; do
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$work/profile" \
    --window-size="$w,$h" --virtual-time-budget=5000 --screenshot="$out/$name.png" \
    "file://$work/index.html#$x,$y,$w,$h" >/dev/null 2>&1
  echo "$out/$name.png"
done <<'STAGES'
terminal-unbinding 90 5 1215 2490
stage-contact 90 5 760 172
stage-application-documents-identity 90 170 1215 565
stage-application-account-fee 90 728 1215 467
stage-review 90 1195 1215 690
stage-unbind-confirmation 90 1895 1215 595
STAGES
