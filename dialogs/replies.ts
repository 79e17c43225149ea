// Builds the bot's numbered replies: menus, answers with follow-ups, the
// language and municipality pickers. Each returns the text and the choices
// the numbers stand for, which the main dialog keeps for the next turn.
import { ActionTypes, type Activity, MessageFactory } from 'botbuilder';
import type { ContentTree, TenantContent } from '../src/content/loadContentTree.js';
import { nodeTitle, renderAnswer } from '../src/content/renderAnswer.js';
import { type ContentNode, type FollowUp, type Locale, localeCodes } from '../src/content/schema.js';
import type { Translate } from './ports.js';
import type { Choice } from './session.js';

export interface Reply {
  text: string;
  choices: Choice[];
}

export const languageNames: Record<Locale, string> = {
  nl: 'Nederlands',
  en: 'English',
  ar: 'العربية',
  ti: 'ትግርኛ',
  fa: 'فارسی / دری',
  tr: 'Türkçe',
  uk: 'Українська',
  so: 'Soomaali',
};

/** The reply as an activity: numbered lines in the text, the same choices as buttons where the channel has them. */
export function toActivity(reply: Reply, labels: string[]): Partial<Activity> {
  const activity = MessageFactory.text(reply.text);
  if (labels.length > 0) {
    activity.suggestedActions = {
      to: [],
      actions: labels.map((title, index) => ({ type: ActionTypes.ImBack, title, value: String(index + 1) })),
    };
  }
  return activity;
}

export function numbered(labels: string[]): string {
  return labels.map((label, index) => `${index + 1}. ${label}`).join('\n');
}

export interface Labelled extends Reply {
  labels: string[];
}

export function mainMenu(tree: ContentTree, locale: Locale, t: Translate): Labelled {
  const areas = tree.areas.filter((area) => [...tree.nodes.values()].some((node) => node.area === area.key));
  const labels = [...areas.map((area) => `${area.emoji} ${area.titles[locale] ?? area.titles.en ?? area.key}`.trim()), `🙋 ${t(locale, 'menu.person')}`];
  const choices: Choice[] = [...areas.map((area): Choice => ({ kind: 'area', key: area.key })), { kind: 'person', topic: null }];
  return { text: `${t(locale, 'menu.intro')}\n\n${numbered(labels)}`, choices, labels };
}

export function areaMenu(tree: ContentTree, areaKey: string, locale: Locale, t: Translate): Labelled {
  const area = tree.areas.find((candidate) => candidate.key === areaKey);
  const nodes = [...tree.nodes.values()].filter((node) => node.area === areaKey).sort((a, b) => a.order - b.order);
  const labels = nodes.map((node) => nodeTitle(node, locale));
  const title = area ? (area.titles[locale] ?? area.titles.en ?? area.key) : areaKey;
  return {
    text: `${t(locale, 'area.intro', { area: title })}\n\n${numbered(labels)}\n\n${t(locale, 'menu.back')}`,
    choices: nodes.map((node): Choice => ({ kind: 'node', id: node.id })),
    labels,
  };
}

export function languagePicker(locale: Locale, t: Translate): Labelled {
  const labels = localeCodes.map((code) => languageNames[code]);
  return {
    text: `${t(locale, 'language.prompt')}\n\n${numbered(labels)}`,
    choices: localeCodes.map((code): Choice => ({ kind: 'lang', locale: code })),
    labels,
  };
}

export function tenantPicker(tree: ContentTree, locale: Locale, t: Translate, then: string | undefined): Labelled {
  const tenants = [...tree.tenants.values()];
  const labels = tenants.map((tenant) => tenant.tenant.name);
  return {
    text: `${t(locale, 'tenant.prompt')}\n\n${numbered(labels)}`,
    choices: tenants.map((tenant): Choice => ({ kind: 'tenant', key: tenant.tenant.key, ...(then ? { then } : {}) })),
    labels,
  };
}

/** A node's answer with its follow-ups numbered underneath. */
export function answerReply(tree: ContentTree, node: ContentNode, locale: Locale, tenant: TenantContent | undefined, t: Translate): Labelled {
  const body = renderAnswer(node, locale, tenant, (key, values) => t(locale, key, values));
  const choices: Choice[] = [];
  const labels: string[] = [];
  // A handoff topic answered as information: the volunteer stays one choice away.
  const followUps: FollowUp[] = node.action === 'handoff' && !node.follow_ups.some((followUp) => 'action' in followUp && followUp.action === 'handoff')
    ? [...node.follow_ups, { action: 'handoff' }]
    : node.follow_ups;
  for (const followUp of followUps) {
    if ('node' in followUp) {
      const next = tree.nodes.get(followUp.node);
      if (!next) continue;
      choices.push({ kind: 'node', id: next.id });
      labels.push(nodeTitle(next, locale));
    } else if (followUp.action === 'appointment') {
      choices.push({ kind: 'appointment', topic: node.topic });
      labels.push(t(locale, 'answer.appointment'));
    } else {
      choices.push({ kind: 'person', topic: node.topic });
      labels.push(t(locale, 'answer.person'));
    }
  }
  const more = labels.length > 0 ? `\n\n${t(locale, 'answer.more')}\n${numbered(labels)}` : '';
  return { text: `${body}${more}\n\n${t(locale, 'menu.back')}`, choices, labels };
}

/** When the router hesitates: its best guesses, plus a volunteer. */
export function unsureReply(tree: ContentTree, topics: string[], locale: Locale, t: Translate): Labelled {
  const nodes = topics.map((topic) => [...tree.nodes.values()].find((node) => node.topic === topic)).filter((node) => node !== undefined);
  const labels = [...nodes.map((node) => nodeTitle(node, locale)), t(locale, 'unsure.person')];
  const choices: Choice[] = [...nodes.map((node): Choice => ({ kind: 'node', id: node.id })), { kind: 'person', topic: null }];
  return { text: `${t(locale, 'unsure.intro')}\n\n${numbered(labels)}\n\n${t(locale, 'menu.back')}`, choices, labels };
}
