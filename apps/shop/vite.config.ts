import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The H5 storefront. The API serves `dist/` at /shop/ in production. */
export default defineConfig({
  base: '/shop/',
  plugins: [react()],
  resolve: {
    // antd-mobile, react-router and react-query must share one React 19, even if npm ever installs a
    // second copy for another workspace (it once hoisted react 18 to the root).
    dedupe: ['react', 'react-dom'],
  },
  server: {
    port: 5174,
    strictPort: true,
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
});
