#!/usr/bin/env bash
# Builds the Teams app package (manifest/build/scorecard-teams-app.zip) for sideloading or the admin centre.
# Usage: BOT_ID=<Azure Bot / Entra app id> [APP_VERSION=1.0.1] manifest/package.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
: "${BOT_ID:?Set BOT_ID to the Microsoft App ID of the bot, a GUID}"
[[ "$BOT_ID" =~ ^[0-9a-fA-F-]{36}$ ]] || { echo "BOT_ID must be a GUID, got '$BOT_ID'" >&2; exit 2; }
out="$here/build"
rm -rf "$out" && mkdir -p "$out/package"
python3 - "$here/manifest.json" "$out/package/manifest.json" "$BOT_ID" "${APP_VERSION:-}" <<'PY'
import json, sys
source, target, bot_id, version = sys.argv[1:5]
manifest = json.load(open(source))
manifest["id"] = bot_id
for bot in manifest["bots"]:
    bot["botId"] = bot_id
if version:
    manifest["version"] = version
json.dump(manifest, open(target, "w"), indent=2)
PY
cp "$here/color.png" "$here/outline.png" "$out/package/"
(cd "$out/package" && python3 -m zipfile -c ../scorecard-teams-app.zip manifest.json color.png outline.png)
echo "$out/scorecard-teams-app.zip"
