import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const generatorDir = join(import.meta.dirname, '../fixtures/generator');

/** Cache key of generated volumes: changes whenever the generator's code does, so a stale one is never used. */
export function generatorHash(): string {
  const h = createHash('sha256');
  for (const f of readdirSync(generatorDir)
    .filter((f) => f.endsWith('.ts'))
    .sort())
    h.update(f).update(readFileSync(join(generatorDir, f)));
  return h.digest('hex').slice(0, 12);
}
