// `npm run bench:nlu`: Spreekuur's router against two peers trained on the same
// content examples (nlp.js and natural's BayesClassifier), on ../shared/eval/dev.jsonl:
// accuracy (scored as routing-contract.md says), latency per message with a ratio
// to the baseline (natural) measured in the same run, Spreekuur's throughput on
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
  meanMs: number;
  p95Ms: number;
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

  const rows: Row[] = [];
  rows.push(await measure('natural Bayes (baseline)', lines, await naturalPeer(examples, actionOf)));
  rows.push(await measure('nlp.js (@nlpjs/basic)', lines, await nlpjsPeer(examples, actionOf)));
  const spreekuur: Router = (text) => routeMessage(text, {}, index);
  rows.push(await measure('Spreekuur', lines, { route: spreekuur, trainMs: startup.wallMs }));

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

async function measure(name: string, lines: readonly LabelledLine[], peer: { route: Router; trainMs: number }): Promise<Row> {
  // Two warm-up passes, so every router is measured with its code compiled.
  for (let pass = 0; pass < 2; pass++) for (const line of lines) await peer.route(line.text);
  const times: number[] = [];
  const pairs: { label: LabelledLine; routed: RoutedLine }[] = [];
  for (const label of lines) {
    const started = performance.now();
    const routed = await peer.route(label.text);
    times.push(performance.now() - started);
    pairs.push({ label, routed: { ...routed, lang: routed.lang || label.lang } });
  }
  times.sort((a, b) => a - b);
  const meanMs = times.reduce((a, b) => a + b, 0) / Math.max(times.length, 1);
  return { name, accuracy: summariseScores(pairs).overall, meanMs, p95Ms: times[Math.floor(times.length * 0.95)] ?? 0, trainMs: peer.trainMs };
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
  const baseline = rows[0]?.meanMs ?? 1;
  const header = `${'router'.padEnd(26)} ${'accuracy'.padStart(8)} ${'ms/msg'.padStart(8)} ${'p95 ms'.padStart(8)} ${'vs baseline'.padStart(12)} ${'train ms'.padStart(9)}`;
  const body = rows.map(
    (row) =>
      `${row.name.padEnd(26)} ${`${(row.accuracy * 100).toFixed(1)}%`.padStart(8)} ${row.meanMs.toFixed(3).padStart(8)} ${row.p95Ms.toFixed(3).padStart(8)} ${`${(row.meanMs / baseline).toFixed(2)}x`.padStart(12)} ${row.trainMs.toFixed(0).padStart(9)}`,
  );
  process.stdout.write(`${header}\n${body.join('\n')}\n`);
}

await main();
