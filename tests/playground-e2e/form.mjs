// Drives the figures form in the Playground's web page: the user asks for the form, types each figure into its
// rendered number input (found by its label, as a person would), clicks the form's Action.Execute button and waits for
// the card that answers it; then, if asked, types a follow-up question. Screenshots at each step. Prints one JSON
// line with what it saw; exits 1 (still printing JSON) on failure.
//
//   node form.mjs <playground-url> <screenshot-folder>
//   E2E_REQUEST    what the user types to ask for the form
//   E2E_FIGURES    a JSON object: number input label -> what is typed into it, in that order
//   E2E_SUBMIT     the button to click (default "Submit figures")
//   E2E_FOLLOW_UP  optional: a question typed after the answer
import { run, cards, texts, headings, send, nextCard, welcomeCards, fillFigures } from './playground-page.mjs';

const [base, outDir] = process.argv.slice(2);
const request = process.env.E2E_REQUEST;
const figures = JSON.parse(process.env.E2E_FIGURES || 'null');
if (!base || !outDir || !request || !figures) {
  console.error('usage: E2E_REQUEST=… E2E_FIGURES={…} node form.mjs <playground-url> <screenshot-folder>');
  process.exit(2);
}
const submit = process.env.E2E_SUBMIT || 'Submit figures';
const followUp = process.env.E2E_FOLLOW_UP;
const submitted = 'data-e2e-submitted';

/**
 * The card's number inputs in order: label, value, whether both are visible, and the texts drawn between the input
 * and the next input (what the card says beside that field).
 */
const fields = card => card.evaluate(root => {
  const found = [];
  let current = null;
  for (const el of root.querySelectorAll('input, textarea, .ac-textBlock')) {
    if (el.matches('.ac-textBlock')) {
      current?.messages.push(el.innerText.trim());
      continue;
    }
    current = null;
    if (el.getAttribute('role') !== 'spinbutton') continue;
    const label = root.querySelector(`label[for="${CSS.escape(el.id)}"]`);
    current = {
      label: label?.innerText.trim() ?? '',
      value: el.value,
      visible: !!label && label.checkVisibility() && el.checkVisibility(),
      messages: [],
    };
    found.push(current);
  }
  return found;
});

const markedIndex = page => cards(page).evaluateAll((all, attribute) => all.findIndex(c => c.hasAttribute(attribute)), submitted);

// Tall enough for the whole form in one screenshot.
await run({ base, outDir, viewport: { width: 1280, height: 2400 }, timeout: 60000 }, async ({ page, shot, result }) => {
  await welcomeCards(page).first().waitFor();

  const form = await nextCard(page, () => send(page, request));
  await form.getByRole('spinbutton').first().waitFor();
  result.formTexts = await texts(form);
  result.formFields = await fields(form);
  await shot(page, '1-form.png', form);

  await fillFigures(page, form, figures);
  result.filledFields = await fields(form);
  await shot(page, '2-form-filled.png', form);

  // The Playground draws the answering card into the clicked card's own element: marked, it shows where the answer went.
  await form.evaluate((card, attribute) => card.setAttribute(attribute, ''), submitted);
  result.headingsBeforeSubmit = await headings(page);
  result.formIndex = await markedIndex(page);
  const formText = await form.innerText();
  // The page posts the click to the Playground, which invokes the bot and answers with the bot's card: both kept.
  const invoked = page.waitForResponse(r => r.request().method() === 'POST' && new URL(r.url()).pathname === '/_conversation/v1/invoke');
  await form.getByRole('button', { name: submit, exact: true }).click();
  const invoke = await invoked;
  result.invokeAction = invoke.request().postDataJSON()?.value?.action;
  result.invokeResponse = { status: invoke.status(), body: await invoke.json() };
  await page.waitForFunction(([attribute, n, before]) => {
    if (document.querySelectorAll('.ac-adaptiveCard').length > n) return true;
    const card = document.querySelector(`[${attribute}]`);
    return !card || (card.querySelector('.ac-textBlock') && card.innerText !== before);
  }, [submitted, result.headingsBeforeSubmit.length, formText]);
  result.headingsAfterSubmit = await headings(page);
  result.submittedCardIndex = await markedIndex(page);

  const reply = result.submittedCardIndex >= 0 ? page.locator(`[${submitted}]`) : cards(page).last();
  await reply.scrollIntoViewIfNeeded();
  result.replyTexts = await texts(reply);
  result.replyFields = await fields(reply);
  await shot(page, '3-reply.png', reply);
  await shot(page, '3-reply-page.png');

  if (followUp) {
    const answer = await nextCard(page, () => send(page, followUp));
    result.followUpTexts = await texts(answer);
    await shot(page, '4-follow-up.png', answer);
    await shot(page, '4-follow-up-page.png');
  }
});
