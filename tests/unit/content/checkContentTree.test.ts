import { existsSync, readFileSync } from 'node:fs';
import { checkContentTree } from '../../../src/content/checkContentTree.js';
import type { ContentReport, ProblemKind } from '../../../src/content/contentReport.js';
import { readContentTree } from '../../../src/content/loadContentTree.js';
import {
  type Fixture,
  allLocales,
  baseFixture,
  fixtureToday,
  fixtureTopics,
  removeFixtureTrees,
  writeFixtureTree,
} from '../../fixtures/content/contentFixture.js';

afterAll(removeFixtureTrees);

async function check(change: (fixture: Fixture) => void = () => {}, today = fixtureToday): Promise<ContentReport> {
  const fixture = baseFixture();
  change(fixture);
  const { tree, problems } = await readContentTree(writeFixtureTree(fixture));
  return checkContentTree(tree, fixtureTopics, {
    today,
    readFile: (file) => (existsSync(file) ? readFileSync(file, 'utf8') : undefined),
    loadProblems: problems,
  });
}

function kinds(report: ContentReport): ProblemKind[] {
  return report.problems.map((problem) => problem.kind);
}

function node(fixture: Fixture, id: string): Fixture['nodes'][number] {
  const found = fixture.nodes.find((item) => item.id === id);
  if (!found) throw new Error(`fixture has no node ${id}`);
  return found;
}

function firstTenant(fixture: Fixture): Fixture['tenants'][number] {
  const [tenant] = fixture.tenants;
  if (!tenant) throw new Error('fixture has no tenant');
  return tenant;
}

