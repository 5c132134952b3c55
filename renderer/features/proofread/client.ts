import type { Channel, Input, Output } from '../../../shared/ipc/contract.ts';

type Call<C extends Channel> = (input: Input<C>) => Promise<Output<C>>;

/**
 * What the proofreading view needs from the typed client (`renderer/api/client.ts`, whose `api`
 * object has this shape: `api.<domain>.<verb>(input)`, rejecting with ApiError {code, message,
 * details}). `prefs` is optional: without it layout and split ratio are not remembered.
 */
export interface ProofreadClient {
  cases: {
    get: Call<'cases:get'>;
    save: Call<'cases:save'>;
    revisions: Call<'cases:revisions'>;
    restore: Call<'cases:restore'>;
  };
  revisions: { get: Call<'revisions:get'> };
  volumes: { get: Call<'volumes:get'> };
  pages: { list: Call<'pages:list'>; setStatus: Call<'pages:setStatus'> };
  prefs?: { get: Call<'prefs:get'>; set: Call<'prefs:set'> };
}

export function errorMessage(err: unknown): string {
  if (typeof err === 'object' && err !== null && 'message' in err) return String((err as { message: unknown }).message);
  return String(err);
}
