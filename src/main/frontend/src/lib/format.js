// Dates, ages and statuses as the pages show them.
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

export function dateTime(iso) {
  return iso ? dateTimeFormat.format(new Date(iso)) : '';
}

/** A calendar date (yyyy-mm-dd) or the date of an instant. */
export function date(iso) {
  return iso ? dateFormat.format(new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso)) : '';
}

/** How long ago (or, negative, how far ahead): "3 d 4 h", "5 h 12 min", "2 min". */
export function duration(ms) {
  const minutes = Math.floor(Math.abs(ms) / 60000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${minutes % 60} min`;
  return `${minutes} min`;
}

export function age(iso) {
  return iso ? duration(Date.now() - new Date(iso).getTime()) : '';
}

/** Hours as hours, or days from 48 h on. */
export function hours(value) {
  if (value === null || value === undefined) return '–';
  if (value >= 48) return `${(value / 24).toFixed(1)} d`;
  if (value >= 1) return `${value.toFixed(1)} h`;
  return value * 60 < 1 ? '< 1 min' : `${Math.round(value * 60)} min`;
}

export function shortId(id) {
  return id ? String(id).slice(0, 8) : '';
}

const CONCLUDED = new Set(['HIRED', 'REJECTED', 'WITHDRAWN', 'POSITION_FILLED', 'INCOMPLETE', 'OFFER_DECLINED', 'OFFER_EXPIRED', 'HIRED_ELSEWHERE']);

export function statusClass(status) {
  if (status === 'HIRED') return 'badge good';
  if (CONCLUDED.has(status)) return 'badge closed';
  if (status === 'WAITING_TURN' || status === 'AWAITING_AVAILABILITY') return 'badge waiting';
  return 'badge open';
}

export function words(constant) {
  if (!constant) return '';
  const text = String(constant).toLowerCase().replaceAll('_', ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
