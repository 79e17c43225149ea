// HTML built from tagged templates: every interpolated value is escaped unless
// it is already SafeHtml, so a message body can never become markup.
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (char) => escapes[char] ?? char);
}

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Markup that is trusted as is (the output of html``); never pass user text. */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/**
 * Bidi overrides (LRO, RLO) reverse the text after them; in a message they
 * are nearly always a spoof (a file name that reads backwards), so they are
 * shown as visible marks. Embeddings and isolates are left to dir="auto" and
 * unicode-bidi: isolate on the bubble.
 */
export function textWithVisibleControls(text: string): SafeHtml {
  const parts = text.split(/([\u202D\u202E])/u);
  return html`${parts.map((part) =>
    part === '\u202E' || part === '\u202D'
      ? html`<span class="bidi-control" title="U+${part.codePointAt(0)?.toString(16).toUpperCase()}">[U+${part.codePointAt(0)?.toString(16).toUpperCase()}]</span>`
      : part,
  )}`;
}
