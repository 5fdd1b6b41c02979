// Builds the power map benchmark page into build/bench-web (relative asset paths, so any
// static server can serve it).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: { outDir: '../../build/bench-web', emptyOutDir: true, chunkSizeWarningLimit: 4096 },
});
