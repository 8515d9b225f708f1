// Hiring manager: decide to hire from the scorecards (cohort start date from the form's
// options), then approve the offer; the application is offered to the candidate.
// node manager-offer.mjs <baseUrl> <screenshotDir> <applicationId> <startDate yyyy-mm-dd>
import { args, check, run, screenshot, signIn } from './lib.mjs';

const { base, shots, rest: [applicationId, startDate] } = args();

await run(async ({ context }) => {
  const page = await signIn(context, base, 'manager');
  check(page.url().endsWith('/inbox'), 'the manager starts in the inbox');
  await openTask(page, 'Task_HiringDecision');
  const scorecards = page.locator('#form .fjs-form-field-table tbody tr');
  check(await scorecards.count() === 2, 'the decision form shows both interview scorecards');
  check(!(await page.locator('#form').innerText()).includes('Clear thinker'), 'interviewers\' free-text comments stay on their tasks');
  const facts = await page.locator('#application-facts').innerText();
  check(facts.includes('Ada Li') && !facts.includes('@example.edu'), 'a manager sees the candidate\'s name but not the contact data');

  await page.getByLabel('Hire: make an offer').check();
  await page.locator('#form .fjs-form-field-select .fjs-input-group').click();
  const label = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(`${startDate}T00:00:00Z`)).replace('Sept', 'Sep');
  await page.locator('.fjs-dropdownlist-item', { hasText: label }).first().click();
  await screenshot(page, shots, 'manager-1-hiring-decision');
  await Promise.all([page.waitForURL('**/inbox'), page.click('#complete')]);
  await page.locator('#flash').waitFor();

  await openTask(page, 'Task_ApproveOffer');
  const offer = await page.locator('#form').innerText();
  check(offer.includes(startDate), `the approval form names the offer's start date ${startDate}`);
  check(/End date:\*?\*?\s*\d{4}-\d{2}-\d{2}/.test(offer) || offer.includes('End date'), 'the approval form names the end date');
  await page.getByLabel('Approve this offer').check();
  await screenshot(page, shots, 'manager-2-approve-offer');
  await Promise.all([page.waitForURL('**/inbox'), page.click('#complete')]);
  await page.locator('#flash').waitFor();
  check(await page.locator(`tr[data-application-id="${applicationId}"]`).count() === 0, 'nothing of this application is left in the manager\'s inbox');

  let offered = false;
  for (let i = 0; i < 20 && !offered; i++) {
    await page.goto(`${base}/applications/${applicationId}`);
    offered = (await page.locator('.page-head [data-status]').getAttribute('data-status')) === 'OFFERED';
    if (!offered) await page.waitForTimeout(500);
  }
  check(offered, 'the offer has gone out to the candidate');
  await screenshot(page, shots, 'manager-3-application-offered');
});

/** The inbox shows the task once the engine has created it (reloaded until then). */
async function openTask(page, elementId) {
  const row = page.locator(`tr[data-application-id="${applicationId}"][data-element-id="${elementId}"]`);
  for (let i = 0; i < 30 && (await row.count()) === 0; i++) {
    await page.waitForTimeout(500);
    await page.goto(`${base}/inbox`);
    await page.locator('#summary:not(:has-text("Loading"))').waitFor();
  }
  await row.locator('a.open').click();
  await page.waitForSelector('#form .fjs-form');
}
