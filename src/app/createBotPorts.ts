// Adapts the services to the ports the dialogs ask for.
import type { BotPorts } from '../../dialogs/ports.js';
import type { TenantContent } from '../content/loadContentTree.js';
import { intlLocale } from '../content/renderLocalFacts.js';
import type { Locale } from '../content/schema.js';
import { findNextCollections } from '../content/wasteCalendar.js';
import { estimateAnswerTime } from '../handoff/estimateAnswerTime.js';
import type { RouterIndex } from '../nlu/buildRouterIndex.js';
import { routeMessage } from '../nlu/routeMessage.js';
import type { AppServices } from './AppServices.js';

export function createBotPorts(services: AppServices, routerIndex: RouterIndex, now: () => Date = () => new Date()): BotPorts {
  const { translator, handoff, contacts, config } = services;
  const timeZone = config.TZ_SPREEKUUR;
  return {
    content: services.content,
    route: (text, context) => routeMessage(text, context, routerIndex),
    t: translator.t,
    contacts: { update: (contactId, changes) => contacts.update(contactId, changes) },
    waste: {
      findNext: (tenant, postcode, houseNumber, today) => findNextCollections(tenant, postcode, houseNumber, isoDateIn(today, timeZone)),
    },
    handoff: {
      handOff: async (request) => {
        const { thread, created } = await handoff.handOff(request);
        return { threadId: thread.id, created, priority: thread.priority };
      },
      activeThreadId: async (contactId) => (await handoff.activeThread(contactId))?.id,
      handBack: async (threadId) => {
        await handoff.handBack(threadId, 'returned-to-bot');
      },
      touch: (contactId) => handoff.touch(contactId),
      describeWait: (tenant, priority, locale) => describeWait(services, tenant, priority, locale, now(), timeZone),
    },
    defaultTenant: config.DEFAULT_TENANT,
    now,
  };
}

async function describeWait(services: AppServices, tenant: TenantContent | undefined, priority: number, locale: Locale, now: Date, timeZone: string): Promise<string> {
  const t = services.translator.t;
  const ahead = tenant ? await services.handoff.queueAhead(tenant.tenant.key, priority) : 0;
  const estimate = estimateAnswerTime(tenant, ahead, now, { timeZone });
  const aheadText = ahead > 1 ? ` ${t(locale, 'handoff.ahead', { count: ahead - 1 })}` : '';
  if (estimate.kind === 'asap') return `${t(locale, 'handoff.etaAsap')}${aheadText}`;
  const when = new Intl.DateTimeFormat(intlLocale(locale), { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone }).format(estimate.start);
  return `${t(locale, estimate.sample ? 'handoff.etaNextSample' : 'handoff.etaNext', { when })}${aheadText}`;
}

/** The calendar date at the spreekuur's location. */
export function isoDateIn(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}
