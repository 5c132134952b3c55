import type { z } from 'zod';
import { contract, isChannel, type Envelope, type Handlers } from '../../shared/ipc/contract.ts';
import { AppError, toErrorShape, zodIssues } from '../../shared/ipc/errors.ts';

export type Dispatch = (channel: string, rawInput: unknown) => Promise<Envelope<unknown>>;

/**
 * Validates a call against the contract and runs its handler. Both transports (ipcMain and the HTTP
 * server) go through this, so validation and error shaping happen in one place.
 */
export function createDispatcher(handlers: Handlers, onError?: (channel: string, err: unknown) => void): Dispatch {
  return async (channel, rawInput) => {
    try {
      if (!isChannel(channel)) throw new AppError('UNKNOWN_CHANNEL', `Unknown channel: ${channel}`, { channel });
      const schema: z.ZodType = contract[channel].input;
      const parsed = schema.safeParse(rawInput ?? {});
      if (!parsed.success) {
        throw new AppError('VALIDATION', `Invalid input for ${channel}`, {
          channel,
          issues: zodIssues(parsed.error),
        });
      }
      const handler = handlers[channel] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      return { ok: true, value };
    } catch (err) {
      const shape = toErrorShape(err);
      if (shape.code === 'INTERNAL') onError?.(channel, err);
      return { ok: false, error: shape };
    }
  };
}
