// Drives a month-end alert end to end in the Playground's web page: the user opens the team's channel (which adds
// the bot there: installationUpdate and conversationUpdate for the team), goes back to the personal chat, asks for the
// figures form, types the figures, submits, says "run alerts for …", and then opens the channel again and waits for the
// alert card the bot sends there proactively, through the Playground's mocked connector. Screenshots at each step.
// Prints one JSON line with what it saw; exits 1 (still printing JSON) on failure.
//
//   node alert.mjs <playground-url> <screenshot-folder>
//   E2E_CHANNEL      the chat list's entry for the channel the bot is added to (e.g. "My Team - General")
//   E2E_CHAT         the chat list's entry where the admin talks to the bot (e.g. "Personal Chat")
//   E2E_REQUEST      what the user types to ask for the form
//   E2E_FIGURES      a JSON object: number input label -> what is typed into it, in that order
//   E2E_RUN          what the user types to run the alerts
//   E2E_ALERT        the alert card's heading, waited for in the channel
//   E2E_ALERT_WAIT   how long to wait for it, in milliseconds (default 30000)
import { run, texts, headings, send, nextCard, welcomeCards, cardsWith, open, fillFigures, executeReplacing } from './playground-page.mjs';

const [base, outDir] = process.argv.slice(2);
const env = name => process.env[name];
const channel = env('E2E_CHANNEL');
const chat = env('E2E_CHAT');
const request = env('E2E_REQUEST');
const figures = JSON.parse(env('E2E_FIGURES') || 'null');
const runAlerts = env('E2E_RUN');
const alertHeading = env('E2E_ALERT');
const alertWait = Number(env('E2E_ALERT_WAIT') || 30000);
if (!base || !outDir || !channel || !chat || !request || !figures || !runAlerts || !alertHeading) {
  console.error('usage: E2E_CHANNEL=… E2E_CHAT=… E2E_REQUEST=… E2E_FIGURES={…} E2E_RUN=… E2E_ALERT=… node alert.mjs <playground-url> <screenshot-folder>');
  process.exit(2);
}
await run({ base, outDir, viewport: { width: 1280, height: 2400 }, timeout: 60000 }, async ({ page, shot, result }) => {
  // Loading the page installs the bot in the personal chat.
  await welcomeCards(page).first().waitFor();

  // 1. The team's channel: opening it adds the bot to the team, which greets the channel.
  await open(page, channel, { isChannel: true });
  await welcomeCards(page).first().waitFor();
  result.channelWelcomeCount = await welcomeCards(page).count();
  result.channelHeadingsBefore = await headings(page);
  await shot(page, '1-channel-bot-added.png');

  // 2. The personal chat: the admin asks for the form and types the figures.
  await open(page, chat, { isChannel: false });
  await welcomeCards(page).first().waitFor();
  const form = await nextCard(page, () => send(page, request));
  await form.getByRole('spinbutton').first().waitFor();
  result.formTexts = await texts(form);
  await fillFigures(page, form, figures);
  await shot(page, '2-form-filled.png', form);

  // 3. Submit: the confirmation takes the form's place.
  const { status, card: confirmation } = await executeReplacing(page, form, 'Submit figures');
  result.invokeStatus = status;
  result.confirmationTexts = await texts(confirmation);
  await shot(page, '3-confirmation.png', confirmation);

  // 4. Run the alerts: the admin is told what was queued and where.
  const ran = await nextCard(page, () => send(page, runAlerts));
  result.runTexts = await texts(ran);
  await shot(page, '4-alerts-run.png', ran);
  await shot(page, '4-alerts-run-page.png');

  // 5. Back in the channel: the alert card arrives there, sent by the bot on its own, not as a reply.
  await open(page, channel, { isChannel: true });
  await welcomeCards(page).first().waitFor();
  const alert = cardsWith(page, alertHeading);
  const started = Date.now();
  await alert.first().waitFor({ timeout: alertWait });
  result.alertWaitedMs = Date.now() - started;
  // Anything sent twice would have arrived by now.
  await page.waitForTimeout(2000);
  result.alertCount = await alert.count();
  await alert.first().scrollIntoViewIfNeeded();
  result.alertTexts = await texts(alert.first());
  result.alertButtons = await alert.first().getByRole('button').allInnerTexts();
  result.channelHeadingsAfter = await headings(page);
  result.channelWelcomeCountAfter = await welcomeCards(page).count();
  await shot(page, '5-alert-in-channel.png', alert.first());
  await shot(page, '5-alert-in-channel-page.png');

  // The alert went to the channel, not to the chat it was run from.
  await open(page, chat, { isChannel: false });
  await welcomeCards(page).first().waitFor();
  result.chatAlertCount = await cardsWith(page, alertHeading).count();
});
