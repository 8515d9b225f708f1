// Recruiting lead and process owner: the dashboard for one position shows the counts the
// test created: funnel, open and overdue reviews, applications waiting their turn, seats.
// node dashboard.mjs <baseUrl> <screenshotDir> <positionId> <expected JSON>
import { args, check, run, screenshot, signIn, signOut } from './lib.mjs';

const { base, shots, rest: [positionId, expectedJson] } = args();
const expected = JSON.parse(expectedJson);

await run(async ({ context }) => {
  let page = await signIn(context, base, 'lead');
  await page.goto(`${base}/dashboard?positionId=${encodeURIComponent(positionId)}`);
  await page.waitForSelector('body[data-charts-ready="true"]');

  for (const [stage, count] of Object.entries(expected.funnel)) {
    const shown = await page.locator(`#funnel tr[data-stage="${stage}"] td`).nth(1).innerText();
    check(Number(shown) === count, `funnel ${stage}: ${shown} (expected ${count})`);
  }
  for (const [kpi, value] of Object.entries(expected.kpis)) {
    const shown = await page.locator(`[data-kpi="${kpi}"] .value`).innerText();
    check(Number(shown) === value, `${kpi}: ${shown} (expected ${value})`);
  }
  for (const [cohort, seats] of Object.entries(expected.seats)) {
    const cells = await page.locator(`#seats tr[data-cohort="${positionId}/${cohort}"] td`).allTextContents();
    check(Number(cells[2]) === seats.held && Number(cells[3]) === seats.taken,
      `cohort ${cohort}: held ${cells[2]}, taken ${cells[3]} (expected ${seats.held}, ${seats.taken})`);
  }
  check(await page.locator('#overdue tbody tr').count() === expected.kpis.overdueReviews, 'the overdue reviews are listed');
  check(await page.locator('#waiting tbody tr').count() === expected.kpis.waitingTurn, 'the applications waiting their turn are listed');
  const times = await page.locator(`#times tr[data-from="submitted"] td`).allTextContents();
  check(Number(times[1]) === expected.funnel.screened, `time to screening measured over ${times[1]} applications`);
  for (const chart of ['funnel-chart', 'times-chart', 'seats-chart', 'status-chart']) {
    const drawn = await page.evaluate((id) => {
      const canvas = document.getElementById(id);
      const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      let ink = 0;
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) ink++;
      return ink;
    }, chart);
    check(drawn > 500, `the ${chart} is drawn`);
  }
  await screenshot(page, shots, 'dashboard-1-lead');

  await signOut(page);
  page = await signIn(context, base, 'owner');
  check(page.url().endsWith('/dashboard'), 'a process owner starts at the dashboard');
  await page.waitForSelector('body[data-charts-ready="true"]');
  check(await page.locator('.topbar nav a', { hasText: 'Inbox' }).count() === 0, 'a process owner has no inbox');
  await screenshot(page, shots, 'dashboard-2-owner-all-positions');
});
