/**
 * Municipal host names (`…kommune.no`) in a letter's text, for the sender match (`sender.ts`).
 */

/** A domain match: its start and end in the text, and `domain` (the last label before `.kommune.no`, and that). */
export interface DomainMatch { start: number; end: number; domain: string }

/**
 * Host names ending in `.kommune.no` ("post@heroy.kommune.no"): the same matches as
 * /(?:[a-z0-9-]+\.)*([a-z0-9-]+\.kommune\.no)/giu, in linear time. That expression backtracked over every run of
 * letters (a 10,000-letter word took 1 s, a letter may hold 400,000 characters). What it matches, read off its
 * parts: inside a run of [a-z0-9.-], a chain of non-empty labels joined by single dots, from the chain's start (or
 * where the previous match ended) to the last place in the chain where a label is followed by the label "kommune"
 * and a label that begins with "no" (its star is greedy); a chain without such a place has no match anywhere in it.
 */
export function kommuneDomains(text: string): DomainMatch[] {
  const out: DomainMatch[] = [];
  const run = /[a-z0-9.-]+/giu;
  let m: RegExpExecArray | null;
  while ((m = run.exec(text))) {
    if (/\.kommune\.no/iu.test(m[0])) domainsInRun(m[0], m.index, out);
  }
  return out;
}

function domainsInRun(runText: string, at: number, out: DomainMatch[]): void {
  const labels: { start: number; end: number; text: string }[] = [];
  let from = 0;
  for (const part of runText.split('.')) {
    labels.push({ start: from, end: from + part.length, text: part });
    from += part.length + 1;
  }
  const isKommune = (k: number) => /^kommune$/iu.test(labels[k].text);
  const startsNo = (k: number) => /^no/iu.test(labels[k].text);
  let k = 0;
  let p = 0;
  while (k < labels.length) {
    if (p >= labels[k].end) { k++; p = labels[k]?.start ?? 0; continue; }
    let e = k;
    while (e + 1 < labels.length && labels[e + 1].text !== '') e++;
    let j = e - 2;
    while (j >= k && !(isKommune(j + 1) && startsNo(j + 2))) j--;
    if (j < k) { k = e + 1; p = labels[k]?.start ?? 0; continue; }
    const end = labels[j + 2].start + 2;
    const domainStart = j === k ? p : labels[j].start;
    out.push({ start: at + p, end: at + end, domain: runText.slice(domainStart, end) });
    k = j + 2;
    p = end;
  }
}
