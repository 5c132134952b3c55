import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deriveCaseState, type CaseEvent, type EventKind } from '../../../../shared/workflow/events.ts';
import { checkAction, sameName, type WorkflowAction } from '../../../../shared/workflow/rules.ts';
import { DEFAULT_WORKFLOW, notesGateIndex, type WorkflowSettings } from '../../../../shared/workflow/settings.ts';
import { AppError } from '../../../../shared/ipc/errors.ts';

let seq = 0;
function ev(kind: EventKind, toStage: string, who: string, at: string, note: string | null = null): CaseEvent {
  seq++;
  return {
    id: seq,
    uuid: `0190${String(seq).padStart(4, '0')}-0000-7000-8000-000000000000`,
    caseId: 1,
    kind,
    fromStage: null,
    toStage,
    who,
    at,
    note,
    relaxed: false,
  };
}

test('the stage is the target of the last stage-moving event, in time order whatever the input order', () => {
  const log = [
    ev('create', 'imported', '导入', '2026-01-01T00:00:00.000Z'),
    ev('signoff', 'review1', '甲', '2026-01-02T00:00:00.000Z'),
    ev('flag', 'review1', '乙', '2026-01-03T00:00:00.000Z', '出处？'),
    ev('signoff', 'review2', '乙', '2026-01-04T00:00:00.000Z'),
  ];
  const state = deriveCaseState(log);
  assert.deepEqual(state, {
    stage: 'review2',
    flag: { reason: '出处？', who: '乙', at: '2026-01-03T00:00:00.000Z' },
    lastSigner: '乙',
    since: '2026-01-04T00:00:00.000Z',
  });
  // Two machines' logs merged arrive in any order: the answer is the same.
  assert.deepEqual(deriveCaseState([...log].reverse()), state);
  assert.equal(deriveCaseState([]), null);
});

test('a send-back clears the last signer; an unflag clears the flag', () => {
  const state = deriveCaseState([
    ev('create', 'imported', '导入', '2026-01-01T00:00:00.000Z'),
    ev('signoff', 'review1', '甲', '2026-01-02T00:00:00.000Z'),
    ev('flag', 'review1', '乙', '2026-01-03T00:00:00.000Z', '?'),
    ev('sendback', 'imported', '甲', '2026-01-04T00:00:00.000Z', '退回'),
    ev('unflag', 'imported', '乙', '2026-01-05T00:00:00.000Z'),
  ]);
  assert.deepEqual([state?.stage, state?.lastSigner, state?.flag], ['imported', null, null]);
});

const names = (key: string) => key;
function verdict(
  settings: WorkflowSettings,
  stage: string,
  lastSigner: string | null,
  action: WorkflowAction,
  who = '甲',
  openNotes = 0,
) {
  try {
    return checkAction(settings, { stage, flag: null, lastSigner, since: '' }, action, { who, openNotes, stageName: names });
  } catch (err) {
    assert.ok(err instanceof AppError);
    return err.code;
  }
}

test('the rules: one stage forward, a different signer, reasons to go back, open notes, the lock', () => {
  const w = DEFAULT_WORKFLOW;
  assert.deepEqual(verdict(w, 'imported', null, { kind: 'signoff', to: 'review1' }), { relaxed: false });
  assert.equal(verdict(w, 'imported', null, { kind: 'signoff', to: 'review2' }), 'STAGE_SKIP');
  assert.equal(verdict(w, 'review1', null, { kind: 'signoff', to: 'imported' }), 'STAGE_SKIP');
  assert.equal(verdict(w, 'review1', '甲', { kind: 'signoff', to: 'review2' }), 'SAME_SIGNER');
  assert.equal(verdict(w, 'review1', ' 甲 ', { kind: 'signoff', to: 'review2' }, '甲'), 'SAME_SIGNER');
  assert.deepEqual(verdict({ ...w, allowSameSigner: true }, 'review1', '甲', { kind: 'signoff', to: 'review2' }), {
    relaxed: true,
  });
  assert.equal(verdict(w, 'review1', null, { kind: 'signoff', to: 'review2' }, '   '), 'SIGNER_REQUIRED');
  assert.equal(verdict(w, 'review2', null, { kind: 'sendback', to: 'imported', reason: ' ' }), 'REASON_REQUIRED');
  assert.deepEqual(verdict(w, 'review2', null, { kind: 'sendback', to: 'imported', reason: '错' }), { relaxed: false });
  assert.equal(verdict(w, 'review3', null, { kind: 'signoff', to: 'proof1' }, '甲', 2), 'OPEN_NOTES');
  assert.deepEqual(verdict(w, 'review2', null, { kind: 'signoff', to: 'review3' }, '甲', 2), { relaxed: false });
  assert.equal(verdict(w, 'final', null, { kind: 'signoff', to: 'final' }), 'CASE_LOCKED');
  assert.equal(verdict(w, 'final', null, { kind: 'sendback', to: 'proof3', reason: 'x' }), 'CASE_LOCKED');
  assert.equal(verdict(w, 'final', null, { kind: 'unlock', to: 'final', reason: 'x' }), 'VALIDATION');
  assert.deepEqual(verdict(w, 'final', null, { kind: 'unlock', to: 'review1', reason: 'x' }), { relaxed: false });
  assert.equal(verdict(w, 'proof1', null, { kind: 'unlock', to: 'review1', reason: 'x' }), 'VALIDATION');
  assert.equal(verdict(w, 'proof1', null, { kind: 'signoff', to: 'gone' }), 'STAGE_UNKNOWN');
  assert.deepEqual(verdict(w, 'final', null, { kind: 'flag', reason: '?' }), { relaxed: false });
});

test('without 终审 in the list, open notes block the last sign-off (into the locked stage)', () => {
  const short: WorkflowSettings = {
    stages: [
      { key: 'imported', name: null },
      { key: 'c-1', name: '审读' },
      { key: 'final', name: null },
    ],
    allowSameSigner: false,
  };
  assert.equal(notesGateIndex(short), 1);
  assert.equal(verdict(short, 'c-1', null, { kind: 'signoff', to: 'final' }, '甲', 1), 'OPEN_NOTES');
  assert.deepEqual(verdict(short, 'imported', null, { kind: 'signoff', to: 'c-1' }, '甲', 1), { relaxed: false });
});

test('names compare trimmed and ASCII-case-insensitively', () => {
  assert.ok(sameName(' Li ', 'li'));
  assert.ok(!sameName('张三', '张四'));
});
