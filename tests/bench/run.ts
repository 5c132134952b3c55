// `npm run bench [-- NAME…]`: runs every tests/bench/*Bench.ts (or those whose name contains NAME), one
// after the other, each printing its own figures. A bench module exports `title` and `run()`.
import { readdirSync } from 'node:fs';

interface BenchModule {
  title: string;
  run(): Promise<void>;
}

const filters = process.argv.slice(2);
const files = readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith('Bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((n) => f.toLowerCase().includes(n.toLowerCase())))
  .sort();
if (files.length === 0) {
  console.error(`no bench matches ${filters.join(', ')}`);
  process.exit(2);
}
let failed = 0;
for (const file of files) {
  const bench = (await import(new URL(file, import.meta.url).href)) as BenchModule;
  console.log(`\n## ${bench.title} (${file})`);
  try {
    await bench.run();
  } catch (err) {
    failed++;
    console.error(`   failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
