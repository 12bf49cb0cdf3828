/**
 * The last screen this workstation was on (issue 12 §1). Every sign-in starts at Home (USE-3), so
 * the last screen is offered there as a link rather than opened. Only top-level screens are kept
 * (never a person's record), and Home itself is not one to go back to.
 */
import { useEffect, useState } from 'react';
import { displayPreferences } from '../state/display-preferences';

export interface Screen {
  path: string;
  label: string;
}

/** Remember each top-level screen the operator opens, other than Home. */
export function useRememberLastScreen(route: string, screens: readonly Screen[]): void {
  useEffect(() => {
    if (route !== '/' && screens.some((s) => s.path === route))
      void displayPreferences.set({ key: 'lastScreen', value: route });
  }, [route, screens]);
}

/** A link back to it, when it is a screen this operator may open. */
export function LastScreenLink({ screens }: { screens: readonly Screen[] }) {
  const [last, setLast] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void displayPreferences.get().then((preferences) => {
      if (current) setLast(preferences.lastScreen);
    });
    return () => {
      current = false;
    };
  }, []);
  const screen = screens.find((s) => s.path === last && s.path !== '/');
  if (!screen) return null;
  return (
    <p>
      <a href={`#${screen.path}`}>Carry on where this workstation left off: {screen.label}</a>
    </p>
  );
}
