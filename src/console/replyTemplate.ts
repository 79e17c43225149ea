// The approved WhatsApp template sent when a volunteer replies outside the
// 24-hour window: it invites the person to answer, which releases the reply.
import type { AppServices } from '../app/AppServices.js';
import type { User } from '../auth/UserRepository.js';
import type { WhatsAppTemplate } from '../outbound/OutboundQueue.js';

/** Variable 1 is who is writing: the volunteer's first name, else the organisation (never an e-mail address). */
export function templateFor(services: AppServices, user: User, tenantKey: string): WhatsAppTemplate | undefined {
  const contentSid = services.config.TWILIO_WHATSAPP_TEMPLATE_SID;
  if (!contentSid) return undefined;
  const name = user.displayName?.trim().split(/\s+/)[0] || services.content.tenants.get(tenantKey)?.tenant.name || 'Spreekuur';
  return { contentSid, variables: { '1': name } };
}
