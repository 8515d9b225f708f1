// Auditor: open an application's history, see the diagram with the path taken and the
// current position highlighted and each step's decider, and find no way to complete
// anything (the server refuses it too).
// node auditor-history.mjs <baseUrl> <screenshotDir> <applicationId>
import { args, check, run, screenshot, signIn } from './lib.mjs';

const { base, shots, rest: [applicationId] } = args();

await run(async ({ context }) => {
  const page = await signIn(context, base, 'auditor');
  check(page.url().endsWith('/applications'), 'the auditor starts at the applications');
  const navigation = await page.locator('.topbar nav a').allInnerTexts();
  check(!navigation.includes('Inbox') && !navigation.includes('Dashboard'), 'an auditor has neither inbox nor dashboard');
  await page.locator(`tr[data-application-id="${applicationId}"] a.history`).click();
  await page.waitForSelector('body[data-diagrams-ready="true"]');

  const main = '#diagram-internship-application';
  const marked = async (diagram, element, marker) =>
    page.locator(`${diagram} g.djs-element[data-element-id="${element}"].${marker}`).count();
  check(await marked(main, 'Task_ScreenApplication', 'hx-visited') === 1, 'screening is on the path taken');
  check(await marked(main, 'Task_ReviewApplication', 'hx-visited') === 1, 'the review is on the path taken');
  check(await marked(main, 'Task_Interview', 'hx-visited') === 1, 'the interviews are on the path taken');
  check(await page.locator(`${main} g.djs-connection.hx-visited`).count() >= 5, 'the sequence flows taken are highlighted');
  check(await marked(main, 'CallActivity_Offer', 'hx-current') === 1, 'the offer call activity is where it stands');
  check(await marked('#diagram-offer', 'Task_ApproveOffer', 'hx-current') === 1, 'the called offer process shows the open approval');
  check(await marked('#diagram-offer', 'Task_HoldSeat', 'hx-visited') === 1, 'the held seat is on the offer\'s path');
  check(await marked(main, 'EndEvent_ApplicationRejected', 'hx-visited') === 0, 'the path not taken stays plain');

  const steps = await page.locator('#steps tbody tr').allInnerTexts();
  check(steps.some((s) => /rule screening, version \d+/.test(s)), 'screening names the decision and its version');
  check(steps.some((s) => s.includes('Review application completed by recruiter')), 'the review names the recruiter who decided');
  check(steps.some((s) => s.includes('Hiring decision completed by manager')), 'the hiring decision names the manager');
  await page.locator('#steps tbody tr', { hasText: 'Review application completed by recruiter' }).click();
  check(await marked(main, 'Task_ReviewApplication', 'hx-selected') === 1, 'a step is shown on the diagram when chosen');

  const buttons = await page.locator('main button').allInnerTexts();
  check(buttons.length === 0, `the history has no buttons (found: ${buttons.join(', ') || 'none'})`);
  check(await page.locator('a[href^="/tasks/"]').count() === 0, 'the history links to no task');
  check(await page.locator('#complete, .fjs-form').count() === 0, 'the history has no form');
  await screenshot(page, shots, 'auditor-1-history-diagram');

  const refused = await page.evaluate(async (id) => {
    const journey = await (await fetch(`/api/ui/applications/${id}/journey`)).json();
    const taskId = journey.openTasks[0].taskId;
    const headers = {
      'Content-Type': 'application/json',
      'X-Requested-With': 'XMLHttpRequest',
      [document.querySelector('meta[name="csrf-header"]').content]: document.querySelector('meta[name="csrf-token"]').content,
    };
    const complete = await fetch(`/api/tasks/${taskId}/complete`, { method: 'POST', headers, body: JSON.stringify({ approved: true }) });
    const claim = await fetch(`/api/tasks/${taskId}/claim`, { method: 'POST', headers });
    return { complete: complete.status, claim: claim.status };
  }, applicationId);
  check(refused.complete === 403, `the server refuses the auditor's completion (${refused.complete})`);
  check(refused.claim === 403, `the server refuses the auditor's claim (${refused.claim})`);

  const inbox = await page.goto(`${base}/inbox`);
  check(inbox.status() === 403, 'the inbox page refuses the auditor');
  await screenshot(page, shots, 'auditor-2-inbox-refused');
});
