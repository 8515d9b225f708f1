// Applications: newest first, filtered by status or position; no personal data. The
// auditor's way in to an application's history.
import '../style.css';
import { api } from '../lib/api.js';
import { statusBadge } from '../lib/application-panel.js';
import { h } from '../lib/dom.js';
import { dateTime, shortId, words } from '../lib/format.js';
import { HISTORY_READERS, boot, errorBox, hasRole, render } from '../lib/page.js';

const STATUSES = ['SUBMITTED', 'AWAITING_AVAILABILITY', 'WAITING_TURN', 'SCREENED', 'IN_REVIEW', 'INTERVIEWING',
  'AWAITING_DECISION', 'OFFER_APPROVAL', 'OFFERED', 'OFFER_ACCEPTED', 'HIRED', 'REJECTED', 'WITHDRAWN',
  'POSITION_FILLED', 'INCOMPLETE', 'OFFER_DECLINED', 'OFFER_EXPIRED', 'HIRED_ELSEWHERE'];

boot(async () => {
  const params = new URLSearchParams(location.search);
  const positions = await api('/api/positions');
  const status = h('select', { id: 'status', onchange: () => go() },
    h('option', { value: '' }, 'All statuses'),
    STATUSES.map((s) => h('option', { value: s, selected: params.get('status') === s }, words(s))));
  const position = h('select', { id: 'position', onchange: () => go() },
    h('option', { value: '' }, 'All open positions'),
    positions.map((p) => h('option', { value: p.id, selected: params.get('positionId') === p.id }, p.title)));
  const list = h('div', { class: 'card', id: 'applications' }, h('p', { class: 'loading' }, 'Loading…'));
  const problems = h('div');
  render(
    h('div', { class: 'page-head' },
      h('div', {}, h('h1', {}, 'Applications'), h('p', { class: 'sub' }, 'Newest first. Identifiers only: personal data stays with the roles that need it.')),
      h('div', { class: 'toolbar' }, status, position)),
    problems,
    list,
  );

  function go() {
    const next = new URLSearchParams();
    if (status.value) next.set('status', status.value);
    if (position.value) next.set('positionId', position.value);
    location.search = next.toString();
  }

  const query = new URLSearchParams({ limit: '300' });
  if (params.get('status')) query.set('status', params.get('status'));
  if (params.get('positionId')) query.set('positionId', params.get('positionId'));
  try {
    const rows = await api(`/api/ui/applications?${query}`);
    const history = hasRole(HISTORY_READERS);
    list.replaceChildren(rows.length === 0 ? h('p', { class: 'empty' }, 'No applications match.') :
      h('table', {},
        h('thead', {}, h('tr', {}, h('th', {}, 'Application'), h('th', {}, 'Position'), h('th', {}, 'Status'),
          h('th', {}, 'Submitted'), h('th', {}, 'Closed'), h('th', { class: 'num' }, 'Score'), h('th', {}, ''))),
        h('tbody', {}, rows.map((a) => h('tr', { dataset: { applicationId: a.applicationId } },
          h('td', {}, h('a', { href: `/applications/${a.applicationId}`, class: 'mono' }, shortId(a.applicationId))),
          h('td', {}, a.positionId),
          h('td', {}, statusBadge(a.status, a.stage)),
          h('td', {}, dateTime(a.submittedAt)),
          h('td', {}, a.closedAt ? dateTime(a.closedAt) : '–'),
          h('td', { class: 'num' }, a.screeningScore ?? '–'),
          h('td', {}, h('div', { class: 'toolbar' },
            h('a', { class: 'button', href: `/applications/${a.applicationId}` }, 'Open'),
            history ? h('a', { class: 'button history', href: `/applications/${a.applicationId}/history` }, 'History') : null)))))));
  } catch (error) {
    problems.replaceChildren(errorBox(error));
  }
});
