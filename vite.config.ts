import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Two pages: the SMART launch page (tiny, redirects to the authorization server) and the app page.
export default defineConfig({
  plugins: [react()],
  build: {
    target: 'es2022',
    sourcemap: true,
    rollupOptions: { input: { index: 'index.html', launch: 'launch.html' } },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
