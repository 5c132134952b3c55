import vm from 'node:vm';
import { AppError } from '../../shared/ipc/errors.ts';

/** How long one replace's matching (a preview, an apply) may run before it is stopped. */
export const REGEX_BUDGET_MS = 2000;

// A JavaScript regex cannot be interrupted from JavaScript: `(a+)+$` on 'aaaa…b' backtracks for
// ages inside one exec(). vm's timeout runs a watchdog that terminates whatever the isolate is
// running, including a main-realm function called from the script, so the matching runs there.
// https://nodejs.org/api/vm.html#scriptrunincontextcontextifiedobject-options
const sandbox = vm.createContext({});
const script = new vm.Script('run()', { filename: 'regex-budget' });

/**
 * Runs `fn` (synchronous, no I/O: it may be stopped at any point) within `ms` milliseconds;
 * an overrun is REGEX_TIMEOUT {ms}. What `fn` throws comes through unchanged.
 */
export function withRegexBudget<T>(fn: () => T, ms: number = REGEX_BUDGET_MS): T {
  let result: { value: T } | null = null;
  sandbox.run = () => {
    result = { value: fn() };
  };
  try {
    script.runInContext(sandbox, { timeout: ms });
  } catch (err) {
    if ((err as { code?: unknown } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
      throw new AppError('REGEX_TIMEOUT', `The regular expression ran longer than ${ms} ms`, { ms });
    }
    throw err;
  } finally {
    delete sandbox.run;
  }
  if (result === null) throw new AppError('INTERNAL', 'The matching ended without a result');
  return (result as { value: T }).value;
}
