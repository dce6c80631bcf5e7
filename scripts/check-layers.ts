/**
 * The folder-level architecture check, run by `npm test` (`npm run check:layers`). It reads every
 * import of every module under `src/` (static `import`/`export … from`, `import()`, `require()`,
 * type-only imports too: a type import is a dependency of the design) and fails when
 *
 * 1. the folders import each other in a cycle (any strongly connected set of two or more folders);
 * 2. `common`, `engine` or `geo` import anything outside themselves (they are the pure base);
 * 3. a folder imports one in a higher layer, or one in its own layer where that layer does not
 *    allow it (see LAYERS: only use cases may import each other, and then without cycles);
 * 4. a folder under `src/` is in no layer (add it to LAYERS: where it sits is a decision).
 *
 * The layers, lowest first (README "Architecture"): common, engine, geo → model → data → db →
 * use cases (auth, import, planning, letters, shortlist, export, samples) → shells (web, cli) →
 * the process entry (server). The browser code (`client`) may use only `model`, the engine's types
 * and the modules of `common` that import nothing (the kommunenummer, the plural choice); its build checks the same
 * (scripts/build-client.ts).
 *
 *   npx ts-node --transpile-only scripts/check-layers.ts [--graph]
 */
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const srcDir = path.join(root, 'src');

interface Layer {
  /** Position in the stack: a folder may import folders of lower rank. */
  rank: number;
  folders: readonly string[];
  /** Whether folders of this layer may import each other (still without cycles). */
  peers: boolean;
}

/** The layer stack, lowest first. A folder of a layer imports only lower layers (and peers where allowed). */
export const LAYERS: readonly Layer[] = [
  { rank: 0, folders: ['common', 'engine', 'geo', 'types'], peers: false },
  { rank: 1, folders: ['model'], peers: false },
  { rank: 2, folders: ['data'], peers: false },
  { rank: 3, folders: ['db'], peers: false },
  { rank: 4, folders: ['auth', 'import', 'planning', 'letters', 'shortlist', 'export', 'samples'], peers: true },
  { rank: 5, folders: ['web', 'cli'], peers: false },
  { rank: 6, folders: ['server', 'server-config'], peers: true },
];

/** Folders that must import nothing outside themselves, whatever their layer. */
export const ISOLATED = ['common', 'engine', 'geo'];

/** The browser code: outside the server's stack, allowed only these folders. */
const CLIENT = { folder: 'client', may: ['model', 'engine', 'common'] };

export interface Edge {
  from: string;
  to: string;
  file: string;
  specifier: string;
  /** The imported module's path from the repository root, when it resolves to a file. */
  target?: string;
}

/** Every `.ts` file under a directory. */
function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(p));
    else if (entry.name.endsWith('.ts')) out.push(p);
  }
  return out.sort();
}

/** The module specifiers a file imports (comments stripped first, so commented-out imports do not count). */
export function importSpecifiers(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of code.matchAll(re)) found.push(m[1]);
  return found;
}

/** The top folder under src/ of a path (a file directly in src/ is its own folder, named without `.ts`). */
export function folderOf(file: string): string {
  const rel = path.relative(srcDir, file).split(path.sep);
  return rel.length === 1 ? rel[0].replace(/\.(d\.)?ts$/, '') : rel[0];
}

/** The folder-to-folder imports of all of src/. */
export function collectEdges(): Edge[] {
  const edges: Edge[] = [];
  for (const file of sourceFiles(srcDir)) {
    const from = folderOf(file);
    for (const specifier of importSpecifiers(fs.readFileSync(file, 'utf8'))) {
      if (!specifier.startsWith('.')) continue;
      const target = path.resolve(path.dirname(file), specifier);
      if (!target.startsWith(srcDir + path.sep)) continue;
      const to = folderOf(target);
      const resolved = [`${target}.ts`, path.join(target, 'index.ts')].find((f) => fs.existsSync(f));
      if (to !== from) edges.push({ from, to, file: path.relative(root, file), specifier, target: resolved && path.relative(root, resolved) });
    }
  }
  return edges;
}

