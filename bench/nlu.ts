// `npm run bench:nlu`: Spreekuur's router against two peers trained on the same
// content examples (nlp.js and natural's BayesClassifier), on ../shared/eval/dev.jsonl:
// accuracy (scored as routing-contract.md says), latency per message with a ratio
// to the baseline (natural) measured in the same run, the routers taking turns, Spreekuur's throughput on
// one core, and its start-up time (load the content tree, build the index).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LangEn, Nlp, containerBootstrap } from '@nlpjs/basic';
import classifiers from 'natural/lib/natural/classifiers/index.js';
import { loadContentTree } from '../src/content/loadContentTree.js';
import { buildRouterIndex } from '../src/nlu/buildRouterIndex.js';
import { routeMessage } from '../src/nlu/routeMessage.js';
import { type LabelledLine, type RoutedLine, parseLabelledLines, summariseScores } from '../src/nlu/scoreRoutes.js';

type Router = (text: string) => RoutedLine | Promise<RoutedLine>;
interface Row {
  name: string;
  accuracy: number;
  /** Mean per message of the first pass after training: the router not yet optimised by the JIT. */
  firstMs: number;
  meanMs: number;
  p95Ms: number;
  /** The same, measured with the router's passes back to back, no other router in between (a service routing only). */
  aloneMs: number;
  aloneP95Ms: number;
  trainMs: number;
}

const cpuMs = (): number => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

async function main(): Promise<void> {
  const devFile = resolve(process.argv[2] ?? resolve('..', 'shared', 'eval', 'dev.jsonl'));
  const { lines } = parseLabelledLines(readFileSync(devFile, 'utf8'));
  const contentDir = process.env.CONTENT_DIR ?? 'content';

  const startedWall = performance.now();
  const startedCpu = cpuMs();
  const tree = await loadContentTree(contentDir);
  const index = buildRouterIndex(tree);
  const startup = { wallMs: performance.now() - startedWall, cpuMs: cpuMs() - startedCpu };

  const examples = [...tree.nodes.values()].flatMap((node) =>
    Object.values(node.locales).flatMap((locale) => [...(locale?.examples ?? []), ...(locale?.keywords ?? [])].map((text) => ({ text, topic: node.topic }))),
  );
  const actionOf = (topic: string | undefined): RoutedLine => {
    const node = topic ? [...tree.nodes.values()].find((candidate) => candidate.topic === topic) : undefined;
    return node ? { lang: '', topic: node.topic, action: node.action } : { lang: '', topic: null, action: 'handoff' };
  };

  const spreekuur: Router = (text) => routeMessage(text, {}, index);
  const rows = await measureAll(lines, [
    { name: 'natural Bayes (baseline)', ...(await naturalPeer(examples, actionOf)) },
    { name: 'nlp.js (@nlpjs/basic)', ...(await nlpjsPeer(examples, actionOf)) },
    { name: 'Spreekuur', route: spreekuur, trainMs: startup.wallMs },
  ]);

  const pairs = lines.map((label) => ({ label, routed: routeMessage(label.text, {}, index) }));
  const report = summariseScores(pairs);
  printTable(rows);
  const throughput = measureThroughput(lines, spreekuur);
  process.stdout.write(
    `\nSpreekuur: language id ${(report.langId * 100).toFixed(1)}%, missed emergencies ${report.missedEmergencies}\n` +
      `Spreekuur throughput on one core: ${throughput.toFixed(0)} messages/s (CPU time of ${lines.length * 20} routings)\n` +
      `Spreekuur start-up (load content + build index): ${startup.wallMs.toFixed(0)} ms wall, ${startup.cpuMs.toFixed(0)} ms CPU ` +
      `(build ${index.stats.buildMs.toFixed(0)} ms: ${Object.entries(index.stats.phases).map(([phase, ms]) => `${phase} ${ms}`).join(', ')}; ` +
      `${index.stats.documents} training texts, ${index.stats.features} features)\n`,
  );
}

const rounds = 5;
/**
 * Passes before the timed ones. V8 optimises a router's code while it runs; measured alone,
 * Spreekuur's passes settled after about ten (2,200 messages) and nlp.js's sooner. A
 * service routes far more than that, so the figure that counts is the settled one; the
 * first pass is printed beside it.
 */
const warmUpPasses = 10;

/**
 * Accuracy from one pass, latency from `rounds` timed passes after `warmUpPasses` warm-up
 * passes (the first of which is timed as the cold figure). The routers take turns pass by
 * pass, so a busy moment of the machine falls on all of them alike; a router's latency is
 * its median pass (mean per message) and its p95 the 95th percentile of all its timed messages.
 * Taking turns also empties the processor's caches for each router: every pass starts
 * after 220 messages of the others (natural's classifier alone reads tens of megabytes).
 * A service routes only, so each router is then also timed alone: `rounds` passes back to
 * back, after one untimed pass to fill the caches again.
 */
