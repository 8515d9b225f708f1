// An application: where it stands (its open tasks), what happened (the audit trail, for the
// roles that may read it), and the candidate's other application with its turn (R2).
import '../style.css';
import { api } from '../lib/api.js';
import { applicationPanel, statusBadge } from '../lib/application-panel.js';
import { h } from '../lib/dom.js';
import { age, date, dateTime, shortId } from '../lib/format.js';
import { HISTORY_READERS, boot, hasRole, page, render } from '../lib/page.js';
import { actionWords, values, who } from '../lib/trail.js';

boot(async () => {
  const id = page.applicationId;
  const history = hasRole(HISTORY_READERS);
  const [app, trail] = await Promise.all([
    api(`/api/ui/applications/${id}`),
    history ? api(`/api/applications/${id}/history`) : Promise.resolve(null),
  ]);

  render(
    h('div', { class: 'page-head' },
      h('div', {},
        h('h1', {}, 'Application ', h('span', { class: 'mono' }, shortId(id))),
        h('p', { class: 'sub' }, statusBadge(app.status, app.stage), ` · ${app.positionTitle}`)),
      h('div', { class: 'toolbar' },
        history ? h('a', { class: 'button', id: 'history-link', href: `/applications/${id}/history` }, 'History with diagram') : null)),
    h('div', { class: 'grid two' },
      h('div', {},
        h('section', { class: 'card', id: 'where' },
          h('h2', {}, 'Where it stands'),
          h('p', { id: 'stage' }, app.concluded ? `Concluded: ${app.stage}.` : app.stage),
          app.openTasks.length === 0
            ? h('p', { class: 'muted' }, app.concluded ? 'No open tasks.' : 'No open task: the application waits for the candidate or the process.')
            : h('table', {},
              h('thead', {}, h('tr', {}, h('th', {}, 'Open task'), h('th', {}, 'Groups'), h('th', {}, 'Claimed by'), h('th', {}, 'Open for'), h('th', {}, 'Due'))),
              h('tbody', {}, app.openTasks.map((t) => h('tr', { class: t.overdue ? 'overdue' : '', dataset: { taskId: t.taskId } },
                h('td', {}, t.mine ? h('a', { href: `/tasks/${t.taskId}` }, t.name) : t.name),
                h('td', {}, t.candidateGroups.join(', ')),
                h('td', {}, t.assignee ?? '–'),
                h('td', {}, age(t.createdAt)),
                h('td', {}, t.dueAt ? date(t.dueAt) : '–', ' ', t.overdue ? h('span', { class: 'badge overdue' }, 'Overdue') : null)))))),
        trail ? h('section', { class: 'card', id: 'trail' },
          h('h2', {}, 'What happened'),
          h('table', {},
            h('thead', {}, h('tr', {}, h('th', {}, 'When'), h('th', {}, 'Who'), h('th', {}, 'What'), h('th', {}, 'Details'))),
            h('tbody', {}, trail.map((e) => h('tr', { dataset: { action: e.action } },
              h('td', {}, dateTime(e.occurredAt)),
              h('td', {}, who(e.actor, e.ruleId, e.ruleVersion)),
              h('td', {}, actionWords(e.action, e.details)),
              h('td', {}, h('details', {}, h('summary', {}, 'inputs'), values(e.details)))))))) : null),
      h('aside', { class: 'card' }, applicationPanel(app, { link: false }))),
  );
});
