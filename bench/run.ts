/**
 * `npm run bench [-- [--quick] [--goal N] [id…]]`: runs the measures of bench/measures and prints one table,
 * `measure | ours | reference | ratio | target | ✓/✗`, each ratio measured in this run. Writes the rows to
 * bench-output/results.json too. Timings are never test assertions: this is where targets are checked.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { measures } from './measures/index';
import { passes, type BenchRow } from './support/measure';
import { renderNotes, renderTable } from './support/table';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const goalIndex = args.indexOf('--goal');
const goal = goalIndex === -1 ? null : Number(args[goalIndex + 1]);
const ids = args.filter((a, i) => !a.startsWith('--') && (goalIndex === -1 || i !== goalIndex + 1));

const selected = measures
  .filter((m) => (goal === null || m.goal === goal) && (ids.length === 0 || ids.includes(m.id)))
  .sort((a, b) => a.goal - b.goal);
if (selected.length === 0) {
  console.error(`No measure matches. Known: ${measures.map((m) => `${m.id} (goal ${m.goal})`).join(', ')}`);
  process.exit(2);
}

const rows: (BenchRow & { goal: number; id: string })[] = [];
const log = (line: string) => process.stderr.write(`  ${line}\n`);
for (const measure of selected) {
  process.stderr.write(`── goal ${measure.goal}: ${measure.id}\n`);
  const started = performance.now();
  try {
    for (const row of await measure.run({ quick, log }))
      rows.push({ ...row, goal: measure.goal, id: measure.id });
  } catch (error) {
    console.error(`${measure.id} failed:`, error);
    rows.push({
      goal: measure.goal,
      id: measure.id,
      measure: `${measure.id} (failed to run)`,
      ours: Number.NaN,
      reference: null,
      unit: '',
      target: { on: 'ours', op: '<=', value: 0 },
      note: error instanceof Error ? error.message : String(error),
    });
  }
  log(`${((performance.now() - started) / 1000).toFixed(1)} s`);
}

console.log(`\nChart Sync benchmarks${quick ? ' (--quick: shortened runs, not for the record)' : ''}`);
console.log(`${cpus().length} cores, Node ${process.version}, ${new Date().toISOString()}\n`);
console.log(renderTable(rows));
const notes = renderNotes(rows);
if (notes) console.log(`\n${notes}`);
const verdicts = rows.map(passes).filter((met) => met !== null);
console.log(`\n${verdicts.filter(Boolean).length} of ${verdicts.length} targets met`);
mkdirSync('bench-output', { recursive: true });
writeFileSync(
  'bench-output/results.json',
  `${JSON.stringify({ quick, at: new Date().toISOString(), rows }, null, 2)}\n`,
);
