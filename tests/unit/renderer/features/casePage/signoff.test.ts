import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planSignoff, precheck } from '../../../../../renderer/features/casePage/signoff.ts';
import type { CaseWorkflow } from '../../../../../shared/workflow/schemas.ts';
import { DEFAULT_WORKFLOW } from '../../../../../shared/workflow/settings.ts';

const name = (key: string) => `«${key}»`;
const at = (stage: string, extra: Partial<CaseWorkflow> = {}): CaseWorkflow => ({
  stage,
  flag: null,
  lastSigner: null,
  since: '2026-01-02T03:04:05.000Z',
  openNotes: 0,
  locked: stage === 'final',
  ...extra,
});

test('a fresh import can be signed to the next stage; nothing earlier to send back to', () => {
  const plan = planSignoff(DEFAULT_WORKFLOW, at('imported'), '甲', name);
  assert.equal(plan.next, 'review1');
  assert.equal(plan.blocked, null);
  assert.equal(plan.relaxed, false);
  assert.deepEqual(plan.earlier, []);
  assert.equal(plan.locked, false);
});

test('the previous signer is told before trying, by name; someone else may sign', () => {
  const wf = at('review1', { lastSigner: '甲' });
  const same = planSignoff(DEFAULT_WORKFLOW, wf, ' 甲 ', name);
  assert.equal(same.blocked?.code, 'SAME_SIGNER');
  assert.equal(same.blocked?.details?.who, '甲');
  assert.equal(planSignoff(DEFAULT_WORKFLOW, wf, '乙', name).blocked, null);
});

test('a library that relaxes the rule lets the same person sign, marked relaxed', () => {
  const plan = planSignoff({ ...DEFAULT_WORKFLOW, allowSameSigner: true }, at('review1', { lastSigner: 'Li' }), 'li', name);
  assert.equal(plan.blocked, null);
  assert.equal(plan.relaxed, true);
});

test('no name: signing is refused with SIGNER_REQUIRED', () => {
  assert.equal(planSignoff(DEFAULT_WORKFLOW, at('review2'), '  ', name).blocked?.code, 'SIGNER_REQUIRED');
});

test('open notes block signing past 终审, naming the gate stage', () => {
  const plan = planSignoff(DEFAULT_WORKFLOW, at('review3', { openNotes: 2 }), '甲', name);
  assert.equal(plan.blocked?.code, 'OPEN_NOTES');
  assert.equal(plan.blocked?.details?.gate, '«review3»');
  assert.equal(planSignoff(DEFAULT_WORKFLOW, at('review2', { openNotes: 2 }), '甲', name).blocked, null);
});

test('a final case is locked: no sign-off, and unlock targets are the earlier stages, nearest first', () => {
  const plan = planSignoff(DEFAULT_WORKFLOW, at('final', { lastSigner: '甲' }), '乙', name);
  assert.equal(plan.locked, true);
  assert.equal(plan.next, null);
  assert.equal(plan.blocked, null);
  assert.deepEqual(plan.earlier.slice(0, 3), ['proof3', 'proof2', 'proof1']);
  assert.equal(plan.earlier.at(-1), 'imported');
});

test('precheck answers the rules for the other actions too', () => {
  const refused = precheck(DEFAULT_WORKFLOW, at('proof1'), { kind: 'sendback', to: 'review1', reason: ' ' }, '甲', name);
  assert.ok('error' in refused && refused.error.code === 'REASON_REQUIRED');
  const skip = precheck(DEFAULT_WORKFLOW, at('proof1'), { kind: 'signoff', to: 'final' }, '甲', name);
  assert.ok('error' in skip && skip.error.code === 'STAGE_SKIP');
  assert.deepEqual(precheck(DEFAULT_WORKFLOW, at('final'), { kind: 'unlock', to: 'proof3', reason: '补充' }, '甲', name), {
    relaxed: false,
  });
});
