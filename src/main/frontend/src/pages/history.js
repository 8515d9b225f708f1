// The auditor's view: the application's BPMN diagram (bpmn-js) with the path taken and the
// current position highlighted, and each step with who or which rule version decided, when,
// from which inputs. Read only: nothing here completes or changes anything.
import '../style.css';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import '../lib/diagram.css';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { api } from '../lib/api.js';
import { statusBadge } from '../lib/application-panel.js';
import { h } from '../lib/dom.js';
import { age, date, dateTime, shortId } from '../lib/format.js';
import { boot, page, render } from '../lib/page.js';
import { values, who } from '../lib/trail.js';

boot(async () => {
  const id = page.applicationId;
  const journey = await api(`/api/ui/applications/${id}/journey`);
  const viewers = new Map();

  const stepsTable = h('table', { class: 'steps', id: 'steps' },
    h('thead', {}, h('tr', {}, h('th', { class: 'num' }, '#'), h('th', {}, 'When'), h('th', {}, 'Where'),
      h('th', {}, 'What'), h('th', {}, 'Who decided'), h('th', {}, 'Inputs and outcome'))),
    h('tbody', {}, journey.steps.map((step) => h('tr', {
      dataset: { step: step.n, elementId: step.elementId ?? '', processId: step.processId ?? '', action: step.action },
      onclick: (event) => select(step, event.currentTarget),
    },
      h('td', { class: 'num' }, step.n),
      h('td', { class: 'when' }, dateTime(step.occurredAt)),
      h('td', {}, step.elementName ?? h('span', { class: 'muted' }, '–')),
      h('td', {}, step.summary),
      h('td', {}, who(step.actor, step.ruleId, step.ruleVersion)),
      h('td', {},
        Object.keys(step.inputs).length ? h('details', {}, h('summary', {}, 'inputs'), values(step.inputs)) : null,
        Object.keys(step.outcome).length ? h('details', {}, h('summary', {}, 'outcome'), values(step.outcome)) : null)))));

  const now = journey.openTasks.length > 0
    ? h('ul', { class: 'plain', id: 'current' }, journey.openTasks.map((t) => h('li', { dataset: { elementId: t.elementId } },
      h('strong', {}, t.name), ` — open for ${age(t.createdAt)} with ${t.candidateGroups.join(', ')}`,
      t.assignee ? `, claimed by ${t.assignee}` : '', t.dueAt ? `, due ${date(t.dueAt)}` : '',
      t.overdue ? [' ', h('span', { class: 'badge overdue' }, 'Overdue')] : null)))
    : h('p', { id: 'current' }, journey.concluded
      ? `Concluded: ${journey.stage}.`
      : journey.lastReached ? `Waiting after “${journey.lastReached.elementName}”: ${journey.stage}.` : journey.stage);

  const diagramCards = journey.processes.map((process) => {
    const container = h('div', { class: `diagram${process.main ? '' : ' called'}`, id: `diagram-${process.processId}`, dataset: { processId: process.processId } });
    return { process, container, card: h('section', { class: 'card' },
      h('h2', {}, process.name ?? process.processId, process.calledFrom ? h('span', { class: 'muted' }, ` — called from ${process.calledFrom}`) : null),
      container,
      h('div', { class: 'legend' },
        h('span', {}, h('span', { class: 'swatch visited' }), 'path taken'),
        h('span', {}, h('span', { class: 'swatch current' }), 'where it stands'),
        h('span', {}, h('span', { class: 'swatch none' }), 'not reached'),
        h('span', {}, 'Numbers: steps below. Drag to move, scroll to zoom.'))) };
  });

  render(
    h('div', { class: 'page-head' },
      h('div', {},
        h('h1', {}, 'History of application ', h('span', { class: 'mono' }, shortId(id))),
        h('p', { class: 'sub' }, statusBadge(journey.status, journey.stage),
          ' · Read only: who or which rule decided each step, when, and from which inputs.')),
      h('div', { class: 'toolbar' }, h('a', { class: 'button', href: `/applications/${id}` }, 'Application'))),
    h('section', { class: 'card' }, h('h2', {}, 'Where it stands now'), now),
    diagramCards.map((d) => d.card),
    h('section', { class: 'card' }, h('h2', {}, `Steps (${journey.steps.length})`), stepsTable),
  );

  for (const { process, container } of diagramCards) {
    const viewer = new NavigatedViewer({ container });
    viewers.set(process.processId, viewer);
    const xml = await api(`/api/ui/models/${encodeURIComponent(process.processId)}`);
    await viewer.importXML(xml);
    const canvas = viewer.get('canvas');
    const registry = viewer.get('elementRegistry');
    const overlays = viewer.get('overlays');
    canvas.zoom('fit-viewport');
    const current = new Set(journey.current[process.processId] ?? []);
    for (const elementId of journey.visited[process.processId] ?? []) {
      if (registry.get(elementId) && !current.has(elementId)) canvas.addMarker(elementId, 'hx-visited');
    }
    for (const elementId of current) {
      if (registry.get(elementId)) canvas.addMarker(elementId, 'hx-current');
    }
    const numbers = new Map();
    for (const step of journey.steps) {
      if (step.processId === process.processId && step.elementId && registry.get(step.elementId)) {
        numbers.set(step.elementId, [...(numbers.get(step.elementId) ?? []), step.n]);
      }
    }
    for (const [elementId, ns] of numbers) {
      overlays.add(elementId, 'steps', {
        position: { top: -12, right: 12 },
        html: h('span', { class: `hx-steps${current.has(elementId) ? ' current' : ''}`, title: `steps ${ns.join(', ')}` }, ns.join(', ')),
      });
    }
    container.dataset.ready = 'true';
    container.dataset.visited = String(canvasMarked(registry, canvas, 'hx-visited'));
    container.dataset.current = String(canvasMarked(registry, canvas, 'hx-current'));
  }
  document.body.dataset.diagramsReady = 'true';

  let selected = null;
  function select(step, row) {
    stepsTable.querySelectorAll('tr.selected').forEach((r) => r.classList.remove('selected'));
    row.classList.add('selected');
    if (selected) {
      viewers.get(selected.processId)?.get('canvas').removeMarker(selected.elementId, 'hx-selected');
      selected = null;
    }
    const viewer = step.processId && viewers.get(step.processId);
    if (viewer && viewer.get('elementRegistry').get(step.elementId)) {
      viewer.get('canvas').addMarker(step.elementId, 'hx-selected');
      selected = step;
      document.getElementById(`diagram-${step.processId}`).scrollIntoView({ behavior: 'smooth', block: 'center' });
    }
  }
});

function canvasMarked(registry, canvas, marker) {
  return registry.filter((element) => canvas.hasMarker(element, marker)).length;
}
