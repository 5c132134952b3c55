import type { z } from 'zod';
import { CHANNELS, contract, type Channel, type Input, type Output } from '../../shared/ipc/contract.ts';
import { zodIssues } from '../../shared/ipc/errors.ts';
import { ApiError } from './apiError.ts';
import { initTransport, type Transport } from './transport.ts';

export { ApiError } from './apiError.ts';

type DomainOf<C extends Channel> = C extends `${infer D}:${string}` ? D : never;
type Domain = DomainOf<Channel>;

/** A channel as a method: the input may be left out when every field of it is optional. */
export type Method<C extends Channel> =
  Record<never, never> extends Input<C> ? (input?: Input<C>) => Promise<Output<C>> : (input: Input<C>) => Promise<Output<C>>;

/** `api.cases.get({id})` for `cases:get`, and so on for every channel of the contract. */
export type Namespaces = {
  [D in Domain]: { [C in Channel as C extends `${D}:${infer V}` ? V : never]: Method<C> };
};

export interface Client extends Namespaces {
  invoke<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>>;
  /** Stages a file chosen by the user (`files:stage`) and returns its server-side handle. */
  stageFile(file: Blob & { name: string }): Promise<Output<'files:stage'>>;
}

/**
 * Builds the typed client over a transport. Every answer is parsed with the contract's output schema
 * (always, not only in dev: answers are small and a drifted backend should fail loudly, not render junk).
 */
export function createClient(getTransport: () => Transport): Client {
  async function invoke<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
    const envelope = await getTransport()(channel, input ?? {});
    if (!envelope.ok) throw ApiError.fromShape(envelope.error);
    const schema: z.ZodType = contract[channel].output;
    const parsed = schema.safeParse(envelope.value);
    if (!parsed.success) {
      throw new ApiError('INTERNAL', `Unexpected answer from ${channel}`, {
        channel,
        issues: zodIssues(parsed.error).slice(0, 5),
      });
    }
    return parsed.data as Output<C>;
  }

  const client: Record<string, unknown> = {
    invoke,
    async stageFile(file: Blob & { name: string }) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      return invoke('files:stage', { name: file.name, bytes });
    },
  };
  for (const channel of CHANNELS) {
    const [domain, verb] = channel.split(':') as [string, string];
    const ns = (client[domain] ??= {}) as Record<string, unknown>;
    ns[verb] = (input?: unknown) => invoke(channel, (input ?? {}) as Input<typeof channel>);
  }
  return client as unknown as Client;
}

/** The app's client; the transport is picked on first use (or earlier, by main.tsx calling initTransport). */
export const api: Client = createClient(initTransport);
