// "When is the paper collected?": asks postcode and house number once,
// remembers them, and gives the next date per waste stream in the person's
// language and date format. Without a calendar it says where to look.
import { ComponentDialog, type DialogTurnResult, type PromptValidatorContext, TextPrompt, type WaterfallStepContext, WaterfallDialog } from 'botbuilder-dialogs';
import { renderAnswer } from '../src/content/renderAnswer.js';
import { intlLocale } from '../src/content/renderLocalFacts.js';
import { resolveTenant } from '../src/content/resolveTenant.js';
import { DialogIds } from './dialogIds.js';
import type { BotPorts } from './ports.js';
import { toActivity } from './replies.js';
import { parseChoiceNumber } from './session.js';
import { getTurnInfo } from './turnInfo.js';

export interface AfvalOptions {
  /** Ask for the address even when one is remembered ("another address"). */
  forceAsk?: boolean;
}

interface Address {
  postcode: string;
  houseNumber: string;
}

const MAX_ADDRESS_ATTEMPTS = 3;

export class AfvalDialog extends ComponentDialog {
  constructor(private readonly ports: BotPorts) {
    super(DialogIds.afval);
    this.addDialog(new TextPrompt(DialogIds.afvalAddressPrompt, this.validateAddress.bind(this)));
    this.addDialog(new WaterfallDialog(`${DialogIds.afval}.steps`, [this.askStep.bind(this), this.answerStep.bind(this)]));
    this.initialDialogId = `${DialogIds.afval}.steps`;
  }

  private async askStep(step: WaterfallStepContext<AfvalOptions>): Promise<DialogTurnResult> {
    const info = getTurnInfo(step.context);
    const { postcode, houseNumber } = info.contact;
    if (postcode && houseNumber && !step.options?.forceAsk) return step.next({ postcode, houseNumber });
    const t = this.ports.t;
    return step.prompt(DialogIds.afvalAddressPrompt, {
      prompt: t(info.locale, 'afval.askAddress'),
      retryPrompt: t(info.locale, 'afval.invalidAddress'),
    });
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const context = step.context;
    const info = getTurnInfo(context);
    const address = typeof step.result === 'string' ? parseAddress(step.result) : isAddress(step.result) ? step.result : undefined;
    if (!address) return step.endDialog();
    if (address.postcode !== info.contact.postcode || address.houseNumber !== info.contact.houseNumber) {
      await this.ports.contacts.update(info.contact.id, address);
      info.contact = { ...info.contact, ...address };
    }
    const tenant = info.tenant ?? resolveTenant(this.ports.content, { postcode: address.postcode });
    if (tenant && !info.tenant) {
      await this.ports.contacts.update(info.contact.id, { tenantKey: tenant.tenant.key });
      info.tenant = tenant;
    }
    const t = (key: string, values?: Record<string, string | number>) => this.ports.t(info.locale, key, values);
    const found = tenant ? await this.ports.waste.findNext(tenant, address.postcode, address.houseNumber, this.ports.now()) : undefined;
    const anotherAddress = t('afval.changeAddress');
    if (!found || found.next.length === 0) {
      const node = this.ports.content.nodes.get('afval.ophaaldagen');
      const fallback = node ? renderAnswer(node, info.locale, tenant, t) : t('local.askWhere', { website: t('local.municipalityWebsite') });
      await context.sendActivity(toActivity({ text: `${fallback}\n\n${anotherAddress}\n${t('menu.back')}`, choices: [] }, []));
    } else {
      const format = new Intl.DateTimeFormat(intlLocale(info.locale), { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
      const lines = found.next.map(({ stream, date }) => `• ${t('afval.line', { stream: t(`afval.streams.${stream}`), date: format.format(new Date(`${date}T12:00:00Z`)) })}`);
      const sample = found.sample ? `\n${t('afval.sample')}` : '';
      const header = t('afval.header', { postcode: formatPostcode(address.postcode), houseNumber: address.houseNumber });
      await context.sendActivity(`${header}\n${lines.join('\n')}${sample}\n\n${anotherAddress}\n${t('menu.back')}`);
    }
    return step.endDialog({ choices: [{ kind: 'afval-address' }] });
  }

  private async validateAddress(prompt: PromptValidatorContext<string>): Promise<boolean> {
    const text = prompt.recognized.value ?? '';
    if (parseAddress(text)) return true;
    // "0" or a menu choice while being asked: stop asking after a few tries instead of looping.
    if (prompt.attemptCount >= MAX_ADDRESS_ATTEMPTS || parseChoiceNumber(text) === 0) {
      prompt.recognized.value = '';
      return true;
    }
    return false;
  }
}

/** "9981 AB 12", "9981ab-12a", "٩٩٨١ AB ١٢" -> { postcode: "9981AB", houseNumber: "12A" }. */
export function parseAddress(text: string): Address | undefined {
  const western = text
    .replace(/[٠-٩]/g, (digit) => String(digit.charCodeAt(0) - 0x0660))
    .replace(/[۰-۹]/g, (digit) => String(digit.charCodeAt(0) - 0x06f0));
  const match = /\b([1-9]\d{3})\s*([a-zA-Z]{2})?\b[\s,.-]*(?:nr\.?|no\.?|huisnummer)?\s*(\d{1,5})\s*([a-zA-Z])?\b/.exec(western);
  if (!match) return undefined;
  const [, digits, letters, number, suffix] = match;
  return { postcode: `${digits}${(letters ?? '').toUpperCase()}`, houseNumber: `${number}${(suffix ?? '').toUpperCase()}` };
}

function isAddress(value: unknown): value is Address {
  return typeof value === 'object' && value !== null && 'postcode' in value && 'houseNumber' in value;
}

function formatPostcode(postcode: string): string {
  return postcode.length === 6 ? `${postcode.slice(0, 4)} ${postcode.slice(4)}` : postcode;
}
