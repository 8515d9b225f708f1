// Inbox: the open tasks of the person's groups, highest priority first, then oldest (R3),
// with age and due date, overdue ones marked; claim, unclaim, open.
import '../style.css';
import { api } from '../lib/api.js';
import { h } from '../lib/dom.js';
import { age, date, dateTime, shortId } from '../lib/format.js';
import { boot, errorBox, page, render, takeFlash } from '../lib/page.js';

const REFRESH_MS = 15000;

boot(async () => {
  const notice = takeFlash();
  const problems = h('div', { id: 'problems' });
  const summary = h('p', { class: 'sub', id: 'summary' }, 'Loading…');
  const list = h('div', { class: 'card', id: 'tasks' });
  render(
    h('div', { class: 'page-head' },
      h('div', {}, h('h1', {}, 'Inbox'), summary),
      h('div', { class: 'toolbar' }, h('button', { onclick: () => load(), id: 'refresh' }, 'Refresh'))),
    notice,
    problems,
    list,
  );

  async function act(task, action) {
    problems.replaceChildren();
    try {
      await api(`/api/tasks/${task.id}/${action}`, { method: 'POST' });
    } catch (error) {
      problems.replaceChildren(errorBox(error));
    }
    await load();
  }

  async function load() {
    let tasks;
    try {
      tasks = await api('/api/tasks');
    } catch (error) {
      problems.replaceChildren(errorBox(error));
      return;
    }
    const overdue = tasks.filter((t) => t.overdue).length;
    const mine = tasks.filter((t) => t.assignee === page.user).length;
    summary.textContent =
      `${tasks.length} open ${tasks.length === 1 ? 'task' : 'tasks'} in your groups · ${overdue} overdue · ${mine} claimed by you. ` +
      'Highest priority first, then oldest.';
    if (tasks.length === 0) {
      list.replaceChildren(h('p', { class: 'empty' }, 'Nothing to do: no open tasks in your groups.'));
      return;
    }
    list.replaceChildren(
      h('table', { class: 'tasks' },
        h('thead', {}, h('tr', {},
          h('th', { class: 'num' }, 'Priority'), h('th', {}, 'Task'), h('th', {}, 'Application'),
          h('th', {}, 'Age'), h('th', {}, 'Due'), h('th', {}, 'Claimed by'), h('th', {}, ''))),
        h('tbody', {}, tasks.map((task) => row(task)))));
  }

  function row(task) {
    const claimedByMe = task.assignee === page.user;
    const claimedByOther = task.assignee && !claimedByMe;
    return h('tr', {
      class: task.overdue ? 'overdue' : '',
      dataset: { taskId: task.id, applicationId: task.applicationId, elementId: task.elementId },
    },
      h('td', { class: 'num' }, task.priority),
      h('td', {}, h('a', { href: `/tasks/${task.id}`, class: 'task-name' }, task.name),
        h('div', { class: 'muted' }, task.candidateGroups.join(', '))),
      h('td', {}, h('a', { href: `/applications/${task.applicationId}`, class: 'mono' }, shortId(task.applicationId))),
      h('td', { title: dateTime(task.createdAt) }, age(task.createdAt)),
      h('td', {}, task.dueAt ? date(task.dueAt) : '–', ' ',
        task.overdue ? h('span', { class: 'badge overdue' }, 'Overdue') : null),
      h('td', { class: 'assignee' }, claimedByMe ? 'you' : task.assignee ?? '–'),
      h('td', {}, h('div', { class: 'toolbar' },
        claimedByMe
          ? h('button', { class: 'small unclaim', onclick: () => act(task, 'unclaim') }, 'Unclaim')
          : h('button', { class: 'small claim', disabled: claimedByOther, onclick: () => act(task, 'claim') }, 'Claim'),
        h('a', { class: 'button open', href: `/tasks/${task.id}` }, 'Open'))));
  }

  await load();
  setInterval(() => {
    if (document.visibilityState === 'visible') load();
  }, REFRESH_MS);
});
