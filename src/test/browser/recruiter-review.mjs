// Recruiter: sign in, find the submitted application in the inbox, claim it, fill and
// submit the review form (form-js), and see the application move on to interviews.
// node recruiter-review.mjs <baseUrl> <screenshotDir> <applicationId>
import { args, check, run, screenshot, signIn } from './lib.mjs';

const { base, shots, rest: [applicationId] } = args();

await run(async ({ context }) => {
  const page = await signIn(context, base, 'recruiter');
  check(page.url().endsWith('/inbox'), 'the recruiter starts in the inbox');
  const row = page.locator(`tr[data-application-id="${applicationId}"][data-element-id="Task_ReviewApplication"]`);
  await row.waitFor();
  check(await page.locator('.topbar nav a', { hasText: 'Dashboard' }).count() === 0, 'a recruiter has no dashboard link');
  await screenshot(page, shots, 'recruiter-1-inbox');

  await row.locator('button.claim').click();
  await page.locator(`tr[data-application-id="${applicationId}"] td.assignee`, { hasText: 'you' }).waitFor();
  check(true, 'the recruiter claimed the review');

  await page.locator(`tr[data-application-id="${applicationId}"] a.open`).click();
  await page.waitForSelector('#form .fjs-form');
  const formText = await page.locator('#form').innerText();
  check(/Score \(preferred qualifications\):\s*\d+ \/ 100/.test(formText), 'the form shows the screening score from the process data');
  check((await page.locator('#application-facts').innerText()).includes('Ada Li'), 'a recruiter sees the candidate beside the form');
  check((await page.locator('#assignee').innerText()).includes('you'), 'the task page shows the claim');

  await page.click('#complete');
  await page.locator('#problems .alert.error').waitFor();
  check(await page.locator('.fjs-form-field-error').count() > 0, 'the form refuses a review without a decision, as the form says');

  await page.getByLabel('Advance to interviews').check();
  await page.locator('#problems .alert.invalid').waitFor({ state: 'detached' });
  check(true, 'the notice goes once the decision is given');
  await page.locator('#form textarea').fill('Strong SQL and a data internship; invite to interviews.');
  await screenshot(page, shots, 'recruiter-2-review-form');
  await Promise.all([page.waitForURL('**/inbox'), page.click('#complete')]);
  await page.locator('#flash').waitFor();
  check((await page.locator('#flash').innerText()).includes('Review application'), 'the inbox confirms the completed review');
  check(await page.locator(`tr[data-application-id="${applicationId}"][data-element-id="Task_ReviewApplication"]`).count() === 0,
    'the review has left the inbox');
  await screenshot(page, shots, 'recruiter-3-inbox-after-review');

  const moved = await waitForStatus(page, `${base}/applications/${applicationId}`, 'INTERVIEWING');
  check(moved, 'the application has moved on to interviews');
  await screenshot(page, shots, 'recruiter-4-application-interviewing');
});

async function waitForStatus(page, url, status) {
  for (let i = 0; i < 20; i++) {
    await page.goto(url);
    const badge = page.locator('.page-head [data-status]');
    await badge.waitFor();
    if ((await badge.getAttribute('data-status')) === status) return true;
    await page.waitForTimeout(500);
  }
  return false;
}
