// `npm run bench`: Parley's speed and write-cost figures, each a median with its spread, grouped, with
// the machine's load before and after each group. A full run (no PARLEY_BENCH_* setting) writes
// bench/results/latest.json and latest.md, which are committed; any other run writes test-results/.
// PARLEY_BENCH_ONLY=chat-stream|history|long-chat|data runs one group; streaming|long|sidebar|hostile
// runs that one scenario of the renderer group (bench/renderer.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { benchDataAtScale } from './dataAtScale.ts';
import { benchHistory } from './history.ts';
import { cpuModel, formatLoad, loadNow } from './load.ts';
import { benchLongChat } from './longChat.ts';
import type { Figure } from './measure.ts';
import { benchRenderer } from './renderer.ts';
import { benchSettings, consoleLine, markdown, resultsPaths, type BenchResults, type GroupResult } from './report.ts';
import { benchStreaming } from './streaming.ts';

const RENDERER_SCENARIOS = ['streaming', 'long', 'sidebar', 'hostile'];
const groups: { name: string; run: () => Promise<Figure[]> }[] = [
  { name: 'chat-stream', run: benchStreaming },
  { name: 'history', run: benchHistory },
  { name: 'long-chat', run: benchLongChat },
  { name: 'renderer', run: benchRenderer },
  { name: 'data', run: benchDataAtScale },
];

const only = process.env['PARLEY_BENCH_ONLY'];
const chosen = only === undefined || only === '' ? groups : groups.filter((g) => g.name === only || (g.name === 'renderer' && RENDERER_SCENARIOS.includes(only)));
if (chosen.length === 0) {
  console.error(`PARLEY_BENCH_ONLY=${only}: not a group (${groups.filter((g) => g.name !== 'renderer').map((g) => g.name).join(', ')}) nor a renderer scenario (${RENDERER_SCENARIOS.join(', ')})`);
  process.exit(2);
}

const settings = benchSettings(process.env);
const results: BenchResults = {
  at: new Date().toISOString(),
  node: process.versions.node,
  platform: process.platform,
  cpuModel: cpuModel(),
  cpus: loadNow().cpus,
  settings,
  groups: [],
};
console.log(`Parley benchmark (Node ${results.node}, ${results.platform}, ${results.cpuModel} × ${results.cpus}; medians, spread min–max)`);
for (const group of chosen) {
  const before = loadNow();
  const figures = await group.run();
  const result: GroupResult = { group: group.name, before, after: loadNow(), figures };
  results.groups.push(result);
  const width = Math.max(...figures.map((f) => f.name.length), 0);
  console.log(`\n${group.name} (before: ${formatLoad(result.before)}; after: ${formatLoad(result.after)})`);
  for (const figure of figures) console.log(consoleLine(figure, width));
}

const paths = resultsPaths(join(import.meta.dirname, '..'), settings);
mkdirSync(dirname(paths.json), { recursive: true });
writeFileSync(paths.json, `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(paths.md, markdown(results));
console.log(`\nsaved ${paths.json} and ${paths.md}${Object.keys(settings).length > 0 ? ' (not a full run: bench/results/ left as it was)' : ''}`);
