// The whole journey in the Playground's web page, in one browser session: the welcome card in the personal chat, a
// question answered, the figures form asked for, filled and submitted (the confirmation takes its place), the team's
// channel opened (which adds the bot there), "run alerts for …" said in the personal chat, the alert card arriving in
// the channel on its own, and a follow-up button on the alert card clicked, bringing a new card. A screenshot at each
// step. Prints one JSON line with what it saw; exits 1 (still printing JSON) on failure.
//
//   node journey.mjs <playground-url> <screenshot-folder>
//   E2E_CHAT         the chat list's entry where the user talks to the bot (e.g. "Personal Chat")
//   E2E_CHANNEL      the chat list's entry for the channel the bot is added to (e.g. "My Team - General")
//   E2E_QUESTION     the question typed first
//   E2E_REQUEST      what the user types to ask for the form
//   E2E_FIGURES      a JSON object: number input label -> what is typed into it, in that order
//   E2E_SUBMIT       the form's button (default "Submit figures")
//   E2E_RUN          what the user types to run the alerts
//   E2E_ALERT        the alert card's heading, waited for in the channel
//   E2E_ALERT_WAIT   how long to wait for it, in milliseconds (default 30000)
//   E2E_FOLLOW_UP    the alert card's button clicked at the end (e.g. "Why")
import { run, texts, headings, send, nextCard, newCard, welcomeCards, cardsWith, open, fillFigures, executeReplacing } from './playground-page.mjs';

const [base, outDir] = process.argv.slice(2);
const env = name => process.env[name];
const chat = env('E2E_CHAT');
const channel = env('E2E_CHANNEL');
const question = env('E2E_QUESTION');
const request = env('E2E_REQUEST');
const figures = JSON.parse(env('E2E_FIGURES') || 'null');
const submit = env('E2E_SUBMIT') || 'Submit figures';
const runAlerts = env('E2E_RUN');
const alertHeading = env('E2E_ALERT');
const alertWait = Number(env('E2E_ALERT_WAIT') || 30000);
const followUp = env('E2E_FOLLOW_UP');
if (!base || !outDir || !chat || !channel || !question || !request || !figures || !runAlerts || !alertHeading || !followUp) {
  console.error('usage: E2E_CHAT=… E2E_CHANNEL=… E2E_QUESTION=… E2E_REQUEST=… E2E_FIGURES={…} E2E_RUN=… E2E_ALERT=… E2E_FOLLOW_UP=… '
    + 'node journey.mjs <playground-url> <screenshot-folder>');
  process.exit(2);
}

/** A card's texts and button titles, for the report. */
const read = async card => ({ texts: await texts(card), buttons: await card.getByRole('button').allInnerTexts() });

// Tall enough for the whole form in one screenshot.
await run({ base, outDir, viewport: { width: 1280, height: 2400 }, timeout: 60000 }, async ({ page, shot, result }) => {
  // 1. Loading the page installs the bot in the personal chat: the welcome card.
  const welcome = welcomeCards(page).first();
  await welcome.waitFor();
  await welcome.scrollIntoViewIfNeeded();
  ({ texts: result.welcomeTexts, buttons: result.welcomeButtons } = await read(welcome));
  await shot(page, '1-welcome.png', welcome);
  await shot(page, '1-welcome-page.png');

  // 2. A question, answered with a card.
  const answer = await nextCard(page, () => send(page, question));
  ({ texts: result.answerTexts, buttons: result.answerButtons } = await read(answer));
  await shot(page, '2-answer.png', answer);

  // 3. The figures form: asked for, filled, submitted; the confirmation is drawn in the form's place.
  const form = await nextCard(page, () => send(page, request));
  await form.getByRole('spinbutton').first().waitFor();
  result.formTexts = await texts(form);
  await fillFigures(page, form, figures);
  await shot(page, '3-form-filled.png', form);
  const { status, card: confirmation } = await executeReplacing(page, form, submit);
  result.invokeStatus = status;
  result.confirmationTexts = await texts(confirmation);
  await shot(page, '3-confirmation.png', confirmation);

  // 4. The team's channel: opening it adds the bot to the team, which greets the channel. Back in the personal chat,
  // the alerts are run; then the alert card arrives in the channel, sent by the bot on its own.
  await open(page, channel, { isChannel: true });
  await welcomeCards(page).first().waitFor();
  result.channelHeadingsBefore = await headings(page);
  await shot(page, '4-channel-bot-added.png');

  await open(page, chat, { isChannel: false });
  await welcomeCards(page).first().waitFor();
  const ran = await nextCard(page, () => send(page, runAlerts));
  result.runTexts = await texts(ran);
  await shot(page, '4-alerts-run.png', ran);

  await open(page, channel, { isChannel: true });
  await welcomeCards(page).first().waitFor();
  const alert = cardsWith(page, alertHeading).first();
  const started = Date.now();
  await alert.waitFor({ timeout: alertWait });
  result.alertWaitedMs = Date.now() - started;
  await alert.scrollIntoViewIfNeeded();
  ({ texts: result.alertTexts, buttons: result.alertButtons } = await read(alert));
  await shot(page, '5-alert-in-channel.png', alert);
  await shot(page, '5-alert-in-channel-page.png');
  result.channelHeadingsWithAlert = await headings(page);

  // 5. A follow-up button on the alert card: the bot answers in the channel with a new card (under the alert's post).
  const next = await newCard(page, () => alert.getByRole('button', { name: followUp, exact: true }).click());
  ({ texts: result.followUpTexts, buttons: result.followUpButtons } = await read(next));
  result.channelHeadingsAfter = await headings(page);
  await shot(page, '6-follow-up.png', next);
  await shot(page, '6-follow-up-page.png');
});
