import type { Workbench } from './workbench.ts';

async function value<T>(wb: Workbench, channel: string, input: unknown = {}): Promise<T> {
  const res = await wb.call(channel, input);
  if (!res.ok) throw new Error(`${channel} failed: ${res.error?.code}`);
  return res.value as T;
}

/** The id of the case whose title starts with `title` in the volume titled `volume`. */
export async function caseIdOf(wb: Workbench, volume: string, title: string): Promise<number> {
  const volumes = await value<{ id: number; title: string }[]>(wb, 'volumes:list');
  const volumeId = volumes.find((v) => v.title === volume)!.id;
  const cases = await value<{ id: number; title: string }[]>(wb, 'cases:list', { volumeId });
  return cases.find((c) => c.title.startsWith(title))!.id;
}

/**
 * Signs a case pass by pass up to `stage` over the API, as setup for tests about something else:
 * two names take turns (the library wants a different signer each pass), then the user name is put back.
 */
export async function signOffThrough(wb: Workbench, caseId: number, stage: string): Promise<void> {
  const { userName } = await value<{ userName: string }>(wb, 'prefs:get');
  const { stages } = await value<{ stages: { key: string }[] }>(wb, 'workflow:get');
  const keys = stages.map((s) => s.key);
  const from = keys.indexOf((await value<{ stage: string }>(wb, 'cases:workflow', { id: caseId })).stage);
  for (let i = from; i < keys.indexOf(stage); i++) {
    await value(wb, 'prefs:set', { userName: i % 2 === 0 ? '甲' : '乙' });
    await value(wb, 'cases:act', { id: caseId, action: { kind: 'signoff', to: keys[i + 1] } });
  }
  await value(wb, 'prefs:set', { userName });
}
