// A task: its linked Camunda form rendered with form-js (the renderer Tasklist uses) beside
// the application's facts; validated as the form says, then completed.
import '../style.css';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import '@bpmn-io/form-js-viewer/dist/assets/flatpickr/light.css';
import { Form } from '@bpmn-io/form-js-viewer';
import { ApiError, api } from '../lib/api.js';
import { applicationPanel } from '../lib/application-panel.js';
import { h } from '../lib/dom.js';
import { age, date, dateTime, shortId } from '../lib/format.js';
import { boot, errorBox, flash, page, problemText, render } from '../lib/page.js';

boot(async () => {
  const taskId = page.taskId;
  const task = await api(`/api/tasks/${taskId}`);
  const [schema, variables, application] = await Promise.all([
    task.formId ? api(`/api/tasks/${taskId}/form`) : Promise.resolve(null),
    api(`/api/tasks/${taskId}/variables`),
    api(`/api/ui/applications/${task.applicationId}`),
  ]);

  const problems = h('div', { id: 'problems', 'aria-live': 'polite' });
  const container = h('div', { id: 'form', class: 'form-container' });
  const complete = h('button', { class: 'primary', id: 'complete', type: 'button' }, 'Complete task');
  const claimBox = h('div', { class: 'toolbar', id: 'claim' });
  render(
    h('div', { class: 'page-head' },
      h('div', {},
        h('h1', { id: 'task-name' }, task.name),
        h('p', { class: 'sub' },
          `Application ${shortId(task.applicationId)} · priority ${task.priority} · opened ${age(task.createdAt)} ago (${dateTime(task.createdAt)})`,
          task.dueAt ? ` · due ${date(task.dueAt)} ` : '',
          task.overdue ? h('span', { class: 'badge overdue' }, 'Overdue') : null)),
      h('div', { class: 'toolbar' }, claimBox, h('a', { class: 'button', href: '/inbox' }, 'Back to inbox'))),
    problems,
    h('div', { class: 'grid two' },
      h('section', { class: 'card' },
        h('h2', {}, 'Form'),
        container,
        h('div', { class: 'toolbar', style: 'margin-top: 1rem' }, complete)),
      h('aside', { class: 'card' }, applicationPanel(application))),
  );

  let form = null;
  if (schema) {
    form = new Form({ container });
    await form.importSchema(schema, variables);
    // The "fix the marked fields" notice goes once the fields are valid again.
    form.on('changed', (event) => {
      if (Object.keys(event.errors ?? {}).length === 0) {
        problems.querySelector('.alert.invalid')?.remove();
      }
    });
  } else {
    container.append(h('p', { class: 'muted' }, 'This task has no form: completing it confirms it is done.'));
  }

  function claimState(current) {
    const mine = current.assignee === page.user;
    const other = current.assignee && !mine;
    claimBox.replaceChildren(
      h('span', { class: 'muted', id: 'assignee' }, current.assignee ? `Claimed by ${mine ? 'you' : current.assignee}` : 'Not claimed'),
      mine
        ? h('button', { class: 'small', id: 'unclaim', onclick: () => claim('unclaim') }, 'Unclaim')
        : h('button', { class: 'small', id: 'claim-button', disabled: other, onclick: () => claim('claim') }, 'Claim'));
    complete.disabled = current.state !== 'OPEN' || Boolean(other);
    if (other) {
      problems.replaceChildren(h('div', { class: 'alert warn' }, `${current.assignee} has claimed this task; they complete or unclaim it.`));
    }
  }

  async function claim(action) {
    problems.replaceChildren();
    try {
      claimState(await api(`/api/tasks/${taskId}/${action}`, { method: 'POST' }));
    } catch (error) {
      problems.replaceChildren(errorBox(error));
    }
  }

  claimState(task);
  if (task.state !== 'OPEN') {
    problems.replaceChildren(h('div', { class: 'alert info' }, `This task is ${task.state.toLowerCase()}.`));
    form?.setProperty('readOnly', true);
  }

  complete.addEventListener('click', async () => {
    problems.replaceChildren();
    let data = {};
    if (form) {
      const submitted = form.submit();
      if (Object.keys(submitted.errors).length > 0) {
        problems.replaceChildren(h('div', { class: 'alert error invalid', role: 'alert' }, 'Please fix the marked fields.'));
        return;
      }
      data = Object.fromEntries(Object.entries(submitted.data).filter(([, value]) => value !== undefined && value !== null));
    }
    complete.disabled = true;
    complete.textContent = 'Completing…';
    try {
      await api(`/api/tasks/${taskId}/complete`, { method: 'POST', body: data });
      flash(`Completed “${task.name}” for application ${shortId(task.applicationId)}.`);
      location.assign('/inbox');
    } catch (error) {
      complete.disabled = false;
      complete.textContent = 'Complete task';
      const detail = error instanceof ApiError && error.status === 422
        ? h('div', { class: 'alert error', role: 'alert' }, 'The service did not accept the answers: ',
          h('ul', {}, (error.problem.errors ?? []).map((e) => h('li', {}, `${e.field}: ${e.message}`))))
        : h('div', { class: 'alert error', role: 'alert' }, problemText(error));
      problems.replaceChildren(detail);
    }
  });
});
