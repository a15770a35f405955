// Parses and validates Adaptive Cards with the official renderer's own object model (npm adaptivecards 3.0.6) at
// schema 1.5, the version Teams renders, and prints a JSON report.
//
//   node validate.js cards.json      (cards.json: a JSON array of Adaptive Card objects)
//
// Every parse or validation event is an error, with one exception: Teams' Chart.* elements are unknown to this
// parser, so they are accepted when, and only when, they carry a fallback for other clients.
// Exit code: 0 no errors, 1 errors found, 2 could not run.
'use strict';

const fs = require('fs');

const TARGET_VERSION = '1.5';

function fail(message) {
  process.stdout.write(JSON.stringify({ fatal: message }, null, 2) + '\n');
  process.exit(2);
}

let AC;
try {
  // The package's main entry needs a DOM; the UMD bundle loads under plain Node.
  AC = require('adaptivecards/dist/adaptivecards.js');
} catch (e) {
  fail(`Cannot load adaptivecards (run "npm ci" in tests/card-validation): ${e.message}`);
}

const file = process.argv[2];
if (!file) fail('Usage: node validate.js <cards.json>');

let cards;
try {
  cards = JSON.parse(fs.readFileSync(file, 'utf8'));
} catch (e) {
  fail(`Cannot read ${file}: ${e.message}`);
}
if (!Array.isArray(cards)) fail(`${file} must hold a JSON array of cards`);

/** Every Chart.* element in a card, wherever it sits, with whether it has a fallback. */
function findCharts(node, path, found) {
  if (Array.isArray(node)) {
    node.forEach((item, i) => findCharts(item, `${path}[${i}]`, found));
  } else if (node && typeof node === 'object') {
    if (typeof node.type === 'string' && node.type.startsWith('Chart.')) {
      const fallback = node.fallback;
      found.push({ type: node.type, path, hasFallback: !!fallback && (typeof fallback === 'object' || fallback === 'drop') });
    }
    for (const [key, value] of Object.entries(node)) {
      // A chart's data is not card structure.
      if (typeof node.type === 'string' && node.type.startsWith('Chart.') && key === 'data') continue;
      findCharts(value, `${path}.${key}`, found);
    }
  }
  return found;
}

function describe(event) {
  return {
    phase: AC.ValidationPhase[event.phase],
    event: AC.ValidationEvent[event.event],
    message: event.message,
    source: event.source && typeof event.source.getJsonTypeName === 'function' ? event.source.getJsonTypeName() : undefined,
  };
}

const results = cards.map((json, index) => {
  const errors = [];
  const accepted = [];

  const charts = findCharts(json, '$', []);
  for (const chart of charts) {
    if (!chart.hasFallback) {
      errors.push({ phase: 'Teams', event: 'ChartWithoutFallback', message: `${chart.type} at ${chart.path} has no fallback; clients other than Teams would show nothing.` });
    }
  }
  const chartTypes = new Set(charts.map((c) => c.type));

  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Version.parse(TARGET_VERSION));
  card.maxVersion = AC.Version.parse(TARGET_VERSION);
  try {
    card.parse(json, context);
  } catch (e) {
    errors.push({ phase: 'Parse', event: 'Exception', message: e.message });
    return { index, errors, accepted };
  }

  const events = [];
  for (let i = 0; i < context.eventCount; i++) events.push(context.getEventAt(i));
  for (const event of card.validateProperties().validationEvents) events.push(event);

  for (const event of events) {
    const d = describe(event);
    const chart = event.event === AC.ValidationEvent.UnknownElementType && [...chartTypes].find((t) => d.message.includes(`"${t}"`));
    if (chart) accepted.push(d);
    else errors.push(d);
  }
  if (card.version && card.version.toString() !== TARGET_VERSION) {
    errors.push({ phase: 'Teams', event: 'Version', message: `Card version is ${card.version.toString()}, expected ${TARGET_VERSION}.` });
  }
  return { index, errors, accepted };
});

const errorCount = results.reduce((n, r) => n + r.errors.length, 0);
process.stdout.write(JSON.stringify({ parser: `adaptivecards ${require('adaptivecards/package.json').version}`, targetVersion: TARGET_VERSION, cards: cards.length, errorCount, results }, null, 2) + '\n');
process.exit(errorCount === 0 ? 0 : 1);
