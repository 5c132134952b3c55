/** Hash routes: `#/` library, `#/volume/<id>` a volume's cases, `#/case/<id>` one case. */
export type Route = { name: 'library' } | { name: 'volume'; id: number } | { name: 'case'; id: number };

const PATTERNS: ReadonlyArray<[RegExp, (id: number) => Route]> = [
  [/^\/volume\/(\d+)\/?$/, (id) => ({ name: 'volume', id })],
  [/^\/case\/(\d+)\/?$/, (id) => ({ name: 'case', id })],
];

/** Anything unrecognised (including a stray `#token=…`) is the library. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  for (const [re, make] of PATTERNS) {
    const m = re.exec(path);
    if (m) {
      const id = Number(m[1]);
      if (Number.isSafeInteger(id) && id > 0) return make(id);
    }
  }
  return { name: 'library' };
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'library':
      return '#/';
    case 'volume':
      return `#/volume/${route.id}`;
    case 'case':
      return `#/case/${route.id}`;
  }
}
