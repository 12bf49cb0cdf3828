import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const NHSUK_CSS = /nhsuk-frontend\/dist\/nhsuk\/nhsuk-frontend\.min\.css$/;
const NHSUK_IMAGES = fileURLToPath(
  new URL('./node_modules/nhsuk-frontend/dist/nhsuk/assets/images/', import.meta.url),
);

/**
 * The design system's compiled CSS points at its images by site-absolute paths and at Frutiger on the
 * NHS CDN. Gatehouse runs offline under a CSP of 'self' (and from file:// in Electron), so the images
 * are bundled from the package and the web fonts dropped: the design system's Arial fallback applies.
 */
function nhsukFrontendOffline(): Plugin {
  return {
    name: 'nhsuk-frontend-offline',
    enforce: 'pre',
    transform(code, id) {
      if (!NHSUK_CSS.test(id.split('?')[0] ?? '')) return null;
      return (
        code
          .replace(/@font-face\{[^}]*\}/g, '')
          // Internet Explorer hacks (`@media screen\0`) that the CSS minifier refuses.
          .replace(/@media screen\\0[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}/g, '')
          .replace(
            /url\(\/assets\/images\/([\w.-]+)\)/g,
            (_match, file: string) => `url(${NHSUK_IMAGES}${file})`,
          )
          .replace(/\/\*# sourceMappingURL=[^*]*\*\//g, '')
      );
    },
  };
}

// base './' so the built renderer loads from file:// inside Electron as well as from the browser host.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [nhsukFrontendOffline(), react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    // No inline scripts or styles: the Content-Security-Policy allows only 'self'.
    assetsInlineLimit: 0,
    // One bundle loaded from disk by the desktop app: no network to save by splitting it.
    chunkSizeWarningLimit: 1500,
  },
});
