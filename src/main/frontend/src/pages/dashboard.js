// The hiring dashboard (recruiting leads, process owners): funnel, time in each stage
// (median and 90th percentile), overdue reviews, seats per cohort, applications waiting
// their turn. Charts drawn with Chart.js; each chart's numbers also as a table.
import '../style.css';
import {
  ArcElement, BarController, BarElement, CategoryScale, Chart, DoughnutController, Legend, LinearScale, Tooltip,
} from 'chart.js';
import { api } from '../lib/api.js';
import { h } from '../lib/dom.js';
import { age, date, dateTime, hours, shortId, words } from '../lib/format.js';
import { boot, render } from '../lib/page.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend, DoughnutController, ArcElement);
Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif';
Chart.defaults.color = '#5b6678';
Chart.defaults.animation = false;

const BLUE = '#1f5fbf';
const GREEN = '#1e7b3c';
const ORANGE = '#d9822b';
const GREY = '#c7cfdb';

boot(async () => {
  const params = new URLSearchParams(location.search);
  const positionId = params.get('positionId') ?? '';
  const data = await api(`/api/ui/dashboard${positionId ? `?positionId=${encodeURIComponent(positionId)}` : ''}`);

  const select = h('select', { id: 'position', onchange: (e) => {
    const next = new URLSearchParams();
    if (e.target.value) next.set('positionId', e.target.value);
    location.search = next.toString();
  } },
  h('option', { value: '' }, 'All positions'),
  data.positions.map((p) => h('option', { value: p.id, selected: p.id === positionId }, `${p.title}${p.status === 'OPEN' ? '' : ` (${words(p.status)})`}`)));

  const t = data.totals;
  const kpi = (key, label, value, alarm = false) =>
    h('div', { class: `kpi${alarm && value > 0 ? ' alarm' : ''}`, dataset: { kpi: key } }, h('div', { class: 'value' }, value), h('div', { class: 'label' }, label));

  const funnelCanvas = h('canvas', { id: 'funnel-chart', 'aria-label': 'Funnel' });
  const timesCanvas = h('canvas', { id: 'times-chart', 'aria-label': 'Time in each stage' });
  const seatsCanvas = h('canvas', { id: 'seats-chart', 'aria-label': 'Seats per cohort' });
  const statusCanvas = h('canvas', { id: 'status-chart', 'aria-label': 'Applications by status' });

  render(
    h('div', { class: 'page-head' },
      h('div', {}, h('h1', {}, 'Hiring dashboard'),
        h('p', { class: 'sub' }, `As of ${dateTime(data.generatedAt)}. Aggregates only, no personal data.`)),
      h('div', { class: 'toolbar' }, h('label', { for: 'position', class: 'muted' }, 'Position'), select)),
    h('div', { class: 'kpis' },
      kpi('applications', 'Applications', t.applications),
      kpi('open', 'Open', t.open),
      kpi('hired', 'Hired (start date confirmed)', t.hired),
      kpi('openReviews', 'Open reviews', t.openReviews),
      kpi('overdueReviews', 'Overdue reviews', t.overdueReviews, true),
      kpi('waitingTurn', 'Waiting their turn', t.waitingTurn)),
    h('div', { class: 'grid halves' },
      h('section', { class: 'card', id: 'funnel' },
        h('h2', {}, 'Funnel'),
        h('div', { class: 'chart' }, funnelCanvas),
        dataTable(['Stage', 'Applications', 'Of submitted'], data.funnel.map((s) => ({
          dataset: { stage: s.stage },
          cells: [s.label, s.count, data.funnel[0].count ? `${Math.round((100 * s.count) / data.funnel[0].count)} %` : '–'],
        })), true)),
      h('section', { class: 'card', id: 'times' },
        h('h2', {}, 'Time in each stage'),
        h('div', { class: 'chart' }, timesCanvas),
        dataTable(['Stage', 'Applications', 'Median', '90th percentile'], data.stageTimes.map((s) => ({
          dataset: { from: s.from },
          cells: [s.label, s.n, hours(s.medianHours), hours(s.p90Hours)],
        })))),
      h('section', { class: 'card', id: 'seats' },
        h('h2', {}, 'Seats per cohort'),
        h('div', { class: 'chart' }, seatsCanvas),
        dataTable(['Cohort', 'Capacity', 'Held', 'Taken'], data.seats.map((s) => ({
          dataset: { cohort: `${s.positionId}/${s.startDate}` },
          cells: [`${positionId ? '' : `${s.positionId} · `}${date(s.startDate)} – ${date(s.endDate)}`, s.capacity ?? 'no limit', s.held, s.taken],
        })))),
      h('section', { class: 'card', id: 'statuses' },
        h('h2', {}, 'Applications by status'),
        h('div', { class: 'chart' }, statusCanvas),
        dataTable(['Status', 'Applications'], data.byStatus.map((s) => ({ dataset: { status: s.status }, cells: [words(s.status), s.count] })))),
    ),
    h('div', { class: 'grid halves' },
      h('section', { class: 'card', id: 'overdue' },
        h('h2', {}, `Overdue reviews (${data.reviews.overdue} of ${data.reviews.open} open)`),
        data.reviews.oldestAgeHours !== null ? h('p', { class: 'muted' }, `Oldest open review: ${hours(data.reviews.oldestAgeHours)}.`) : null,
        data.reviews.overdueList.length === 0 ? h('p', { class: 'empty' }, 'No review is overdue.') :
          h('table', {},
            h('thead', {}, h('tr', {}, h('th', {}, 'Application'), h('th', {}, 'Open for'), h('th', {}, 'Due'), h('th', { class: 'num' }, 'Overdue by'))),
            h('tbody', {}, data.reviews.overdueList.map((r) => h('tr', { class: 'overdue', dataset: { applicationId: r.applicationId } },
              h('td', {}, h('a', { class: 'mono', href: `/applications/${r.applicationId}` }, shortId(r.applicationId))),
              h('td', {}, age(r.createdAt)),
              h('td', {}, dateTime(r.dueAt)),
              h('td', { class: 'num' }, hours(r.overdueHours))))))),
      h('section', { class: 'card', id: 'waiting' },
        h('h2', {}, `Waiting their turn (${data.waitingTurn.length})`),
        h('p', { class: 'muted' }, 'A candidate\'s second application waits until the first concludes (R2).'),
        data.waitingTurn.length === 0 ? h('p', { class: 'empty' }, 'No application is waiting.') :
          h('table', {},
            h('thead', {}, h('tr', {}, h('th', {}, 'Application'), h('th', {}, 'Position'), h('th', {}, 'Waiting for'), h('th', {}, 'Since'))),
            h('tbody', {}, data.waitingTurn.map((w) => h('tr', { dataset: { applicationId: w.applicationId } },
              h('td', {}, h('a', { class: 'mono', href: `/applications/${w.applicationId}` }, shortId(w.applicationId))),
              h('td', {}, w.positionId),
              h('td', {}, w.waitsFor ? [h('a', { class: 'mono', href: `/applications/${w.waitsFor}` }, shortId(w.waitsFor)), ` (${words(w.waitsForStatus)})`] : '–'),
              h('td', {}, age(w.submittedAt)))))))),
  );

  new Chart(funnelCanvas, {
    type: 'bar',
    data: { labels: data.funnel.map((s) => s.label), datasets: [{ label: 'Applications', data: data.funnel.map((s) => s.count), backgroundColor: BLUE }] },
    options: { indexAxis: 'y', maintainAspectRatio: false, plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } },
  });
  // The unit that suits the data: seconds in a test run, minutes early in a season, days later on.
  const longest = Math.max(0, ...data.stageTimes.map((s) => s.p90Hours ?? 0));
  const [unit, perHour] = longest < 1 / 30 ? ['seconds', 3600] : longest < 2 ? ['minutes', 60] : longest < 72 ? ['hours', 1] : ['days', 1 / 24];
  const inUnit = (value) => (value === null ? null : Math.round(value * perHour * 100) / 100);
  new Chart(timesCanvas, {
    type: 'bar',
    data: {
      labels: data.stageTimes.map((s) => s.label),
      datasets: [
        { label: `Median (${unit})`, data: data.stageTimes.map((s) => inUnit(s.medianHours)), backgroundColor: BLUE },
        { label: `90th percentile (${unit})`, data: data.stageTimes.map((s) => inUnit(s.p90Hours)), backgroundColor: ORANGE },
      ],
    },
    options: { maintainAspectRatio: false, scales: { y: { beginAtZero: true, title: { display: true, text: unit } } } },
  });
  new Chart(seatsCanvas, {
    type: 'bar',
    data: {
      labels: data.seats.map((s) => `${positionId ? '' : `${s.positionId} `}${date(s.startDate)}`),
      datasets: [
        { label: 'Taken', data: data.seats.map((s) => s.taken), backgroundColor: GREEN, stack: 'seats' },
        { label: 'Held (offer open)', data: data.seats.map((s) => s.held), backgroundColor: ORANGE, stack: 'seats' },
        { label: 'Free', data: data.seats.map((s) => (s.capacity === null ? null : Math.max(0, s.capacity - s.held - s.taken))), backgroundColor: GREY, stack: 'seats' },
      ],
    },
    options: { maintainAspectRatio: false, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
  });
  new Chart(statusCanvas, {
    type: 'doughnut',
    data: {
      labels: data.byStatus.map((s) => words(s.status)),
      datasets: [{ data: data.byStatus.map((s) => s.count), backgroundColor: data.byStatus.map((s, i) => palette(i)) }],
    },
    options: { maintainAspectRatio: false, plugins: { legend: { position: 'right' } } },
  });
  document.body.dataset.chartsReady = 'true';
});

function dataTable(headers, rows, open = false) {
  return h('details', { class: 'data', open },
    h('summary', {}, 'Numbers'),
    rows.length === 0 ? h('p', { class: 'empty' }, 'No data yet.') :
      h('table', {},
        h('thead', {}, h('tr', {}, headers.map((text, i) => h('th', { class: i ? 'num' : '' }, text)))),
        h('tbody', {}, rows.map((row) => h('tr', { dataset: row.dataset },
          row.cells.map((cell, i) => h('td', { class: i ? 'num' : '' }, cell)))))));
}

function palette(i) {
  return ['#1f5fbf', '#1e7b3c', '#d9822b', '#7c4dbd', '#b42318', '#0f8a8a', '#8a94a6', '#c2a000', '#4a6fa5', '#9c4f96'][i % 10];
}
