// The application's facts beside a task's form and on the application page: only what the
// API gives this role (contact data only to recruiters, the name to interviewers and
// managers, none to auditors and process owners).
import { facts, h } from './dom.js';
import { age, date, dateTime, shortId, statusClass, words } from './format.js';

export function statusBadge(status, stage) {
  // Staff read the status itself; the candidate's plain words are its tooltip.
  return h('span', { class: statusClass(status), title: stage ?? '', dataset: { status } }, words(status));
}

export function applicationPanel(app, { link = true } = {}) {
  const candidate = app.candidate;
  return h('div', { class: 'aside', id: 'application-facts', dataset: { applicationId: app.applicationId } },
    h('h3', {}, 'Application ', link ? h('a', { href: `/applications/${app.applicationId}`, class: 'mono' }, shortId(app.applicationId)) : h('span', { class: 'mono' }, shortId(app.applicationId))),
    facts([
      ['Status', statusBadge(app.status, app.stage)],
      ['Position', app.positionTitle],
      ['Submitted', `${dateTime(app.submittedAt)} (${age(app.submittedAt)} ago)`],
      ['Closed', app.closedAt ? dateTime(app.closedAt) : null],
      ['Start date', app.startDate ? `${date(app.startDate)} to ${date(app.endDate)}` : null],
    ]),
    candidate ? [h('h3', {}, 'Candidate'), facts([
      ['Name', candidate.name],
      ['E-mail', candidate.email ? h('a', { href: `mailto:${candidate.email}` }, candidate.email) : null],
      ['Phone', candidate.phone],
    ])] : null,
    h('h3', {}, 'Qualifications'),
    facts([
      ['Education', `${words(app.education?.level)}, ${app.education?.field ?? ''}`],
      ['Enrolled', app.education?.enrolled ? 'yes' : 'no'],
      ['Graduation', app.education?.expectedGraduation],
      ['English', words(app.englishLevel)],
      ['Skills', app.skills?.length ? app.skills.map((s) => h('span', { class: 'chip' }, s)) : '–'],
      ['Experience', app.experience?.length
        ? h('ul', { class: 'plain' }, app.experience.map((e) =>
          h('li', {}, `${words(e.kind)} · ${words(e.domain)} · ${e.title ?? ''}${e.months ? ` · ${e.months} months` : ''}`)))
        : '–'],
    ]),
    h('h3', {}, 'Availability'),
    facts([
      ['Available', app.availability ? `${date(app.availability.start)} to ${date(app.availability.end)}` : 'not stated'],
      ['Whole cohort', app.cohortFit ? 'fits a whole 12-week cohort (prioritised)' : 'no whole cohort inside'],
      ['Seat', app.seat ? `${words(app.seat.state)}, cohort of ${date(app.seat.startDate)}` : null],
    ]),
    app.screening ? [h('h3', {}, 'Automated screening'), facts([
      ['Recommendation', app.screening.recommendation],
      ['Score', `${app.screening.score} / 100`],
      ['Priority', app.screening.priority],
      ['Review due', app.screening.reviewDueAt ? dateTime(app.screening.reviewDueAt) : null],
    ]), h('p', { class: 'muted' }, 'A recommendation only: a person decides every rejection.')] : null,
    otherApplication(app.otherApplication),
  );
}

/** R2: the candidate's other application and whose turn it is. */
export function otherApplication(other) {
  if (!other) {
    return [h('h3', {}, 'Other application'), h('p', { class: 'muted', id: 'other-application' }, 'The candidate has no other application.')];
  }
  return [
    h('h3', {}, 'Other application'),
    h('div', { id: 'other-application', dataset: { applicationId: other.applicationId, relation: other.relation } },
      facts([
        ['Application', h('a', { href: `/applications/${other.applicationId}`, class: 'mono' }, shortId(other.applicationId))],
        ['Position', other.positionTitle],
        ['Status', statusBadge(other.status, other.stage)],
        ['Applied', `${dateTime(other.submittedAt)} (application ${other.slot} of 2)`],
      ]),
      h('p', { class: 'turn' }, other.turn)),
  ];
}
