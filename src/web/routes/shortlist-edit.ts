/**
 * Editing a whole shortlist at once (issue 14): the shortlist page is one form, so changes to
 * several rows are saved together and none is lost when another row is saved. The form carries,
 * per candidate, `status:<knr>`, `site:<knr>` and `rationale:<knr>`; `pick` (the rows ticked) with
 * `bulkStatus` sets one status on many rows; `move=<knr>:up|down` saves and moves a row. Only what
 * differs from the stored list is written (so the audit log shows real changes), all or nothing.
 */
import type { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../app';
import { appRouter } from '../router';
import { updateCandidates, type CandidateEdit } from '../../db/shortlists-repo';
import { CANDIDATE_STATUSES, type CandidateSite, type CandidateStatus } from '../../shortlist';
import { freeText } from '../../common/fields';
import { NotFoundError, ZodValidationError, shownValue } from '../../common/errors';
import { actorOf } from '../actor';
import { requireShortlist, siteChoice } from './shortlists';

const statusField = z.enum(CANDIDATE_STATUSES as [CandidateStatus, ...CandidateStatus[]]);
const rowFields = z.object({
  status: statusField.optional(),
  rationale: freeText(10000).optional(),
  site: z.string().regex(/^(centre|premises:\d{1,2}|place:s\d{4})$/, 'must be "place:<site id>", "centre" or "premises:N"').optional(),
});
const listForm = z.object({
  pick: z.union([z.string(), z.array(z.string())]).optional().transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
  bulkStatus: z.union([statusField, z.literal('')]).optional(),
  bulk: z.string().optional(),
  move: z.string().regex(/^\d{4}:(up|down)$/, 'must be "<kommunenummer>:up" or ":down"').optional(),
});

function parse<T extends z.ZodTypeAny>(schema: T, value: unknown, where = ''): z.output<T> {
  const r = schema.safeParse(value);
  if (!r.success) throw new ZodValidationError(r.error, where);
  return r.data;
}

const sameSite = (a: CandidateSite, b: CandidateSite): boolean => a.kind === b.kind && Math.abs(a.lon - b.lon) < 1e-9 && Math.abs(a.lat - b.lat) < 1e-9;

export function shortlistEditRoutes({ db }: AppDeps): Router {
  const router = appRouter();

  router.post('/shortlists/:id/edit', (req, res) => {
    const sl = requireShortlist(db, req.params.id);
    const form = (req.body ?? {}) as Record<string, unknown>;
    const list = parse(listForm, form);
    const onList = new Set(sl.candidates.map((c) => c.kommunenummer));
    for (const knr of list.pick) if (!onList.has(knr)) throw new NotFoundError({ key: 'err.notOnShortlist', params: { knr: shownValue(knr), shortlist: sl.id } });
    const bulk = list.bulk !== undefined && list.bulkStatus ? list.bulkStatus : null;
    const edits: CandidateEdit[] = [];
    for (const c of sl.candidates) {
      const k = c.kommunenummer;
      const row = parse(rowFields, { status: form[`status:${k}`] || undefined, rationale: form[`rationale:${k}`], site: form[`site:${k}`] || undefined }, `${k}: `);
      const status = bulk && list.pick.includes(k) ? bulk : row.status;
      const site = row.site ? siteChoice(db, k, row.site) : undefined;
      const edit: CandidateEdit = {
        kommunenummer: k,
        ...(status && status !== c.status ? { status } : {}),
        ...(row.rationale !== undefined && row.rationale !== c.rationale ? { rationale: row.rationale } : {}),
        ...(site && !sameSite(site, c.site) ? { site } : {}),
      };
      if (Object.keys(edit).length > 1) edits.push(edit);
    }
    const move = list.move ? { kommunenummer: list.move.slice(0, 4), delta: list.move.endsWith(':up') ? (-1 as const) : (1 as const) } : null;
    if (move && !onList.has(move.kommunenummer)) throw new NotFoundError({ key: 'err.notOnShortlist', params: { knr: move.kommunenummer, shortlist: sl.id } });
    const changed = updateCandidates(db, sl.id, edits, move, actorOf(req), new Date().toISOString());
    res.redirect(303, `/shortlists/${sl.id}?changed=${changed}${move ? `#c-${move.kommunenummer}` : ''}`);
  });

  return router;
}
