// The Microsoft 365 Agents Playground's web page (the Teams-like client) in headless Chromium, shared by the drivers:
// starting the browser on this machine only, the page's selectors, typing into the chat, waiting for cards, and the
// one JSON line each driver prints with what it saw (it exits 1, still printing the JSON, on failure).
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const welcomeMarker = "Hello, I'm the Scorecard bot";
const cardSelector = '.ac-adaptiveCard';
export const messageBox = '[data-lexical-editor="true"][role="textbox"]';

export const cards = page => page.locator(cardSelector);
export const texts = card => card.locator('.ac-textBlock').allInnerTexts();
export const welcomeCards = page => cards(page).filter({ hasText: welcomeMarker });

/** Each card in the conversation, top to bottom, by its first text (its heading). */
export const headings = page => cards(page).evaluateAll(all =>
  all.map(card => card.querySelector('.ac-textBlock')?.innerText.trim() ?? ''));

/** The user types into the message box and presses Enter. */
export async function send(page, text) {
  await page.locator(messageBox).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** Does what <act> does and returns the first card that arrives after it, once its text is drawn. */
export async function nextCard(page, act) {
  const before = await cards(page).count();
  await act();
  await page.waitForFunction(([selector, n]) => document.querySelectorAll(selector).length > n, [cardSelector, before]);
  const card = cards(page).nth(before);
  await card.locator('.ac-textBlock').first().waitFor();
  await card.scrollIntoViewIfNeeded();
  return card;
}

/**
 * Does what <act> does and returns the first card drawn after it wherever it lands: a channel shows its newest post
 * first and a reply under the post it answers, so the next card is not always the last one. The cards already shown
 * are marked first; the new one is the card without the mark, once its text is drawn.
 */
export async function newCard(page, act) {
  const seen = 'data-e2e-seen';
  await cards(page).evaluateAll((all, attribute) => all.forEach(c => c.setAttribute(attribute, '')), seen);
  await act();
  const card = page.locator(`${cardSelector}:not([${seen}])`).first();
  await card.locator('.ac-textBlock').first().waitFor();
  await card.scrollIntoViewIfNeeded();
  return card;
}

/** The bot's cards in the conversation shown whose text contains <marker>. */
export const cardsWith = (page, marker) => cards(page).filter({ hasText: marker });

/**
 * Opens a conversation from the chat list on the left, as a person would, and waits until the page shows it: a
 * channel's page has the "Post" button of its new-post box, a chat's page has none, and both have a message box.
 */
export async function open(page, name, { isChannel }) {
  await page.getByRole('treeitem', { name, exact: true }).click();
  const post = page.getByRole('button', { name: 'Post', exact: true });
  await (isChannel ? post.waitFor() : post.waitFor({ state: 'detached' }));
  await page.locator(messageBox).first().waitFor();
}

/** Types each figure into the form's number input with that label (label -> value, in order), as a person would. */
export async function fillFigures(page, form, figures) {
  for (const [label, value] of Object.entries(figures)) {
    await form.getByLabel(label, { exact: true }).click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(String(value));
  }
  await page.keyboard.press('Tab');
}

let replacements = 0;

/**
 * Clicks the card's Action.Execute button <button> and waits for the card the bot answers with to be drawn in the
 * clicked card's place (the Playground draws it into the same element: marked, it shows where the answer went).
 * Returns the invoke's HTTP status and the card now in that place.
 */
export async function executeReplacing(page, card, button) {
  const mark = `data-e2e-replaced-${++replacements}`;
  await card.evaluate((el, attribute) => el.setAttribute(attribute, ''), mark);
  const before = await card.innerText();
  // The page posts the click to the Playground, which invokes the bot and answers with the bot's card.
  const invoked = page.waitForResponse(r => r.request().method() === 'POST' && new URL(r.url()).pathname === '/_conversation/v1/invoke');
  await card.getByRole('button', { name: button, exact: true }).click();
  const invoke = await invoked;
  await page.waitForFunction(([attribute, text]) => {
    const el = document.querySelector(`[${attribute}]`);
    return el && el.querySelector('.ac-textBlock') && el.innerText !== text;
  }, [mark, before]);
  const replaced = page.locator(`[${mark}]`);
  await replaced.scrollIntoViewIfNeeded();
  return { status: invoke.status(), card: replaced };
}

/**
 * Opens the Playground at <base> (loading it installs the bot in personal chat), runs <scenario> with the page, a
 * screenshot helper and the report to fill in, then prints the report and exits.
 */
export async function run({ base, outDir, viewport = { width: 1280, height: 1500 }, timeout = 20000 }, scenario) {
  fs.mkdirSync(outDir, { recursive: true });
  const result = { screenshots: [], pageErrors: [], aborted: [] };
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scorecard-e2e-chromium-'));
  let context;
  const shot = async (page, name, target) => {
    const file = path.join(outDir, name);
    await (target ?? page).screenshot({ path: file });
    result.screenshots.push(file);
  };

  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      headless: true,
      viewport,
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
    page.setDefaultTimeout(timeout);
    await page.goto(base, { waitUntil: 'load' });
    await scenario({ page, shot, result });
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
}
