import { lazy, Suspense } from 'react';
import type * as CasePageModule from './CasePage.tsx';
import { parseRoute } from '../../router.ts';
import { Loading } from '../../ui/ErrorNotice.tsx';

/**
 * The case page carries the editor (Lexical) and, through its scan pane, pdf.js: it is a chunk of
 * its own, so that the library shows without them.
 */
/** The chunk once it has arrived, for what must happen within an event (a press). */
let loaded: typeof CasePageModule | null = null;
const load = () =>
  import('./CasePage.tsx').then((m) => {
    loaded = m;
    return m;
  });
const CasePage = lazy(() => load().then((m) => ({ default: m.CasePage })));

export function LazyCasePage({ id, page }: { id: number; page?: number | undefined }) {
  return (
    <Suspense fallback={<Loading />}>
      <CasePage id={id} page={page} />
    </Suspense>
  );
}

function whenIdle(fn: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(fn, { timeout: 3000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(fn, 500);
  return () => clearTimeout(id);
}

/**
 * Gets case pages ready before they are asked for: the chunk is fetched once the window is idle
 * (pdf.js stays out: the scan pane asks for it), and pressing a link to a case starts loading the
 * case before the click that follows. Returns a canceller. A failed fetch is no error here:
 * opening the case fetches again and shows a failure then.
 */
export function prepareCasePages(): () => void {
  const cancelIdle = whenIdle(() => void load().catch(() => undefined));
  const onPointerDown = (e: PointerEvent) => {
    if (e.button !== 0 || !(e.target instanceof Element)) return;
    const link = e.target.closest('a[href^="#/case/"]');
    const route = link ? parseRoute(link.getAttribute('href') ?? '') : null;
    // Within the press itself, so that the click's render finds the requests on their way (a
    // module still to come would answer after that render: then the case page asks itself).
    if (route?.name === 'case') loaded?.preopen(route.id);
  };
  document.addEventListener('pointerdown', onPointerDown, true);
  return () => {
    cancelIdle();
    document.removeEventListener('pointerdown', onPointerDown, true);
  };
}
