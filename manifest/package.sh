#!/usr/bin/env bash
# Builds the Teams app package (manifest/build/scorecard-teams-app.zip) for sideloading or the Teams admin centre, then
# validates it offline: the schema, icon and command-list checks of tests/manifest-validation/validate.js and the
# Microsoft 365 Agents Toolkit CLI (`atk validate --manifest-file`). A package that fails either is not left behind.
# (`atk validate --package-file` runs the Developer Portal's rules online and first asks for a Microsoft 365 sign-in in a
# browser; upload the zip in the Developer Portal or Teams admin centre for those.)
# Usage: BOT_ID=<Entra app (client) id of the Azure Bot> [APP_VERSION=1.0.1] manifest/package.sh
# The validators come from `npm ci` in tests/manifest-validation (scripts/test runs it); SKIP_VALIDATION=1 builds without.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
validator="$here/../tests/manifest-validation"
: "${BOT_ID:?Set BOT_ID to the Microsoft App ID of the bot, a GUID}"
[[ "$BOT_ID" =~ ^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$ ]] || { echo "BOT_ID must be a GUID, got '$BOT_ID'" >&2; exit 2; }
if [ -n "${APP_VERSION:-}" ] && ! [[ "$APP_VERSION" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
  echo "APP_VERSION must be major.minor.patch (e.g. 1.0.1), got '$APP_VERSION'" >&2; exit 2
fi
out="$here/build"
rm -rf "$out" && mkdir -p "$out/package"
python3 - "$here/manifest.json" "$out/package/manifest.json" "$BOT_ID" "${APP_VERSION:-}" <<'PY'
import json, sys
source, target, bot_id, version = sys.argv[1:5]
manifest = json.load(open(source))
# The app id and the bot id are the same Entra app: one registration, one package per bot.
manifest["id"] = bot_id
for bot in manifest["bots"]:
    bot["botId"] = bot_id
if version:
    manifest["version"] = version
json.dump(manifest, open(target, "w"), indent=2)
PY
cp "$here/color.png" "$here/outline.png" "$out/package/"
zip="$out/scorecard-teams-app.zip"
(cd "$out/package" && python3 -m zipfile -c "$zip" manifest.json color.png outline.png)

if [ "${SKIP_VALIDATION:-}" != "1" ]; then
  if [ ! -d "$validator/node_modules/@microsoft/m365agentstoolkit-cli" ]; then
    echo "The validators are not installed: run 'npm ci' in tests/manifest-validation (or SKIP_VALIDATION=1)." >&2
    rm -f "$zip"; exit 1
  fi
  if ! node "$validator/validate.js" "$out/package" > "$out/validation.json"; then
    cat "$out/validation.json" >&2; rm -f "$zip"; exit 1
  fi
  if ! (cd "$out" && node "$validator/node_modules/@microsoft/m365agentstoolkit-cli/cli.js" validate \
        --manifest-file "$out/package/manifest.json" --telemetry false --interactive false < /dev/null > "$out/atk-validate.log" 2>&1); then
    cat "$out/atk-validate.log" >&2; rm -f "$zip"; exit 1
  fi
  echo "Validated: schema v$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["manifestVersion"])' "$out/package/manifest.json"), icons, command lists, Agents Toolkit" >&2
fi
echo "$zip"
