/** Hash routing: works from file:// in Electron and from the browser host alike. */
import { useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function current(): string {
  const path = window.location.hash.replace(/^#/, '');
  return path === '' ? '/' : path;
}

export function useHashRoute(): string {
  return useSyncExternalStore(subscribe, current, () => '/');
}

export function navigate(path: string): void {
  window.location.hash = path;
}
