// The words the person reads about their appointment: topic title, place,
// time in their language and calendar, and the summary to confirm.
import type { TenantContent } from '../../src/content/loadContentTree.js';
import { nodeTitle } from '../../src/content/renderAnswer.js';
import type { ContentTree } from '../../src/content/loadContentTree.js';
import type { Locale } from '../../src/content/schema.js';
import { formatSlotTime } from '../../src/appointments/formatWhen.js';
import type { Translate } from '../ports.js';
import { languageNames } from '../replies.js';
import type { AppointmentState } from './appointmentState.js';

/**
 * The title of the topic the appointment is about, in the person's language.
 * The spreekuur's own topics ("make an appointment", "opening times") say
 * nothing about the subject, so they give no title and the dialog asks.
 */
export function topicTitle(content: ContentTree, topic: string, locale: Locale): string | undefined {
  const node = content.nodes.get(topic) ?? [...content.nodes.values()].find((candidate) => candidate.topic === topic);
  return node && node.area !== 'spreekuur' ? nodeTitle(node, locale) : undefined;
}

export function locationName(tenant: TenantContent, locationId: string | null): string {
  const location = tenant.schedule.locations.find((candidate) => candidate.id === locationId);
  return location ? [location.name, location.address].filter(Boolean).join(', ') : tenant.tenant.name;
}

/** The time of the state, with the sample warning when the schedule is invented. */
export function whenText(state: AppointmentState, tenant: TenantContent, locale: Locale, timeZone: string, t: Translate): string {
  if (!state.slotStart) return state.preferredTime ?? '';
  const when = formatSlotTime(new Date(state.slotStart), locale, timeZone);
  return tenant.schedule.sample ? `${when}\n${t(locale, 'appointment:sample')}` : when;
}

export function summaryLines(state: AppointmentState, tenant: TenantContent, content: ContentTree, locale: Locale, timeZone: string, t: Translate): string[] {
  const about = state.topic ? (topicTitle(content, state.topic, locale) ?? state.note) : state.note;
  const line = (key: string, value: string) => t(locale, `appointment:summary.${key}`, { value });
  return [
    t(locale, 'appointment:summary.title'),
    about ? line('topic', about) : '',
    state.locationId ? line('where', locationName(tenant, state.locationId)) : '',
    state.slotStart ? line('when', whenText(state, tenant, locale, timeZone, t)) : line('preferred', state.preferredTime ?? ''),
    state.interpreterLocale ? line('interpreter', languageNames[state.interpreterLocale]) : t(locale, 'appointment:summary.noInterpreter'),
    state.name ? line('name', state.name) : '',
  ];
}
