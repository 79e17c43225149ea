// The content is read with js-yaml (fast) but edited with `yaml` (keeps comments):
// both must read every shipped file alike.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseYamlText } from '../../../src/content/parseYamlText.js';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? yamlFiles(join(dir, entry.name)) : entry.name.endsWith('.yaml') ? [join(dir, entry.name)] : [],
  );
}

describe('parseYamlText', () => {
  const files = yamlFiles('content');

  it('finds the shipped content', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it.each(files)('reads %s as `yaml` does', (file) => {
    const text = readFileSync(file, 'utf8');
    expect(parseYamlText(text)).toEqual(parse(text));
  });

  it('keeps dates, yes/no and numbers-with-zeros as YAML 1.2 core does', () => {
    const text = 'date: 2026-01-05\nanswer: yes\nzip: 0612\ntime: 09:30\nempty:\n';
    expect(parseYamlText(text)).toEqual(parse(text));
    expect(parseYamlText(text)).toEqual({ date: '2026-01-05', answer: 'yes', zip: 612, time: '09:30', empty: null });
  });

  it('gives null for an empty text', () => {
    expect(parseYamlText('')).toBeNull();
  });

  it('rejects invalid YAML and repeated keys, saying where (line:column)', () => {
    expect(() => parseYamlText('a: [1, 2')).toThrow(/\(2:1\)/);
    expect(() => parseYamlText('a: 1\na: 2\n')).toThrow(/duplicated mapping key/);
  });
});
