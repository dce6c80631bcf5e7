/**
 * File and function sizes under `src/`, run by `npm test` (`npm run check:sizes`).
 *
 * - A file over MAX_FILE_LINES lines must say why at its top: a line `Long file: <reason>` in its
 *   first comment (a catalogue of texts, a word list, …).
 * - A function (declaration, method, arrow or function expression, constructor) over
 *   MAX_FUNCTION_LINES lines counts against the limit; a nested function counts on its own, and its
 *   lines count in the enclosing one too (a 200-line route factory full of inline handlers is long).
 *
 * It is a ratchet, not a wish list: the offenders known when the check was written are listed in
 * KNOWN, each with its size then and why it is not split yet. The check fails when a new offender
 * appears or a known one grows; the known ones are printed as warnings, and an entry that no longer
 * offends is reported so it can be deleted from the list.
 *
 *   npx ts-node --transpile-only scripts/check-sizes.ts [--all]   (--all lists every offender, known or not)
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export const MAX_FILE_LINES = 400;
export const MAX_FUNCTION_LINES = 60;

const root = path.resolve(__dirname, '..');

export interface Offender {
  /** `src/x/y.ts` for a file, `src/x/y.ts#name` for a function. */
  id: string;
  lines: number;
  kind: 'file' | 'function';
}

/**
 * Offenders known when the check was written, with their size then (a known offender may shrink,
 * not grow) and the reason it is still long. Delete an entry once it is split.
 */
export const KNOWN: Readonly<Record<string, { lines: number; why: string }>> = {};

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(p));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(p);
  }
  return out.sort();
}

/** The name a function is known by: its own, the variable or property it is assigned to, or `<anonymous@line>`. */
function functionName(node: ts.Node, sf: ts.SourceFile): string {
  const named = node as ts.Node & { name?: ts.Node };
  if (named.name && (ts.isIdentifier(named.name) || ts.isStringLiteral(named.name) || ts.isPrivateIdentifier(named.name))) return named.name.text;
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (parent && ts.isPropertyAssignment(parent) && (ts.isIdentifier(parent.name) || ts.isStringLiteral(parent.name))) return parent.name.text;
  if (parent && ts.isCallExpression(parent)) {
    const callee = parent.expression.getText(sf).replace(/\s+/g, '');
    const first = parent.arguments[0];
    const label = first && ts.isStringLiteral(first) ? ` ${first.text}` : '';
    return `${callee.length > 40 ? callee.slice(0, 40) : callee}(${label.trim()}…)@${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`;
  }
  return `<anonymous>@${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`;
}

/** Lines a node spans, first to last. */
function spanLines(node: ts.Node, sf: ts.SourceFile): number {
  const start = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
  const end = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
  return end - start + 1;
}

/** The long functions of one file. */
export function longFunctions(file: string, text: string, max = MAX_FUNCTION_LINES): Offender[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const out: Offender[] = [];
  const seen = new Map<string, number>();
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && (node as ts.FunctionLikeDeclaration).body) {
      const lines = spanLines(node, sf);
      if (lines > max) {
        let name = functionName(node, sf);
        const n = (seen.get(name) ?? 0) + 1;
        seen.set(name, n);
        if (n > 1) name = `${name}#${n}`;
        out.push({ id: `${file}#${name}`, lines, kind: 'function' });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** Whether a file's first comment gives a reason for its length (`Long file: …`). */
export function statesReason(text: string): boolean {
  const head = /^\s*(\/\*[\s\S]*?\*\/|(\/\/[^\n]*\n)+)/.exec(text);
  return !!head && /Long file:\s*\S/.test(head[1]);
}

/** Every offender under src/ (files over the limit without a stated reason, and long functions). */
export function findOffenders(dir = path.join(root, 'src')): Offender[] {
  const out: Offender[] = [];
  for (const abs of sourceFiles(dir)) {
    const file = path.relative(root, abs).split(path.sep).join('/');
    const text = fs.readFileSync(abs, 'utf8');
    const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    if (lines > MAX_FILE_LINES && !statesReason(text)) out.push({ id: file, lines, kind: 'file' });
    out.push(...longFunctions(file, text));
  }
  return out;
}

function main(): void {
  const all = findOffenders();
  const showAll = process.argv.includes('--all');
  const fresh = all.filter((o) => !KNOWN[o.id]);
  const grown = all.filter((o) => KNOWN[o.id] && o.lines > KNOWN[o.id].lines);
  const known = all.filter((o) => KNOWN[o.id] && o.lines <= KNOWN[o.id].lines);
  const gone = Object.keys(KNOWN).filter((id) => !all.some((o) => o.id === id));
  const say = (o: Offender) => `${o.id}: ${o.lines} lines (limit ${o.kind === 'file' ? MAX_FILE_LINES : MAX_FUNCTION_LINES})`;
  if (showAll) for (const o of all) console.log(say(o));
  if (known.length) {
    console.warn(`check-sizes: ${known.length} known offender(s), not split yet:`);
    for (const o of known) console.warn(`  ${say(o)}: ${KNOWN[o.id].why}`);
  }
  for (const id of gone) console.warn(`check-sizes: ${id} is within the limits now; delete it from KNOWN in scripts/check-sizes.ts`);
  if (fresh.length || grown.length) {
    console.error(`check-sizes: ${fresh.length + grown.length} new or grown offender(s) under src/:`);
    for (const o of fresh) console.error(`  ${say(o)}`);
    for (const o of grown) console.error(`  ${say(o)}; was ${KNOWN[o.id].lines} when listed as known`);
    console.error(`Split the file or function (or, for a file, state why it is long in a "Long file: …" line at its top).`);
    process.exit(1);
  }
  console.log(`check-sizes: no new file over ${MAX_FILE_LINES} lines without a reason, no new function over ${MAX_FUNCTION_LINES} lines`);
}

if (require.main === module) main();
