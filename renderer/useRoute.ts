import { useSyncExternalStore } from 'react';
import { parseRoute, routeHref, type Route } from './router.ts';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const getHash = () => window.location.hash;

/** The current route, re-rendering on hash changes (back/forward included). */
export function useRoute(): Route {
  return parseRoute(useSyncExternalStore(subscribe, getHash));
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}
