// Validates the Teams app package offline: the manifest against the official JSON schema of its manifestVersion,
// the icons Teams requires (colour 192×192; outline 32×32, white on a transparent background), and the bot entry with
// a command list for each of its scopes, titles and descriptions short enough for every Teams client.
// Usage: node validate.js <manifest folder>. Prints a JSON report; exits 1 on any problem.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

// The limits of manifest v1.17–v1.21, kept on newer versions: the command menu of older clients cuts longer text.
const MAX_TITLE = 32, MAX_DESCRIPTION = 128;
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
    // The schemas' patterns use \a (BEL), which JavaScript's unicode regular expressions refuse: written as \x07, as
    // the Agents Toolkit does (OfficeDev/microsoft-teams-app-schema#190). Other escapes (\v in v1.30) are kept.
    const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8').replace(/\\a/g, '\\x07'));
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
    if (kind === 'outline') {
      if (colourType !== 6 || png[24] !== 8) { problems.push('outline icon must be 8-bit RGBA (a transparent background)'); continue; }
      const pixels = rgba(png, width, height);
      let transparent = 0, notWhite = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        if (pixels[i + 3] === 0) transparent++;
        else if (pixels[i] < 0xf0 || pixels[i + 1] < 0xf0 || pixels[i + 2] < 0xf0) notWhite++;
      }
      if (transparent === 0) problems.push('outline icon has no transparent pixel: its background must be transparent');
      if (notWhite > 0) problems.push(`outline icon has ${notWhite} visible pixels that are not white`);
    }
  }

  const bot = (manifest.bots || [])[0];
  if (!bot) problems.push('manifest declares no bot');
  else {
    for (const scope of ['personal', 'team', 'groupChat']) if (!bot.scopes.includes(scope)) problems.push(`bot scope ${scope} missing`);
    if (bot.botId !== manifest.id && !/^\$\{\{/.test(bot.botId)) problems.push('botId should equal the app id placeholder');
    problems.push(...commandListProblems(bot));
  }

  console.log(JSON.stringify({ manifestVersion: manifest.manifestVersion, problems }, null, 2));
  process.exit(problems.length === 0 ? 0 : 1);
}

// Each scope the bot offers has exactly one command list (Teams shows one menu per scope), every command short enough.
function commandListProblems(bot) {
  const problems = [];
  const lists = bot.commandLists || [];
  for (const scope of bot.scopes) {
    const count = lists.filter(l => l.scopes.includes(scope)).length;
    if (count !== 1) problems.push(`bot scope ${scope} has ${count} command lists, needs exactly one`);
  }
  lists.forEach((list, i) => {
    const titles = new Set();
    for (const scope of list.scopes) if (!bot.scopes.includes(scope)) problems.push(`commandLists/${i} names scope ${scope} the bot does not offer`);
    for (const { title, description } of list.commands) {
      if (title.length > MAX_TITLE) problems.push(`commandLists/${i} title "${title}" is longer than ${MAX_TITLE}`);
      if (description.length > MAX_DESCRIPTION) problems.push(`commandLists/${i} "${title}" description is longer than ${MAX_DESCRIPTION}`);
      if (titles.has(title.toLowerCase())) problems.push(`commandLists/${i} lists "${title}" twice`);
      titles.add(title.toLowerCase());
    }
  });
  return problems;
}

// The pixels of an 8-bit RGBA PNG, unfiltered (PNG spec section 9: filters None, Sub, Up, Average, Paeth).
function rgba(png, width, height) {
  const chunks = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at), type = png.toString('ascii', at + 4, at + 8);
    if (type === 'IDAT') chunks.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const data = zlib.inflateSync(Buffer.concat(chunks)), stride = width * 4, out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = data[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const raw = data[y * (stride + 1) + 1 + x];
      const a = x >= 4 ? out[y * stride + x - 4] : 0, b = y > 0 ? out[(y - 1) * stride + x] : 0;
      const c = x >= 4 && y > 0 ? out[(y - 1) * stride + x - 4] : 0;
      const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
      const predictor = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][filter];
      out[y * stride + x] = (raw + predictor) & 0xff;
    }
  }
  return out;
}

main().catch(e => { console.error(e); process.exit(2); });
