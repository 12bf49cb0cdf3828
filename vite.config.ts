import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// base './' so the built renderer loads from file:// inside Electron as well as from the browser host.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
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
