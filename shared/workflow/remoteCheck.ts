import { deriveCaseState, type LogEvent } from './events.ts';
import { sameName } from './rules.ts';
import { stageIndex, type WorkflowSettings } from './settings.ts';

/** Why the office server refuses an event it receives (a stable code; the apps translate it). */
export type RemoteRefusal = 'sync.otherSigner' | 'sync.sameSigner' | 'sync.stageSkip';

/**
 * The office server's check of an event a machine appended to the shared log: the signer must be
 * the user whose token sent it, and a sign-off must follow the library's rules against the log as
 * it stood before it (one stage forward, a different signer each pass unless relaxed). `before` is
 * the case's log without the event, in log order. An event made apart from the others is judged
 * on its own line of the log: two sign-offs of one pass by two people both pass, and show a fork.
 */
export function checkRemoteEvent(
  settings: WorkflowSettings,
  before: readonly LogEvent[],
  event: LogEvent,
  sender: string,
): RemoteRefusal | null {
  if (!sameName(event.who, sender)) return 'sync.otherSigner';
  if (event.kind !== 'signoff') return null;
  // The log as the signer saw it: up to the event it was appended after.
  const upTo = event.prev ? before.findIndex((e) => e.uuid === event.prev) : before.length - 1;
  const seen = upTo < 0 ? before : before.slice(0, upTo + 1);
  const state = deriveCaseState(seen);
  if (!state) return null;
  const from = stageIndex(settings, state.stage);
  if (stageIndex(settings, event.toStage) !== from + 1) return 'sync.stageSkip';
  if (state.lastSigner !== null && sameName(state.lastSigner, event.who) && !settings.allowSameSigner) {
    return 'sync.sameSigner';
  }
  return null;
}
