// `npm run bench`: Parley's speed and write-cost figures, printed as a table and saved as JSON.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchDataAtScale } from './dataAtScale.ts';
import { benchHistory } from './history.ts';
import { benchLongChat } from './longChat.ts';
import { met, type Figure } from './measure.ts';
import { benchRenderer } from './renderer.ts';
import { benchStreaming } from './streaming.ts';

const figures: Figure[] = [...(await benchStreaming()), ...(await benchHistory()), ...(await benchLongChat()), ...(await benchRenderer()), ...(await benchDataAtScale())];

const width = Math.max(...figures.map((f) => f.name.length));
console.log(`Parley benchmark (Node ${process.versions.node}, ${process.platform}; medians)\n`);
for (const figure of figures) {
  const value = figure.value < 10 ? figure.value.toFixed(2) : figure.value.toFixed(0);
  const target = figure.target === undefined ? '' : `target ${figure.better === 'higher' ? '≥' : '≤'} ${figure.target} ${figure.unit}`;
  console.log(`${figure.name.padEnd(width)}  ${`${value} ${figure.unit}`.padStart(12)}  ${target.padEnd(22)} ${met(figure)}`);
}
const out = join(import.meta.dirname, '..', 'test-results', 'bench.json');
mkdirSync(join(out, '..'), { recursive: true });
writeFileSync(out, JSON.stringify({ node: process.versions.node, at: new Date().toISOString(), figures }, null, 2));
console.log(`\nsaved ${out}`);
