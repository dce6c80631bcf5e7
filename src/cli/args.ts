import { CliUsageError } from './types';

/** Parsed command-line flags: `--name value`, `--flag` (true) and positionals. */
export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string | true>;
}

/**
 * Parses `--key value`, `--key=value` and boolean `--key` flags.
 * @param args the arguments after the command name
 * @param booleanFlags flags that never take a value (e.g. `json`, `dry-run`)
 */
export function parseArgs(args: readonly string[], booleanFlags: readonly string[] = []): ParsedArgs {
  const positionals: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    if (eq > 0) {
      flags[arg.slice(2, eq)] = arg.slice(eq + 1);
      continue;
    }
    const name = arg.slice(2);
    const next = args[i + 1];
    if (booleanFlags.includes(name) || next === undefined || next.startsWith('--')) {
      flags[name] = true;
    } else {
      flags[name] = next;
      i++;
    }
  }
  return { positionals, flags };
}

/** Returns a string flag's value, or throws a usage error naming the flag when it is required and absent. */
export function stringFlag(parsed: ParsedArgs, name: string, required: true): string;
export function stringFlag(parsed: ParsedArgs, name: string, required?: false): string | undefined;
export function stringFlag(parsed: ParsedArgs, name: string, required = false): string | undefined {
  const value = parsed.flags[name];
  if (value === undefined) {
    if (required) throw new CliUsageError(`--${name} is required`);
    return undefined;
  }
  if (value === true) throw new CliUsageError(`--${name} needs a value`);
  return value;
}

/** Returns a numeric flag's value or the default; throws naming the flag when it is not plain decimal digits (`0x14`, `1e3` are not). */
export function numberFlag(parsed: ParsedArgs, name: string, fallback: number): number {
  const raw = stringFlag(parsed, name);
  if (raw === undefined) return fallback;
  const value = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isFinite(value)) throw new CliUsageError(`--${name} must be a number, got "${raw}"`);
  return value;
}

/** Returns a whole-number flag from `min` to `max`, or the default; throws naming the flag otherwise. */
export function integerFlag(parsed: ParsedArgs, name: string, min: number, max: number, fallback: number): number {
  const raw = stringFlag(parsed, name);
  if (raw === undefined) return fallback;
  const value = /^\s*\+?\d{1,12}\s*$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(value) || value < min || value > max) throw new CliUsageError(`--${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return value;
}
