// Validates the Teams app package offline: the manifest against the official JSON schema of its manifestVersion,
// the icons Teams requires (colour 192×192, outline 32×32 with transparency), and the bot entry.
// Usage: node validate.js <manifest folder>. Prints a JSON report; exits 1 on any problem.
'use strict';
const fs = require('fs');
const path = require('path');
const { AppManifestUtils } = require('@microsoft/app-manifest');

async function main() {
  const folder = path.resolve(process.argv[2] || path.join(__dirname, '..', '..', 'manifest'));
  const problems = [];
  const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'manifest.json'), 'utf8'));
  const schemaFile = path.join(__dirname, 'node_modules', '@microsoft', 'app-manifest', 'build', 'json-schemas', 'teams',
    'v' + manifest.manifestVersion, 'MicrosoftTeams.schema.json');
  if (!fs.existsSync(schemaFile)) {
    problems.push(`no bundled schema for manifestVersion ${manifest.manifestVersion}`);
  } else {
    // The bundled schemas carry \a and \v escapes that JSON.parse refuses.
    const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8').replace(/\\a/g, '').replace(/\\v/g, ''));
    const errors = await AppManifestUtils.validateAgainstSchema(manifest, schema);
    problems.push(...errors.map(e => 'schema: ' + e));
  }

  for (const [kind, size] of [['color', 192], ['outline', 32]]) {
    const file = path.join(folder, manifest.icons[kind]);
    if (!fs.existsSync(file)) { problems.push(`icon ${kind} missing: ${file}`); continue; }
    const png = fs.readFileSync(file);
    if (png.readUInt32BE(0) !== 0x89504e47) { problems.push(`icon ${kind} is not a PNG`); continue; }
    const width = png.readUInt32BE(16), height = png.readUInt32BE(20), colourType = png[25];
    if (width !== size || height !== size) problems.push(`icon ${kind} is ${width}×${height}, must be ${size}×${size}`);
    if (kind === 'outline' && colourType !== 6) problems.push('outline icon must have an alpha channel (transparent background)');
  }

  const bot = (manifest.bots || [])[0];
  if (!bot) problems.push('manifest declares no bot');
  else {
    for (const scope of ['personal', 'team', 'groupChat']) if (!bot.scopes.includes(scope)) problems.push(`bot scope ${scope} missing`);
    if (bot.botId !== manifest.id && !/^\$\{\{/.test(bot.botId)) problems.push('botId should equal the app id placeholder');
  }

  console.log(JSON.stringify({ manifestVersion: manifest.manifestVersion, problems }, null, 2));
  process.exit(problems.length === 0 ? 0 : 1);
}

main().catch(e => { console.error(e); process.exit(2); });
