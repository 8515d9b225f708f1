// Audit trail rows as the pages show them: who (a person, a rule and its version, the
// candidate, the process or the service), what, when, and from which inputs.
import { h } from './dom.js';
import { words } from './format.js';

export function actorKind(actor) {
  if (!actor) return 'unknown';
  if (actor === 'candidate') return 'candidate';
  if (actor.startsWith('rule:')) return 'rule';
  if (actor.startsWith('process:')) return 'process';
  if (actor.startsWith('system:')) return 'system';
  return 'person';
}

export function who(actor, ruleId, ruleVersion) {
  const kind = actorKind(actor);
  const name = kind === 'person' || kind === 'candidate' ? actor : actor.slice(actor.indexOf(':') + 1);
  return h('span', { class: 'who' },
    h('span', { class: 'badge kind' }, kind), ' ', name,
    ruleId ? h('div', { class: 'muted rule' }, `rule ${ruleId}, version ${ruleVersion}`) : null);
}

/** Key-value inputs, nested values as JSON. */
export function values(map) {
  const entries = Object.entries(map ?? {});
  if (entries.length === 0) return h('span', { class: 'muted' }, '–');
  return h('dl', { class: 'facts small' }, entries.map(([key, value]) => [
    h('dt', {}, key),
    h('dd', {}, value !== null && typeof value === 'object'
      ? h('pre', { class: 'json' }, JSON.stringify(value, null, 2))
      : String(value)),
  ]));
}

/** What a trail row says, in words: which task, which status change, which screening result. */
export function actionWords(action, details = {}) {
  switch (action) {
    case 'TASK_COMPLETED':
      return `${details.taskName ?? details.task ?? 'Task'} completed`;
    case 'STATUS_CHANGED':
      return `Status ${words(details.from)} → ${words(details.to)}`;
    case 'SCREENED':
      return details.result ? `Screened: ${details.result.recommendation}, score ${details.result.score}` : 'Screened';
    default:
      return words(action);
  }
}
