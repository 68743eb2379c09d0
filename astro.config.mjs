// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from './src/integrations/sitemap.ts';
import { deployEnv } from './src/deploy-env.ts';

// Deployers set SITE (absolute origin, e.g. https://policy.example.org) and BASE_PATH (sub-path, e.g. /policy-explorer/).
// OUT_DIR lets the tests build a sub-path copy beside the normal one.
// Both are checked first (src/deploy-env.ts): a bad value stops here with a one-line message.
const { site, base } = deployEnv();

export default defineConfig({
  // Without SITE the site has no absolute address: no canonical URLs, no sitemap.xml, paths in print and data.
  ...(site ? { site } : {}),
  base,
  outDir: process.env.OUT_DIR ?? './dist',
  trailingSlash: 'always',
  // Two routes building the same address (a document id equal to a name the site uses) fail the build.
  prerenderConflictBehavior: 'error',
  // sitemap.xml lists every page (404 excluded); robots.txt (src/pages/robots.txt.ts) points to it.
  // `npm run build` (src/build.ts) runs this build, then draws the graph pages and builds the search index.
  integrations: [mdx({ gfm: false, smartypants: false }), sitemap()],
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  vite: {
    build: {
      // Scripts and styles stay external files, so a strict Content-Security-Policy needs no hashes.
      assetsInlineLimit: 0,
      rollupOptions: {
        onwarn(warning, warn) {
          // Astro's own MDX modules carry a directive that the bundler reports on every file.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
