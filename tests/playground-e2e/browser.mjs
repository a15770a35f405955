// Drives the Microsoft 365 Agents Playground's web page (the Teams-like client) in headless Chromium:
// waits for the welcome card, types a question, screenshots the rendered answer card, clicks one of its buttons
// and waits for the next card. Prints one JSON line with what it saw; exits 1 (still printing JSON) on failure.
//
//   node browser.mjs <playground-url> <screenshot-folder>
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const [base, outDir] = process.argv.slice(2);
if (!base || !outDir) {
  console.error('usage: node browser.mjs <playground-url> <screenshot-folder>');
  process.exit(2);
}
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const question = process.env.E2E_QUESTION || 'CTIO coverage in July';
const answerMarker = process.env.E2E_ANSWER_MARKER || '88%';
const button = process.env.E2E_BUTTON || 'Year to date';
const welcomeMarker = "Hello, I'm the Scorecard bot";

fs.mkdirSync(outDir, { recursive: true });
const result = { screenshots: [], pageErrors: [], aborted: [] };
const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scorecard-e2e-chromium-'));
let context;

const cards = page => page.locator('.ac-adaptiveCard');
const texts = card => card.locator('.ac-textBlock').allInnerTexts();
async function shot(page, name, target) {
  const file = path.join(outDir, name);
  await (target ?? page).screenshot({ path: file });
  result.screenshots.push(file);
}

try {
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    viewport: { width: 1280, height: 1500 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  // Only this machine: the page asks a CDN for fonts and animations.
  await context.route('**/*', route => {
    const host = new URL(route.request().url()).hostname;
    if (host === '127.0.0.1' || host === 'localhost') return route.continue();
    result.aborted.push(host);
    return route.abort();
  });

  const page = context.pages()[0] ?? await context.newPage();
  page.on('pageerror', e => result.pageErrors.push(e.message));
  page.setDefaultTimeout(20000);

  // Loading the page installs the bot in personal chat (installationUpdate, conversationUpdate).
  await page.goto(base, { waitUntil: 'load' });
  const welcome = cards(page).filter({ hasText: welcomeMarker });
  await welcome.first().waitFor();
  result.welcomeTexts = await texts(welcome.first());
  result.welcomeButtons = await welcome.first().getByRole('button').allInnerTexts();

  const answers = cards(page).filter({ hasText: answerMarker });
  const answersBefore = await answers.count();
  await page.locator('[data-lexical-editor="true"][role="textbox"]').click();
  await page.keyboard.type(question);
  await page.keyboard.press('Enter');
  await page.waitForFunction(([selector, marker, n]) =>
    [...document.querySelectorAll(selector)].filter(c => c.textContent.includes(marker)).length > n,
  ['.ac-adaptiveCard', answerMarker, answersBefore]);
  const answer = answers.nth(answersBefore);
  await answer.scrollIntoViewIfNeeded();
  result.answerTexts = await texts(answer);
  result.answerButtons = await answer.getByRole('button').allInnerTexts();
  await shot(page, 'answer-page.png');
  await shot(page, 'answer-card.png', answer);

  const cardsBefore = await cards(page).count();
  await answer.getByRole('button', { name: button, exact: true }).click();
  await page.waitForFunction(([selector, n]) => document.querySelectorAll(selector).length > n, ['.ac-adaptiveCard', cardsBefore]);
  const next = cards(page).nth(cardsBefore);
  await next.locator('.ac-textBlock').first().waitFor();
  await next.scrollIntoViewIfNeeded();
  result.buttonTexts = await texts(next);
  await shot(page, 'button-answer-page.png');
  await shot(page, 'button-answer-card.png', next);

  // Counted last, so a late duplicate welcome would have arrived by now.
  result.welcomeCount = await welcome.count();
  result.cardCount = await cards(page).count();
  result.ok = true;
} catch (e) {
  result.ok = false;
  result.error = String(e?.stack ?? e);
  try {
    const page = context?.pages()[0];
    if (page) await shot(page, 'failure.png');
  } catch { /* the browser is gone */ }
} finally {
  await context?.close().catch(() => {});
  fs.rmSync(userDataDir, { recursive: true, force: true });
}
console.log(JSON.stringify(result));
process.exit(result.ok ? 0 : 1);
