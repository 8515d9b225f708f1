// What every page shares: who is signed in, the main area, errors and one-shot notices.
import { ApiError } from './api.js';
import { h } from './dom.js';

export const page = document.body.dataset;
export const roles = new Set((page.roles ?? '').split(',').filter(Boolean));
export const TASK_WORKERS = ['recruiter', 'recruiting-lead', 'interviewer', 'hiring-manager'];
export const HISTORY_READERS = ['auditor', 'recruiter', 'recruiting-lead'];

export function hasRole(...names) {
  return names.flat().some((name) => roles.has(name));
}

export function render(...nodes) {
  document.getElementById('main').replaceChildren(...nodes.flat(Infinity).filter((n) => n !== null && n !== undefined && n !== false));
}

export function problemText(error) {
  if (error instanceof ApiError) {
    const fields = (error.problem.errors ?? []).map((e) => `${e.field}: ${e.message}`);
    return [error.problem.title, error.problem.detail, ...fields].filter(Boolean).join(' — ');
  }
  return String(error?.message ?? error);
}

export function errorBox(error) {
  return h('div', { class: 'alert error', role: 'alert' }, problemText(error));
}

/** A notice kept for the next page (e.g. "Task completed"), shown once. */
export function flash(message) {
  sessionStorage.setItem('flash', message);
}

export function takeFlash() {
  const message = sessionStorage.getItem('flash');
  sessionStorage.removeItem('flash');
  return message ? h('div', { class: 'alert success', role: 'status', id: 'flash' }, message) : null;
}

export async function boot(run) {
  try {
    await run();
  } catch (error) {
    console.error(error);
    render(h('h1', {}, 'Something went wrong'), errorBox(error));
  }
}
