// The appointments pages of the console: requests and upcoming appointments
// with their actions, and the day list the volunteers print for the spreekuur.
import type { AppointmentStatus, Appointment } from '../../appointments/AppointmentRepository.js';
import type { DayList } from '../../appointments/AppointmentDesk.js';
import type { Slot } from '../../appointments/computeSlots.js';
import { isoDay, type LocalDate, localDateOf } from '../../time/zonedTime.js';
import { formatClock, formatDay } from '../../appointments/formatWhen.js';
import type { ContentTree } from '../../content/loadContentTree.js';
import { html, type SafeHtml } from '../html.js';
import { csrfField, renderPage } from '../layout.js';
import { topicTitle } from '../queueView.js';
import { formatDateTime, languageName, type View } from '../view.js';

/** The console view plus this page's own texts (appointment:console.*). */
export interface AppointmentsView {
  view: View;
  tc(key: string, values?: Record<string, string | number>): string;
  content: ContentTree;
  /** Coordinators and admins mark attendance. */
  canMark: boolean;
  now: Date;
  /** Where a form sends the volunteer back to. */
  back: string;
}

export interface ListModel {
  tenants: readonly string[];
  tenant: string | undefined;
  appointments: Appointment[];
  /** Open slots per tenant, for the move selector. */
  openSlots: Map<string, Slot[]>;
  notice: { kind: 'info' | 'error'; key: string } | undefined;
}

export function renderListPage(page: AppointmentsView, model: ListModel): string {
  const { view, tc } = page;
  const requests = model.appointments.filter((appointment) => appointment.slotStart === null);
  const upcoming = model.appointments.filter((appointment) => appointment.slotStart !== null);
  const today = isoDay(localDateOf(page.now, view.timeZone));
  const dayLinks = model.tenants.map((key) => html`<a href="/console/appointments/day?tenant=${key}&amp;date=${today}">${tc('dayList')}: ${tenantName(page, key)}</a> `);
  return renderPage(view, {
    title: tc('title'),
    page: 'appointments',
    body: html`${stylesheet()}<h1>${tc('title')}</h1>
${renderNotice(page, model.notice)}
${renderTenantFilter(page, model)}
<p class="day-links">${dayLinks}</p>
<h2>${tc('requests')}</h2>
${renderTable(page, requests, model.openSlots)}
<h2>${tc('upcoming')}</h2>
${renderTable(page, upcoming, model.openSlots)}`,
  });
}

export interface DayModel {
  tenant: string;
  day: DayList;
  previous: LocalDate;
  next: LocalDate;
  sample: boolean;
  notice: ListModel['notice'];
}

export function renderDayPage(page: AppointmentsView, model: DayModel): string {
  const { view, tc } = page;
  const date = isoDay(model.day.date);
  const first = model.day.slots[0]?.start ?? page.now;
  const heading = `${tenantName(page, model.tenant)}: ${model.day.slots.length > 0 ? formatDay(first, view.locale, view.timeZone) : date}`;
  const link = (day: LocalDate, label: string) => html`<a href="/console/appointments/day?tenant=${model.tenant}&amp;date=${isoDay(day)}">${label}</a>`;
  return renderPage(view, {
    title: `${tc('dayList')} ${date}`,
    page: 'appointments-day',
    body: html`${stylesheet()}<h1>${tc('dayList')} · ${heading}</h1>
${renderNotice(page, model.notice)}
<p class="no-print day-nav">${link(model.previous, tc('previousDay'))} · ${link(model.next, tc('nextDay'))} ·
<button type="button" data-print>${tc('print')}</button> ·
<a href="/console/appointments/day.ics?tenant=${model.tenant}&amp;date=${date}">${tc('ics')}</a></p>
${model.sample ? html`<p class="sample">${tc('sample')}</p>` : ''}
${model.day.slots.length === 0 ? html`<p>${tc('noSession')}</p>` : model.day.slots.map((group) => renderDaySlot(page, model.tenant, group))}`,
  });
}

function renderDaySlot(page: AppointmentsView, tenant: string, group: DayList['slots'][number]): SafeHtml {
  const { view, tc } = page;
  const active = group.appointments.filter((appointment) => appointment.status !== 'cancelled');
  const where = locationName(page, tenant, group.locationId);
  const capacity = group.slot ? tc('free', { count: Math.max(0, group.slot.capacity - active.length), capacity: group.slot.capacity }) : tc('notInSchedule');
  return html`<section class="day-slot">
<h2>${formatClock(group.start, view.locale, view.timeZone)}${group.slot ? html`–${formatClock(group.slot.end, view.locale, view.timeZone)}` : ''} · ${where} <small>${capacity}</small></h2>
${active.length === 0 ? '' : renderTable(page, active, new Map(), true)}
</section>`;
}