async function measureAll(lines: readonly LabelledLine[], peers: readonly { name: string; route: Router; trainMs: number }[]): Promise<Row[]> {
  const first = peers.map(() => 0);
  for (let pass = 0; pass < warmUpPasses; pass++) {
    for (const [i, peer] of peers.entries()) {
      const started = performance.now();
      for (const line of lines) await peer.route(line.text);
      if (pass === 0) first[i] = (performance.now() - started) / Math.max(lines.length, 1);
    }
  }
  const turns = peers.map(newTimings);
  for (let round = 0; round < rounds; round++) {
    for (const [i, peer] of peers.entries()) await timePass(lines, peer.route, turns[i]!);
  }
  const alone = peers.map(newTimings);
  for (const [i, peer] of peers.entries()) {
    for (const line of lines) await peer.route(line.text);
    for (let round = 0; round < rounds; round++) await timePass(lines, peer.route, alone[i]!);
  }
  const rows: Row[] = [];
  for (const [i, peer] of peers.entries()) {
    const pairs: { label: LabelledLine; routed: RoutedLine }[] = [];
    for (const label of lines) {
      const routed = await peer.route(label.text);
      pairs.push({ label, routed: { ...routed, lang: routed.lang || label.lang } });
    }
    rows.push({
      name: peer.name,
      accuracy: summariseScores(pairs).overall,
      firstMs: first[i] ?? 0,
      meanMs: median(turns[i]!.passes),
      p95Ms: percentile95(turns[i]!.times),
      aloneMs: median(alone[i]!.passes),
      aloneP95Ms: percentile95(alone[i]!.times),
      trainMs: peer.trainMs,
    });
  }
  return rows;
}

/** A router's timed passes (mean ms per message each) and every timed message (ms). */
interface Timings {
  passes: number[];
  times: number[];
}

const newTimings = (): Timings => ({ passes: [], times: [] });

/** Routes every line once, timing each message; adds the pass's mean and the message times to `into`. */
async function timePass(lines: readonly LabelledLine[], route: Router, into: Timings): Promise<void> {
  let sum = 0;
  for (const line of lines) {
    const started = performance.now();
    await route(line.text);
    const took = performance.now() - started;
    sum += took;
    into.times.push(took);
  }
  into.passes.push(sum / Math.max(lines.length, 1));
}

function percentile95(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length * 0.95)] ?? 0;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

// Throughput from CPU time, so other processes on the machine do not count against it.
function measureThroughput(lines: readonly LabelledLine[], route: Router): number {
  const started = cpuMs();
  for (let pass = 0; pass < 20; pass++) for (const line of lines) void route(line.text);
  return (lines.length * 20) / ((cpuMs() - started) / 1000);
}

async function naturalPeer(examples: readonly { text: string; topic: string }[], actionOf: (topic: string | undefined) => RoutedLine): Promise<{ route: Router; trainMs: number }> {
  const started = performance.now();
  const classifier = new classifiers.BayesClassifier();
  for (const { text, topic } of examples) classifier.addDocument(text, topic);
  classifier.train();
  return { route: (text) => actionOf(classifier.classify(text)), trainMs: performance.now() - started };
}

async function nlpjsPeer(examples: readonly { text: string; topic: string }[], actionOf: (topic: string | undefined) => RoutedLine): Promise<{ route: Router; trainMs: number }> {
  const started = performance.now();
  const container = await containerBootstrap();
  container.use(Nlp);
  container.use(LangEn);
  const nlp = container.get('nlp');
  Object.assign(nlp.settings, { autoSave: false, autoLoad: false, log: false });
  nlp.addLanguage('en');
  // nlp.js installs only English here; every language trains into the one model, as a plain set-up would.
  for (const { text, topic } of examples) nlp.addDocument('en', text, topic);
  const log = console.log;
  console.log = () => undefined; // nlp.js prints every training epoch
  try {
    await nlp.train();
  } finally {
    console.log = log;
  }
  return {
    route: async (text) => {
      const result = await nlp.process('en', text);
      return actionOf(result.intent === 'None' ? undefined : result.intent);
    },
    trainMs: performance.now() - started,
  };
}

function printTable(rows: readonly Row[]): void {
  const baseline = rows[0];
  const ratio = (value: number, base: number | undefined): string => `${(value / (base || 1)).toFixed(2)}x`;
  const header =
    `${'router'.padEnd(26)} ${'accuracy'.padStart(8)} ${'ms/msg'.padStart(8)} ${'p95 ms'.padStart(8)} ${'vs baseline'.padStart(12)} ` +
    `${'alone ms'.padStart(9)} ${'alone p95'.padStart(9)} ${'vs baseline'.padStart(12)} ${'1st pass'.padStart(9)} ${'train ms'.padStart(9)}`;
  const body = rows.map(
    (row) =>
      `${row.name.padEnd(26)} ${`${(row.accuracy * 100).toFixed(1)}%`.padStart(8)} ${row.meanMs.toFixed(3).padStart(8)} ${row.p95Ms.toFixed(3).padStart(8)} ` +
      `${ratio(row.meanMs, baseline?.meanMs).padStart(12)} ${row.aloneMs.toFixed(3).padStart(9)} ${row.aloneP95Ms.toFixed(3).padStart(9)} ` +
      `${ratio(row.aloneMs, baseline?.aloneMs).padStart(12)} ${row.firstMs.toFixed(3).padStart(9)} ${row.trainMs.toFixed(0).padStart(9)}`,
  );
  process.stdout.write(
    `${header}\n${body.join('\n')}\n` +
      `(ms/msg and p95: after ${warmUpPasses} warm-up passes, the routers taking turns pass by pass; alone: each router's ${rounds} passes back to back;\n` +
      ` 1st pass: ms/msg of the first pass after training)\n`,
  );
}

await main();