describe('checkContentTree', () => {
  it('finds nothing wrong in the complete fixture tree', async () => {
    const report = await check();
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('fails on a topic from topics.yaml that no node answers', async () => {
    const report = await check((fixture) => {
      fixture.nodes = fixture.nodes.filter((item) => item.id !== 'afval.ophaaldagen');
    });
    expect(report.ok).toBe(false);
    expect(report.problems).toContainEqual(expect.objectContaining({ kind: 'missing-node', severity: 'error', where: 'topic afval.ophaaldagen' }));
  });

  it('fails on a node without one of the eight locales', async () => {
    const report = await check((fixture) => {
      delete node(fixture, 'toeslagen.zorgtoeslag').locales?.ti;
    });
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      expect.objectContaining({ kind: 'missing-locale', where: 'node toeslagen.zorgtoeslag', message: 'no ti translation' }),
    ]);
  });

  it('fails on a topic key that topics.yaml does not have', async () => {
    const report = await check((fixture) => {
      fixture.nodes.push({ ...node(fixture, 'toeslagen.zorgtoeslag'), id: 'toeslagen.extra', topic: 'toeslagen.onbekend' });
    });
    expect(report.ok).toBe(false);
    expect(kinds(report)).toEqual(['unknown-topic']);
    expect(report.topics['toeslagen.onbekend']?.scope).toBe('unknown');
  });

  it('fails on a follow-up to a node that does not exist', async () => {
    const report = await check((fixture) => {
      node(fixture, 'toeslagen.zorgtoeslag').follow_ups = [{ node: 'toeslagen.wijziging' }];
    });
    expect(report.problems).toEqual([
      expect.objectContaining({ kind: 'broken-reference', message: 'follow-up node toeslagen.wijziging does not exist' }),
    ]);
  });

  it('fails on a partner topic that does not exist', async () => {
    const report = await check((fixture) => {
      firstTenant(fixture).tenant.partners?.[0]?.topics?.push('huisarts.nacht');
    });
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'broken-reference', where: 'tenant testdorp' })]);
    expect(report.problems[0]?.message).toContain('huisarts.nacht');
  });

  it('fails on a waste calendar file that does not exist, or that cannot be read as a calendar', async () => {
    const missing = await check((fixture) => {
      firstTenant(fixture).calendars = { 'noord.ics': 'noord.ics' };
    });
    expect(missing.problems).toEqual([expect.objectContaining({ kind: 'broken-reference', where: 'tenant testdorp' })]);
    expect(missing.problems[0]?.message).toContain('calendars/zuid.csv');

    const broken = await check((fixture) => {
      firstTenant(fixture).calendars = { 'noord.ics': 'monthly.ics', 'zuid.csv': 'zuid.csv' };
    });
    expect(kinds(broken)).toEqual(['invalid-calendar']);
  });

  it('fails on an answer over the 1600-character channel limit and warns over 600', async () => {
    const tooLong = await check((fixture) => {
      node(fixture, 'afval.ophaaldagen').locales = allLocales('x'.repeat(1601), 'ophaaldag');
    });
    expect(tooLong.ok).toBe(false);
    expect(new Set(kinds(tooLong))).toEqual(new Set(['answer-too-long']));
    expect(tooLong.errors).toBe(8);

    const long = await check((fixture) => {
      node(fixture, 'afval.ophaaldagen').locales = allLocales('x'.repeat(601), 'ophaaldag');
    });
    expect(long.ok).toBe(true);
    expect(new Set(kinds(long))).toEqual(new Set(['long-answer']));
  });

  it('fails on a node or partner phone number that is not Dutch-formatted', async () => {
    const nodePhone = await check((fixture) => {
      node(fixture, 'toeslagen.zorgtoeslag').phones = ['0800-0543', '12345'];
    });
    expect(nodePhone.problems).toContainEqual(expect.objectContaining({ kind: 'invalid-phone', severity: 'error' }));
    expect(nodePhone.problems.find((item) => item.kind === 'invalid-phone')?.where).toContain('toeslagen.zorgtoeslag.yaml');

    const partnerPhone = await check((fixture) => {
      const partner = firstTenant(fixture).tenant.partners?.[0];
      if (partner) partner.phone = '+44 20 7946 0958';
    });
    expect(kinds(partnerPhone)).toContain('invalid-phone');
    expect(partnerPhone.ok).toBe(false);
  });

  it('fails on a phone number in an answer written in a way that cannot be dialled', async () => {
    const report = await check((fixture) => {
      node(fixture, 'toeslagen.zorgtoeslag').locales = allLocales('Bel 0800 05 43 (gratis).', 'zorgtoeslag');
    });
    expect(new Set(kinds(report))).toEqual(new Set(['invalid-phone']));
  });

  it("fails on a phone number in an answer that is not listed in the node's phones", async () => {
    const report = await check((fixture) => {
      node(fixture, 'toeslagen.zorgtoeslag').phones = [];
    });
    expect(new Set(kinds(report))).toEqual(new Set(['unlisted-phone']));
    expect(report.errors).toBe(8);
    expect(report.problems[0]?.message).toContain('0800-0543');
  });

  it("checks a tenant's local answers against the node's and the tenant's own numbers", async () => {
    const report = await check((fixture) => {
      firstTenant(fixture).answers = [
        { node: 'huisarts.spoed', locales: { nl: { answer: 'Bel de huisartsenpost: 0900-1234567. Levensgevaar: 112. Of 050-7654321.' } } },
        { node: 'huisarts.nacht', locales: { nl: { answer: 'Bel 112.' } } },
      ];
    });
    expect(report.problems).toHaveLength(2);
    expect(report.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'unlisted-phone', where: 'tenant testdorp answer huisarts.spoed (nl)', message: expect.stringContaining('050-7654321') }),
        expect.objectContaining({ kind: 'broken-reference', message: expect.stringContaining('huisarts.nacht') }),
      ]),
    );
  });

  it("checks numbers in a tenant's own texts against its partners' and huisartsenpost numbers", async () => {
    const report = await check((fixture) => {
      const partner = firstTenant(fixture).tenant.partners?.[0];
      if (partner) partner.does = { nl: 'Spoedzorg, bel 0900-1234567', en: 'Urgent care, call 050-1111111' };
    });
    expect(report.problems).toEqual([
      expect.objectContaining({ kind: 'unlisted-phone', where: 'tenant testdorp partner huisartsenpost-noord (en)' }),
    ]);
  });

  it('only warns when a review date has passed', async () => {
    const report = await check(() => {}, '2027-07-01');
    expect(report.ok).toBe(true);
    expect(report.warnings).toBe(3);
    expect(new Set(kinds(report))).toEqual(new Set(['review-overdue']));
  });

  it('warns about translations of an older Dutch revision, and about few examples', async () => {
    const report = await check((fixture) => {
      node(fixture, 'huisarts.spoed').revision = 3;
      const nl = node(fixture, 'afval.ophaaldagen').locales?.nl;
      if (nl) nl.examples = ['wanneer gft'];
    });
    expect(report.ok).toBe(true);
    expect(report.problems.filter((item) => item.kind === 'stale-translation')).toHaveLength(7);
    expect(report.problems.filter((item) => item.kind === 'few-examples')).toEqual([
      expect.objectContaining({ where: 'node afval.ophaaldagen', message: 'nl has 1 examples, fewer than 12' }),
    ]);
  });

  it('warns about local gaps and lists them per topic and tenant in the report', async () => {
    const report = await check((fixture) => {
      fixture.tenants.push({ tenant: { key: 'leegdorp', name: 'Gemeente Leegdorp' } });
    });
    expect(report.ok).toBe(true);
    expect(report.problems.every((item) => item.kind === 'local-gap' && item.where === 'tenant leegdorp')).toBe(true);
    expect(report.problems.map((item) => item.message)).toEqual([
      expect.stringContaining('no waste calendar'),
      expect.stringContaining('no municipality_website'),
      expect.stringContaining('no huisartsenpost_phone'),
      expect.stringContaining('no partner for topic huisarts.spoed'),
    ]);
    expect(report.topics['huisarts.spoed']?.nodes[0]?.gaps).toEqual({ leegdorp: ['huisartsenpost', 'partners'] });
    expect(report.topics['afval.ophaaldagen']?.nodes[0]?.gaps).toEqual({ leegdorp: ['waste', 'website'] });
  });

  it('reports per topic the locales with their status and example counts', async () => {
    const report = await check();
    const summary = report.topics['toeslagen.zorgtoeslag'];
    expect(summary?.scope).toBe('national');
    expect(summary?.nodes[0]?.locales.nl).toEqual({ status: 'source', examples: 12, answer_chars: 64 });
    expect(summary?.nodes[0]?.locales.ar).toEqual({ status: 'draft', from_revision: 1, examples: 12, answer_chars: 64 });
    expect(Object.keys(summary?.nodes[0]?.locales ?? {})).toHaveLength(8);
  });
});