/** Strongly connected sets of two or more folders (Tarjan), each a cycle or several. */
export function folderCycles(edges: readonly Edge[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const e of edges) {
    if (!next.has(e.from)) next.set(e.from, new Set());
    if (!next.has(e.to)) next.set(e.to, new Set());
    next.get(e.from)!.add(e.to);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  let counter = 0;
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const set: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      set.push(w);
    } while (w !== v);
    if (set.length > 1) out.push(set.sort());
  };
  for (const v of [...next.keys()].sort()) if (!index.has(v)) visit(v);
  return out;
}

function layerOf(folder: string): Layer | undefined {
  return LAYERS.find((l) => l.folders.includes(folder));
}

/** Why one import breaks the layer rules, or null when it keeps them. */
export function ruleBroken(e: Edge): string | null {
  if (e.from === CLIENT.folder) {
    if (!CLIENT.may.includes(e.to)) return `the browser code may import only ${CLIENT.may.join(', ')}`;
    const importsSomething = e.to === 'common' && (!e.target || importSpecifiers(fs.readFileSync(path.join(root, e.target), 'utf8')).length > 0);
    return importsSomething ? 'the browser code may import only the modules of common that import nothing' : null;
  }
  if (ISOLATED.includes(e.from)) return `${e.from} imports nothing outside itself`;
  const a = layerOf(e.from);
  const b = layerOf(e.to);
  if (!a) return `folder "${e.from}" is in no layer: add it to LAYERS in scripts/check-layers.ts`;
  if (!b) return e.to === CLIENT.folder ? 'nothing imports the browser code' : `folder "${e.to}" is in no layer: add it to LAYERS in scripts/check-layers.ts`;
  if (b.rank < a.rank) return null;
  if (b.rank === a.rank && a.peers) return null;
  return b.rank === a.rank ? `${e.from} and ${e.to} are in the same layer and may not import each other` : `${e.from} (layer ${a.rank}) may not import ${e.to} (layer ${b.rank}, higher)`;
}

/** All problems, one line each (empty when the architecture holds). */
export function checkLayers(edges: readonly Edge[] = collectEdges()): string[] {
  const problems: string[] = [];
  for (const e of edges) {
    const why = ruleBroken(e);
    if (why) problems.push(`${e.file}: imports '${e.specifier}' (${e.from} → ${e.to}): ${why}`);
  }
  for (const set of folderCycles(edges)) {
    const inSet = edges.filter((e) => set.includes(e.from) && set.includes(e.to));
    const shown = [...new Map(inSet.map((e) => [`${e.from}→${e.to}`, e])).values()].map((e) => `${e.from} → ${e.to} (${e.file})`);
    problems.push(`folder cycle between ${set.join(', ')}: ${shown.join('; ')}`);
  }
  for (const folder of fs.readdirSync(srcDir)) {
    const name = folder.replace(/\.(d\.)?ts$/, '');
    if (name !== CLIENT.folder && !layerOf(name)) problems.push(`src/${folder}: in no layer; add it to LAYERS in scripts/check-layers.ts`);
  }
  return problems;
}

function main(): void {
  const edges = collectEdges();
  if (process.argv.includes('--graph')) {
    const counts = new Map<string, number>();
    for (const e of edges) counts.set(`${e.from} -> ${e.to}`, (counts.get(`${e.from} -> ${e.to}`) ?? 0) + 1);
    for (const [k, n] of [...counts].sort()) console.log(`${k}  (${n})`);
  }
  const problems = checkLayers(edges);
  if (problems.length) {
    console.error(`check-layers: ${problems.length} problem(s) in the import structure of src/:`);
    for (const p of problems) console.error(`  ${p}`);
    process.exit(1);
  }
  console.log(`check-layers: ${new Set(edges.map((e) => e.from)).size} folders, ${edges.length} cross-folder imports, no cycles, layers kept`);
}

if (require.main === module) main();
