/**
 * Builds the browser code: each page entry in `src/client/pages/*.ts` is bundled by esbuild into
 * `static/<name>.js` (one classic script per page, ES2020, minified, with a source map), and each
 * style sheet in `src/client/styles/*.css` into `static/<name>.css`. `static/` is build output
 * (git-ignored). Leaflet is not bundled: pages load it from `/vendor/leaflet` (node_modules/leaflet/dist)
 * and the modules use it through `src/client/core/leaflet.ts`.
 *
 *   npm run build:client          (also part of `npm run build`, run by `npm install`)
 *
 * The bundle may only contain `src/client`, `src/model` (shared types and limits) and the
 * modules of `src/common` that import nothing (the kommunenummer, the plural choice of messages,
 * `src/common/i18n/plural.ts`, and the number and date formats, `src/common/i18n/format.ts`): the build fails when a
 * module drags in server code or a server dependency.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { build, type Plugin } from 'esbuild';

const root = path.resolve(__dirname, '..');
/** Folders the browser bundles may take modules from. */
const ALLOWED_SOURCES = ['src/client/', 'src/model/', 'src/common/kommunenummer.ts', 'src/common/i18n/plural.ts', 'src/common/i18n/format.ts'];

/** Leaflet is a page-level script, never a bundled module. */
const leafletIsGlobal: Plugin = {
  name: 'leaflet-is-global',
  setup(b) {
    b.onResolve({ filter: /^leaflet(\/|$)/ }, (args) => ({
      errors: [{ text: `${args.importer}: import Leaflet's types with "import type" and use leaflet() from src/client/core/leaflet.ts` }],
    }));
  },
};

export interface BuiltFile {
  file: string;
  bytes: number;
  gzipBytes: number;
}

function entries(dir: string, ext: string): string[] {
  const abs = path.join(root, dir);
  return fs.readdirSync(abs).filter((f) => f.endsWith(ext)).sort().map((f) => path.join(abs, f));
}

/**
 * Bundles every page entry and style sheet into `outdir`.
 * @returns the files written (scripts and style sheets, not source maps) with their sizes
 * @throws Error listing the modules from outside ALLOWED_SOURCES when a bundle holds any
 */
export async function buildClient(outdir = path.join(root, 'static')): Promise<BuiltFile[]> {
  const result = await build({
    entryPoints: [...entries('src/client/pages', '.ts'), ...entries('src/client/styles', '.css')],
    outdir,
    entryNames: '[name]',
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    minify: true,
    sourcemap: 'linked',
    metafile: true,
    absWorkingDir: root,
    logLevel: 'warning',
    tsconfig: path.join(root, 'src/client/tsconfig.json'),
    plugins: [leafletIsGlobal],
  });
  const foreign = Object.keys(result.metafile.inputs).filter((input) => !ALLOWED_SOURCES.some((dir) => input.startsWith(dir)));
  if (foreign.length) throw new Error(`the browser bundles may only use ${ALLOWED_SOURCES.join(' and ')}; they also hold: ${foreign.join(', ')}`);
  return Object.keys(result.metafile.outputs)
    .filter((f) => !f.endsWith('.map'))
    .sort()
    .map((f) => {
      const bytes = fs.readFileSync(path.resolve(root, f));
      return { file: path.relative(root, path.resolve(root, f)), bytes: bytes.length, gzipBytes: zlib.gzipSync(bytes).length };
    });
}

if (require.main === module) {
  buildClient().then(
    (files) => {
      for (const f of files) console.log(`${f.file.padEnd(34)} ${String(f.bytes).padStart(7)} B  ${String(f.gzipBytes).padStart(6)} B gzip`);
    },
    (err: unknown) => {
      console.error(`build-client: ${err instanceof Error ? err.message : String(err)}`);
      process.exitCode = 1;
    },
  );
}
