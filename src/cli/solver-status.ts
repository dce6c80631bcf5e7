/** How the CLI names a selection's status: a solve cut short is "feasible, gap x %", never "optimal". */

/** "optimal", or for a set not proven optimal "feasible, gap x %" and why the solver stopped. */
export function statusLabel(s: { status: string; gap: number | null; stoppedBy: string | null }): string {
  if (s.status !== 'feasible') return s.status;
  const gap = s.gap === null ? 'gap unknown' : `gap ${(100 * s.gap).toPrecision(3)} %`;
  const why = s.stoppedBy === 'timeLimit' ? ', stopped by the time limit' : s.stoppedBy === 'otherLimit' ? ', stopped by a solver limit' : '';
  return `feasible, ${gap}${why}`;
}
