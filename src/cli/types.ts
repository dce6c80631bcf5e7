import { ValidationError } from '../common/errors';

/** The CLI's seam to the outside world, so commands can be tested without a process. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads all of standard input (for passwords and piped files). */
  readStdin?: () => Promise<string>;
}

/** A command receives its own arguments (after the command name) and returns an exit code. */
export type CommandFn = (args: readonly string[], io: CliIO) => Promise<number>;

/** Thrown by commands for user errors (bad flags, bad files); printed to stderr with exit code 2. */
export class CliUsageError extends ValidationError {
  constructor(message: string) {
    super(message, undefined, 'usage');
  }
}
