import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The renderer is plain web code: it is served by the web shell or by Electron's app:// protocol,
// so every asset URL is relative and nothing is inlined that the CSP would have to allow.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    target: 'chrome120',
  },
})
