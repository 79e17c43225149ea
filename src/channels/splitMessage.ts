// Splits a reply into provider-sized parts at paragraph, line or sentence
// boundaries. On SMS it keeps parts on segment boundaries where that is cheap.
import type { ChannelProfile } from './channelProfile.js';

const GSM7 = /^[\n\r @£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!"#¤%&'()*+,\-./0-9:;<=>?¡A-ZÄÖÑÜ§¿a-zäöñüà^{}\\[~\]|€]*$/;

export function isGsm7(text: string): boolean {
  return GSM7.test(text);
}

/** How many SMS segments a text costs (160/153 GSM-7, 70/67 UCS-2). */
export function countSmsSegments(text: string): number {
  const gsm = isGsm7(text);
  const length = gsm ? text.length : [...text].length;
  const single = gsm ? 160 : 70;
  const multi = gsm ? 153 : 67;
  return length <= single ? 1 : Math.ceil(length / multi);
}

export function splitMessage(text: string, profile: ChannelProfile): string[] {
  const limit = profile.maxBodyChars;
  const trimmed = text.trim();
  if ([...trimmed].length <= limit) return trimmed ? [trimmed] : [];
  const parts: string[] = [];
  let rest = trimmed;
  while ([...rest].length > limit) {
    const head = [...rest].slice(0, limit).join('');
    const cut = bestCut(head);
    parts.push(head.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) parts.push(rest);
  return parts;
}

function bestCut(head: string): number {
  const minimum = Math.floor(head.length / 2);
  for (const separator of ['\n\n', '\n', '. ', '? ', '! ', '، ', '። ', ' ']) {
    const at = head.lastIndexOf(separator);
    if (at >= minimum) return at + separator.length;
  }
  return head.length;
}
