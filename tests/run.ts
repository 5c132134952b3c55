// `npm test`: typecheck, lint, unit and integration (node:test), then end-to-end (Playwright + Chromium).
// Runs every step even after a failure, and closes with one summary line CI can read.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, existsSync } from 'node:fs';
import path from 'node:path';
import '../main/launcher/guardNode.ts';

const root = path.resolve(import.meta.dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

interface Step {
  name: string;
  passed: number;
  failed: number;
  skipped: number;
  ok: boolean;
}
const steps: Step[] = [];

function run(name: string, args: string[], env: NodeJS.ProcessEnv = {}): { ok: boolean; out: string } {
  console.log(`\n=== ${name} ===`);
  const res = spawnSync(npm, args, {
    cwd: root,
    env: { ...process.env, ...env, FORCE_COLOR: '0' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 256 * 1024 * 1024,
  });
  process.stdout.write(res.stdout ?? '');
  return { ok: res.status === 0, out: res.stdout ?? '' };
}

function count(out: string, label: string): number {
  const m = new RegExp(`^ℹ ${label} (\\d+)$`, 'm').exec(out);
  return m ? Number(m[1]) : 0;
}

const tc = run('typecheck', ['run', '-s', 'typecheck']);
steps.push({ name: 'typecheck', passed: tc.ok ? 1 : 0, failed: tc.ok ? 0 : 1, skipped: 0, ok: tc.ok });

const lint = run('lint', ['run', '-s', 'lint']);
steps.push({ name: 'lint', passed: lint.ok ? 1 : 0, failed: lint.ok ? 0 : 1, skipped: 0, ok: lint.ok });

/** A node:test step, counted from the runner's closing lines. */
function nodeTestStep(name: string, script: string): void {
  const res = run(name, ['run', '-s', script]);
  const failed = count(res.out, 'fail') + count(res.out, 'cancelled');
  steps.push({
    name,
    passed: count(res.out, 'pass'),
    failed: res.ok ? failed : Math.max(failed, 1),
    skipped: count(res.out, 'skipped') + count(res.out, 'todo'),
    ok: res.ok,
  });
}

nodeTestStep('unit', 'test:unit');
nodeTestStep('integration', 'test:integration');

const report = path.join(root, 'test-results', 'e2e-report.json');
rmSync(report, { force: true });
const e2e = run('end-to-end', ['run', '-s', 'test:e2e'], { E2E_JSON_REPORT: report });
let e2eStats = { expected: 0, unexpected: e2e.ok ? 0 : 1, skipped: 0, flaky: 0 };
if (existsSync(report)) {
  const stats = JSON.parse(readFileSync(report, 'utf8')).stats;
  e2eStats = { ...stats, unexpected: stats.unexpected + (e2e.ok || stats.unexpected ? 0 : 1) };
}
steps.push({
  name: 'end-to-end',
  passed: e2eStats.expected + e2eStats.flaky,
  failed: e2eStats.unexpected,
  skipped: e2eStats.skipped,
  ok: e2e.ok,
});

console.log('\n=== summary ===');
for (const s of steps) {
  console.log(`${s.ok ? 'ok  ' : 'FAIL'} ${s.name}: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`);
}
const passed = steps.reduce((a, s) => a + s.passed, 0);
const failed = steps.reduce((a, s) => a + s.failed, 0);
const skipped = steps.reduce((a, s) => a + s.skipped, 0);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(steps.every((s) => s.ok) ? 0 : 1);