function renderTable(page: AppointmentsView, appointments: Appointment[], openSlots: Map<string, Slot[]>, compact = false): SafeHtml {
  const { tc } = page;
  if (appointments.length === 0) return html`<p class="empty">${tc('none')}</p>`;
  return html`<table class="appointments">
<thead><tr><th>#</th>${compact ? '' : html`<th>${tc('when')}</th><th>${tc('where')}</th>`}<th>${tc('name')}</th><th>${tc('about')}</th><th>${tc('interpreter')}</th><th>${tc('status')}</th><th class="no-print">${tc('actions')}</th></tr></thead>
<tbody>${appointments.map((appointment) => renderRow(page, appointment, openSlots.get(appointment.tenantKey) ?? [], compact))}</tbody>
</table>`;
}

function renderRow(page: AppointmentsView, appointment: Appointment, openSlots: Slot[], compact: boolean): SafeHtml {
  const { view, tc } = page;
  const when = appointment.slotStart ? formatDateTime(view, appointment.slotStart) : html`<span dir="auto">${tc('preferred')}: ${appointment.preferredTime ?? ''}</span>`;
  const about = appointment.topic ? topicTitle(view, page.content, appointment.topic) : (appointment.note ?? '–');
  return html`<tr class="appointment status-${appointment.status}" data-appointment="${appointment.id}">
<td>${appointment.id}</td>
${compact ? '' : html`<td>${when}</td><td>${locationName(page, appointment.tenantKey, appointment.locationId)}</td>`}
<td dir="auto">${appointment.name ?? '–'}</td>
<td dir="auto">${about}</td>
<td>${appointment.interpreterLocale ? languageName(view, appointment.interpreterLocale) : '–'}</td>
<td>${tc(`statuses.${appointment.status}`)}</td>
<td class="no-print actions">${renderActions(page, appointment, openSlots)}</td>
</tr>`;
}

function renderActions(page: AppointmentsView, appointment: Appointment, openSlots: Slot[]): SafeHtml {
  const { view, tc } = page;
  const status: string = appointment.status;
  const active = status === 'requested' || status === 'confirmed';
  const started = appointment.slotStart !== null && appointment.slotStart.getTime() <= page.now.getTime();
  const post = (action: string, label: string, extra: SafeHtml = html``) =>
    html`<form method="post" action="/console/appointments/${appointment.id}/${action}" class="inline">${csrfField(view)}<input type="hidden" name="back" value="${page.back}">${extra}<button type="submit">${label}</button></form>`;
  const actions: SafeHtml[] = [];
  if (status === 'requested' && appointment.slotStart) actions.push(post('confirm', tc('confirm')));
  if (active && !started) {
    const options = openSlots.map((slot) => html`<option value="${slot.locationId}@${slot.start.toISOString()}">${formatDateTime(view, slot.start)} · ${locationName(page, appointment.tenantKey, slot.locationId)}</option>`);
    if (options.length > 0) actions.push(post('move', tc('move'), html`<select name="slot" aria-label="${tc('move')}">${options}</select>`));
  }
  if (active) actions.push(post('cancel', tc('cancel')));
  const markable: readonly AppointmentStatus[] = ['requested', 'confirmed', 'attended', 'no_show'];
  if (page.canMark && started && markable.some((candidate) => candidate === status)) {
    actions.push(post('attendance', tc('attended'), html`<input type="hidden" name="outcome" value="attended">`));
    actions.push(post('attendance', tc('noShow'), html`<input type="hidden" name="outcome" value="no_show">`));
  }
  return html`${actions}`;
}

function renderTenantFilter(page: AppointmentsView, model: ListModel): SafeHtml {
  if (model.tenants.length < 2) return html``;
  const { tc } = page;
  return html`<form method="get" action="/console/appointments" class="filters no-print">
<label>${tc('tenant')} <select name="tenant"><option value="">–</option>${model.tenants.map((key) => html`<option value="${key}"${model.tenant === key ? html` selected` : ''}>${tenantName(page, key)}</option>`)}</select></label>
<button type="submit">OK</button>
</form>`;
}

function renderNotice(page: AppointmentsView, notice: ListModel['notice']): SafeHtml {
  if (!notice) return html``;
  return html`<p class="flash flash-${notice.kind}" role="${notice.kind === 'error' ? 'alert' : 'status'}">${page.tc(notice.key)}</p>`;
}

/** Print styles and the print button's script, from our own origin (the CSP allows nothing inline). */
function stylesheet(): SafeHtml {
  return html`<link rel="stylesheet" href="/console/appointments/assets/appointments.css"><script src="/console/appointments/assets/appointments.js" defer></script>`;
}

function tenantName(page: AppointmentsView, key: string): string {
  return page.content.tenants.get(key)?.tenant.name ?? key;
}

function locationName(page: AppointmentsView, tenantKey: string, locationId: string | null): string {
  const tenant = page.content.tenants.get(tenantKey);
  return tenant?.schedule.locations.find((location) => location.id === locationId)?.name ?? locationId ?? '–';
}
