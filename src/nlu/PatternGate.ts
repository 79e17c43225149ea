// The regular expressions of a signal lexicon would run on every message. Most of them
// can only match where a word of the message starts with one of a few literal words
// ("(?:^| )(?:vader|moeder|...)..."): the gate reads those words off each expression
// once, and lets an expression run only when some word of the message starts with one
// of them. An expression whose first words it cannot read always runs.

/** Patterns start like this when what follows must begin a word of the text. */
const wordStartWrappers = ['^(?=(?:.* )?', '^(?=.*(?:^| )', '(?:^| )'];
const special = new Set(['\\', '(', ')', '[', ']', '{', '}', '?', '*', '+', '|', '.', '^', '$', ' ']);
const optionalMarks = new Set(['?', '*', '{']);

interface GateNode {
  children: Map<number, GateNode>;
  patterns: number[];
}

export class PatternGate {
  private readonly root: GateNode = { children: new Map(), patterns: [] };
  private readonly always: Uint8Array;
  private readonly openAt: Int32Array;
  private generation = 0;

  constructor(sources: readonly string[]) {
    this.always = new Uint8Array(sources.length);
    this.openAt = new Int32Array(sources.length);
    sources.forEach((source, i) => {
      const starts = wordStarts(source);
      if (!starts) this.always[i] = 1;
      else for (const start of starts) this.add(start, i);
    });
  }

  /** Opens the expressions that may match `text` (normalised: words separated by single spaces), until the next call: see `isOpen`. */
  open(text: string): void {
    const generation = ++this.generation;
    let node: GateNode | undefined = this.root;
    for (let at = 0; at <= text.length; at++) {
      const unit = at < text.length ? text.charCodeAt(at) : 0x20;
      if (unit === 0x20) {
        node = this.root;
        continue;
      }
      node = node?.children.get(unit);
      if (node) for (const i of node.patterns) this.openAt[i] = generation;
    }
  }

  /** Whether expression `i` may match the text of the last `open`. */
  isOpen(i: number): boolean {
    return this.always[i] === 1 || this.openAt[i] === this.generation;
  }

  private add(start: string, pattern: number): void {
    let node = this.root;
    for (let i = 0; i < start.length; i++) {
      const unit = start.charCodeAt(i);
      let child = node.children.get(unit);
      if (!child) node.children.set(unit, (child = { children: new Map(), patterns: [] }));
      node = child;
    }
    node.patterns.push(pattern);
  }
}

/** The literal starts one of which a match must begin a word with, or undefined when they cannot be read. */
export function wordStarts(source: string): string[] | undefined {
  const wrapper = wordStartWrappers.find((prefix) => source.startsWith(prefix));
  if (wrapper === undefined) return undefined;
  const rest = source.slice(wrapper.length);
  if (!rest.startsWith('(?:')) {
    const start = literalStart(rest);
    return start ? [start] : undefined;
  }
  const group = readGroup(rest);
  if (!group || optionalMarks.has(rest.charAt(group.close + 1))) return undefined;
  const starts = group.alternatives.map(literalStart);
  return starts.every((start) => start.length > 0) ? starts : undefined;
}

/** The letters an alternative certainly begins with (a letter made optional by what follows it is left out). */
function literalStart(alternative: string): string {
  let end = 0;
  while (end < alternative.length && !special.has(alternative.charAt(end))) end++;
  if (end > 0 && optionalMarks.has(alternative.charAt(end))) end--;
  return alternative.slice(0, end);
}

/** The group `(?:...)` at the start of `text`: its top-level alternatives and the index of its closing parenthesis. */
function readGroup(text: string): { alternatives: string[]; close: number } | undefined {
  const alternatives: string[] = [];
  let depth = 0;
  let from = 3;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '\\') i++;
    else if (ch === '[') i = classEnd(text, i);
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) {
      alternatives.push(text.slice(from, i));
      return { alternatives, close: i };
    } else if (ch === '|' && depth === 1) {
      alternatives.push(text.slice(from, i));
      from = i + 1;
    }
  }
  return undefined;
}

function classEnd(text: string, from: number): number {
  for (let i = from + 1; i < text.length; i++) {
    if (text.charAt(i) === '\\') i++;
    else if (text.charAt(i) === ']') return i;
  }
  return text.length;
}
