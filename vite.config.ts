import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const SMART_LAUNCH = 'smart-launch.json';

/**
 * smart-launch.json stays a runtime file (deployers edit it without rebuilding): served from the repo
 * root in development and copied next to the pages in the build.
 */
function smartLaunchConfig(): Plugin {
  const file = resolve(import.meta.dirname, SMART_LAUNCH);
  return {
    name: 'smart-launch-json',
    configureServer(server) {
      server.middlewares.use(`/${SMART_LAUNCH}`, (_req, res) => {
        res.setHeader('content-type', 'application/json');
        res.setHeader('cache-control', 'no-cache');
        res.end(readFileSync(file));
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: SMART_LAUNCH, source: readFileSync(file) });
    },
  };
}

// Two pages: the SMART launch page (tiny, no React: it only redirects) and the app page.
export default defineConfig({
  plugins: [react(), smartLaunchConfig()],
  build: {
    target: 'es2022',
    // Kept for reading stack traces offline, with no sourceMappingURL in the bundles; never served.
    sourcemap: 'hidden',
    rollupOptions: { input: { index: 'index.html', launch: 'launch.html' } },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
