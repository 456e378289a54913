/** `npm run bench -- <area> [<area>…]`: runs bench/<area>.bench.ts and records bench/RESULTS.md. */
import fs from 'node:fs';
import path from 'node:path';

const areas = fs
  .readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace('.bench.ts', ''));
const wanted = process.argv.slice(2);
if (!wanted.length || wanted.some((a) => !areas.includes(a))) {
  console.error(`usage: npm run bench -- <area>…   areas: ${areas.join(', ')}`);
  process.exit(2);
}
for (const area of wanted) {
  console.log(`# bench ${area}`);
  const mod = (await import(path.join(import.meta.dirname, `${area}.bench.ts`))) as { run(): Promise<void> };
  await mod.run();
}
