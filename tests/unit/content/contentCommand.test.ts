import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { baseFixture, fixtureTopicsFile, removeFixtureTrees, writeFixtureTree } from '../../fixtures/content/contentFixture.js';
import { runContentCommand } from '../../helpers/runContentCommand.js';

afterAll(removeFixtureTrees);

describe('spreekuur content check', () => {
  it('exits 0 with only warnings, one line per problem and a summary', async () => {
    const dir = writeFixtureTree(baseFixture());
    const result = await runContentCommand(['check', '--dir', dir, '--topics', fixtureTopicsFile, '--today', '2027-07-01']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^warning +review-overdue +node \S+: review date 2027-06-30 has passed$/);
    expect(lines[3]).toBe('content check ok: 0 error(s), 3 warning(s) in 3 node(s) and 1 tenant(s)');
  });

  it('exits 1 on an error and lists errors before warnings', async () => {
    const fixture = baseFixture();
    fixture.nodes = fixture.nodes.filter((node) => node.id !== 'huisarts.spoed');
    const result = await runContentCommand(['check', '--dir', writeFixtureTree(fixture), '--topics', fixtureTopicsFile, '--today', '2027-07-01']);
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines.slice(0, 2).every((line) => line.startsWith('error '))).toBe(true);
    expect(lines.at(-1)).toMatch(/^content check FAILED: 2 error\(s\)/);
  });

  it('fails when an emergency phrase catches an everyday example, or a signal file is broken', async () => {
    const dir = writeFixtureTree(baseFixture());
    mkdirSync(join(dir, 'signals'));
    const emergency = { signal: 'emergency', groups: { 'nood.112': { topic: 'nood.112', phrases: { nl: ['spoed'] } } } };
    writeFileSync(join(dir, 'signals', 'emergency.yaml'), JSON.stringify(emergency));
    const falseAlarm = await runContentCommand(['check', '--dir', dir, '--topics', fixtureTopicsFile, '--today', '2027-07-01']);
    expect(falseAlarm.code).toBe(1);
    expect(falseAlarm.stdout).toMatch(/^error +false-alarm +node huisarts\.spoed: nl example "spoed nl 1" raises the emergency alarm \(lexicon phrase "spoed"\)$/m);

    writeFileSync(join(dir, 'signals', 'emergency.yaml'), 'signal: emergency\ngroups: {x: {phrases: {xx: [a]}}}\n');
    const broken = await runContentCommand(['check', '--dir', dir, '--topics', fixtureTopicsFile, '--today', '2027-07-01']);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/^error +invalid-file +signals: .*emergency\.yaml/m);
  });

  it('prints the report as JSON with --json', async () => {
    const dir = writeFixtureTree(baseFixture());
    const result = await runContentCommand(['check', '--json', '--dir', dir, '--topics', fixtureTopicsFile, '--today', '2026-01-15']);
    expect(result.code).toBe(0);
    const report: unknown = JSON.parse(result.stdout);
    expect(report).toEqual(
      expect.objectContaining({
        ok: true,
        today: '2026-01-15',
        errors: 0,
        warnings: 0,
        problems: [],
        topics: {
          'toeslagen.zorgtoeslag': expect.objectContaining({ scope: 'national' }),
          'afval.ophaaldagen': expect.objectContaining({ scope: 'local' }),
          'huisarts.spoed': expect.objectContaining({ scope: 'local' }),
        },
      }),
    );
  });

  it('fails with a clear message when the topics spec cannot be read', async () => {
    const result = await runContentCommand(['check', '--dir', writeFixtureTree(baseFixture()), '--topics', '/nonexistent/topics.yaml']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('cannot read the topics spec /nonexistent/topics.yaml');
  });
});

describe('spreekuur content schema', () => {
  it('writes a JSON Schema per file kind, with the topic keys as an enum', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spreekuur-schema-'));
    try {
      const result = await runContentCommand(['schema', '--dir', dir, '--topics', fixtureTopicsFile]);
      expect(result.code).toBe(0);
      for (const file of ['node', 'areas', 'tenant', 'schedule', 'waste', 'answer']) expect(existsSync(join(dir, 'schema', `${file}.json`))).toBe(true);
      const node: unknown = JSON.parse(readFileSync(join(dir, 'schema', 'node.json'), 'utf8'));
      expect(node).toMatchObject({
        $schema: 'http://json-schema.org/draft-07/schema#',
        properties: { topic: { enum: ['toeslagen.zorgtoeslag', 'afval.ophaaldagen', 'huisarts.spoed'] } },
      });
      // Fields with a default are optional to a writer.
      expect(node).toMatchObject({ required: expect.not.arrayContaining(['phones', 'order']) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
