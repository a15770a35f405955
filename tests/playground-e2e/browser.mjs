// Drives the Playground's web page in headless Chromium: waits for the welcome card, types a question, screenshots
// the rendered answer card, clicks one of its buttons and waits for the next card. Prints one JSON line with what it
// saw; exits 1 (still printing JSON) on failure.
//
//   node browser.mjs <playground-url> <screenshot-folder>
import { run, cards, texts, send, nextCard, welcomeCards } from './playground-page.mjs';

const [base, outDir] = process.argv.slice(2);
if (!base || !outDir) {
  console.error('usage: node browser.mjs <playground-url> <screenshot-folder>');
  process.exit(2);
}
const question = process.env.E2E_QUESTION || 'CTIO coverage in July';
const answerMarker = process.env.E2E_ANSWER_MARKER || '88%';
const button = process.env.E2E_BUTTON || 'Year to date';

await run({ base, outDir }, async ({ page, shot, result }) => {
  // Loading the page installs the bot in personal chat (installationUpdate, conversationUpdate).
  const welcome = welcomeCards(page);
  await welcome.first().waitFor();
  result.welcomeTexts = await texts(welcome.first());
  result.welcomeButtons = await welcome.first().getByRole('button').allInnerTexts();

  const answers = cards(page).filter({ hasText: answerMarker });
  const answersBefore = await answers.count();
  await send(page, question);
  await page.waitForFunction(([selector, marker, n]) =>
    [...document.querySelectorAll(selector)].filter(c => c.textContent.includes(marker)).length > n,
  ['.ac-adaptiveCard', answerMarker, answersBefore]);
  const answer = answers.nth(answersBefore);
  await answer.scrollIntoViewIfNeeded();
  result.answerTexts = await texts(answer);
  result.answerButtons = await answer.getByRole('button').allInnerTexts();
  await shot(page, 'answer-page.png');
  await shot(page, 'answer-card.png', answer);

  const next = await nextCard(page, () => answer.getByRole('button', { name: button, exact: true }).click());
  result.buttonTexts = await texts(next);
  await shot(page, 'button-answer-page.png');
  await shot(page, 'button-answer-card.png', next);

  // Counted last, so a late duplicate welcome would have arrived by now.
  result.welcomeCount = await welcome.count();
  result.cardCount = await cards(page).count();
});
