/**
 * Hash routes: `#/` library, `#/volume/<id>` a volume's cases, `#/case/<id>` one case (with
 * `?at=&len=&find=` to select a search hit in it, or `?page=<index>` to open it at a page of the
 * volume, 0-based), `#/search?q=…` search results (filters as further parameters).
 */
export type Route =
  | { name: 'library' }
  | { name: 'volume'; id: number }
  | { name: 'case'; id: number; hit?: CaseHit; page?: number }
  | { name: 'search'; search: SearchParams };

/** A hit to select when the case opens: its offset and length in the case's plain text, and its text. */
export interface CaseHit {
  at: number;
  length: number;
  text: string;
}

export interface SearchParams {
  query: string;
  exact: boolean;
  volumeId: number | null;
  stage: string | null;
  tagId: number | null;
}

const PATTERNS: ReadonlyArray<[RegExp, (id: number, params: URLSearchParams) => Route]> = [
  [/^\/volume\/(\d+)\/?$/, (id) => ({ name: 'volume', id })],
  [
    /^\/case\/(\d+)\/?$/,
    (id, params) => {
      const hit = caseHit(params);
      if (hit) return { name: 'case', id, hit };
      const page = params.get('page');
      return page !== null && /^\d{1,6}$/.test(page) ? { name: 'case', id, page: Number(page) } : { name: 'case', id };
    },
  ],
];

const positiveInt = (s: string | null): number | null => {
  const n = s !== null && /^\d+$/.test(s) ? Number(s) : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : null;
};

function caseHit(params: URLSearchParams): CaseHit | undefined {
  const at = params.get('at');
  const length = positiveInt(params.get('len'));
  const text = params.get('find');
  if (at === null || !/^\d+$/.test(at) || length === null || !text) return undefined;
  return { at: Number(at), length, text };
}

/** Anything unrecognised (including a stray `#token=…`) is the library. */
export function parseRoute(hash: string): Route {
  const full = hash.replace(/^#/, '');
  const q = full.indexOf('?');
  const path = q < 0 ? full : full.slice(0, q);
  const params = new URLSearchParams(q < 0 ? '' : full.slice(q + 1));
  if (/^\/search\/?$/.test(path)) {
    return {
      name: 'search',
      search: {
        query: params.get('q') ?? '',
        exact: params.get('exact') === '1',
        volumeId: positiveInt(params.get('volume')),
        stage: params.get('stage') || null,
        tagId: positiveInt(params.get('tag')),
      },
    };
  }
  for (const [re, make] of PATTERNS) {
    const m = re.exec(path);
    if (m) {
      const id = Number(m[1]);
      if (Number.isSafeInteger(id) && id > 0) return make(id, params);
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
      if (route.hit) {
        return `#/case/${route.id}?${new URLSearchParams({ at: String(route.hit.at), len: String(route.hit.length), find: route.hit.text })}`;
      }
      return route.page === undefined ? `#/case/${route.id}` : `#/case/${route.id}?page=${route.page}`;
    case 'search': {
      const { query, exact, volumeId, stage, tagId } = route.search;
      const params = new URLSearchParams({ q: query });
      if (exact) params.set('exact', '1');
      if (volumeId !== null) params.set('volume', String(volumeId));
      if (stage !== null) params.set('stage', stage);
      if (tagId !== null) params.set('tag', String(tagId));
      return `#/search?${params}`;
    }
  }
}
