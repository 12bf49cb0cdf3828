/**
 * The renderer is always React's production build, even when the build runs inside Vitest
 * (NODE_ENV=test, as the global setup's does). The development build's StrictMode mounts each screen
 * twice: the Person screen read the record twice and recorded two views (USE-3) in the end-to-end
 * runs that used it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ASSETS = resolve(__dirname, '..', '..', 'dist', 'renderer', 'assets');

describe('the renderer bundle', () => {
  it('is the production build although this run builds it with NODE_ENV=test', () => {
    // The global setup built dist/ from this process's environment.
    expect(process.env.NODE_ENV).toBe('test');
    const scripts = readdirSync(ASSETS).filter((name) => name.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      const code = readFileSync(join(ASSETS, script), 'utf8');
      // Development-only messages of react-dom: absent from its production build.
      for (const message of ['In HTML, %s cannot be a child of %s', 'Maximum update depth exceeded'])
        expect(code.includes(message), `${script} holds "${message}"`).toBe(false);
    }
  });
});
