// The local layer of an answer: the tenant's partners, spreekuur times,
// waste streams or huisartsenpost, or where to ask when we do not know them.
// Never a phone number, address or time that the tenant files do not hold.
import type { TenantContent } from './loadContentTree.js';
import { partnersForTopic } from './resolveTenant.js';
import type { ContentNode, Locale, Partner } from './schema.js';

export type Translate = (key: string, values?: Record<string, string | number>) => string;

export function renderLocalFacts(node: ContentNode, locale: Locale, tenant: TenantContent | undefined, t: Translate): string {
  if (node.local_facts.length === 0) return '';
  const website = tenant?.tenant.municipality_website ?? t('local.municipalityWebsite');
  if (!tenant) return t('local.askWhere', { website });
  const blocks = node.local_facts.map((kind) => {
    switch (kind) {
      case 'partners':
        return renderPartners(partnersForTopic(tenant, node.topic), tenant, locale, t, website);
      case 'schedule':
        return renderSchedule(tenant, locale, t, website);
      case 'waste':
        return renderWaste(tenant, locale, t, website);
      case 'huisartsenpost':
        return tenant.tenant.huisartsenpost_phone ? t('local.huisartsenpost', { phone: tenant.tenant.huisartsenpost_phone }) : t('local.noHuisartsenpost');
      case 'website':
        return tenant.tenant.municipality_website ?? '';
    }
  });
  return [...new Set(blocks.filter(Boolean))].join('\n\n');
}

function renderPartners(partners: Partner[], tenant: TenantContent, locale: Locale, t: Translate, website: string): string {
  if (partners.length === 0) return t('local.noPartner', { website });
  const lines = partners.map((partner) => {
    const does = partner.does[locale] ?? partner.does.en ?? partner.does.nl ?? '';
    const contact = [
      partner.phone ? t('local.phone', { phone: partner.phone }) : '',
      partner.website ? t('local.website', { url: partner.website }) : '',
      partner.address ? t('local.address', { address: partner.address }) : '',
      partner.opening_hours ? t('local.hours', { hours: partner.opening_hours }) : '',
    ].filter(Boolean);
    return `• ${partner.name}${does ? `: ${does}` : ''}${contact.length > 0 ? `\n  ${contact.join(', ')}` : ''}`;
  });
  const anyContact = partners.some((partner) => partner.phone || partner.website || partner.address);
  const footer = anyContact ? '' : `\n${t('local.askWhere', { website })}`;
  return `${t('local.partnersHeader', { tenant: tenant.tenant.name })}\n${lines.join('\n')}${footer}`;
}

export function renderSchedule(tenant: TenantContent, locale: Locale, t: Translate, website: string): string {
  const { schedule } = tenant;
  const note = schedule.note?.[locale] ?? schedule.note?.en ?? schedule.note?.nl;
  if (schedule.sessions.length === 0) return [note, t('local.noSchedule', { website })].filter(Boolean).join('\n');
  const weekdays = weekdayNames(locale);
  const lines = schedule.sessions.map((session) => {
    const location = schedule.locations.find((candidate) => candidate.id === session.location);
    const place = [location?.name, location?.address].filter(Boolean).join(', ');
    return `• ${t('local.scheduleLine', { weekday: weekdays[session.weekday] ?? session.weekday, start: session.start, end: session.end, location: place })}`;
  });
  const sample = schedule.sample ? `\n${t('local.scheduleSample')}` : '';
  return `${t('local.scheduleHeader', { tenant: tenant.tenant.name })}\n${lines.join('\n')}${sample}`;
}

function renderWaste(tenant: TenantContent, locale: Locale, t: Translate, website: string): string {
  const streams = tenant.waste.streams;
  if (streams.length === 0) return t('local.noWaste', { website });
  const lines = streams.map((stream) => `• ${t(`afval.streams.${stream.key}`)}: ${stream.how[locale] ?? stream.how.en ?? stream.how.nl ?? ''}`);
  return `${t('local.wasteHeader', { tenant: tenant.tenant.name })}\n${lines.join('\n')}`;
}

const mondayJan2024 = Date.UTC(2024, 0, 1, 12);
const weekdayKeys = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/** Weekday names in the person's language, from Intl (no hand-written tables). */
export function weekdayNames(locale: Locale): Record<string, string> {
  const format = new Intl.DateTimeFormat(intlLocale(locale), { weekday: 'long', timeZone: 'UTC' });
  return Object.fromEntries(weekdayKeys.map((key, index) => [key, format.format(new Date(mondayJan2024 + index * 86_400_000))]));
}

/** Persian with the Gregorian calendar: Dutch letters and appointments use it. */
export function intlLocale(locale: Locale): string {
  return locale === 'fa' ? 'fa-IR-u-ca-gregory' : locale;
}
