/**
 * A JSON-safe copy of what the app passed to Electron: functions become `'[Function]'` (bundling renames
 * them, so no names), cycles `'[Circular]'`, class instances `'[ClassName]'` unless `label` names them.
 * Used by the stub to log calls and by the test to compare the log with values built from the sources.
 */
export function jsonSafe(value: unknown, label: (v: object) => string | undefined = () => undefined): unknown {
  const seen = new WeakSet<object>();
  const walk = (v: unknown): unknown => {
    if (typeof v === 'function') return label(v) ?? '[Function]';
    if (typeof v === 'bigint' || typeof v === 'symbol') return String(v);
    if (v === undefined) return '[undefined]';
    if (v === null || typeof v !== 'object') return v;
    const named = label(v);
    if (named) return named;
    if (seen.has(v)) return '[Circular]';
    seen.add(v);
    try {
      if (Array.isArray(v)) return v.map(walk);
      if (ArrayBuffer.isView(v)) return `[${v.constructor.name} ${v.byteLength}]`;
      if (v instanceof Error) return { error: v.message };
      const proto = Object.getPrototypeOf(v) as object | null;
      if (proto !== null && proto !== Object.prototype) return `[${v.constructor?.name ?? 'Object'}]`;
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    } finally {
      seen.delete(v);
    }
  };
  return walk(value);
}
