import type { RequestHandler } from 'express';
import type { Db } from '../db/connection';
import { getMeta } from '../db/load-dataset';
import { dictionary, formatDate, formatDateTime, formatNumber, formatSampleShare, formatScore, say, t, type Locale, type MessageKey } from '../common/i18n';
import { sayLocal, type LocalMessage } from '../common/errors';
import { answerSource } from '../model/answers';
import { dataVintageText } from '../model/source-labels';
import { localeOfRequest, ownPath } from './locale-of';
import { labelOf, type LabelKind } from './labels';

/**
 * Picks the interface language: `?lang=en|nb` (remembered in a cookie), else the cookie, else
 * bokmål. Puts `locale`, `t`, `label` (a value's label through its typed map, `labels.ts`), `fmt` and
 * the data vintage on `res.locals` for the views.
 */
export function localeMiddleware(db: Db): RequestHandler {
  return (req, res, next) => {
    const locale: Locale = localeOfRequest(req);
    if (typeof req.query.lang === 'string') res.cookie('lang', locale, { sameSite: 'lax', httpOnly: true, maxAge: 365 * 24 * 3600 * 1000 });
    res.locals.locale = locale;
    res.locals.t = (key: MessageKey) => t(locale, key);
    // A text with its {name} placeholders and {name|one|other} choices filled (counts read «1 endring», «2 endringer»).
    res.locals.say = (key: MessageKey, params: Record<string, string | number> = {}) => say(locale, key, params);
    res.locals.fmt = (value: number | null | undefined, digits = 0) => formatNumber(locale, value, digits);
    res.locals.fmtScore = (value: number | null | undefined) => formatScore(locale, value);
    res.locals.fmtShare = (share: number | null | undefined) => formatSampleShare(locale, share);
    res.locals.label = (kind: LabelKind, value: string) => labelOf(locale, kind, value);
    res.locals.dictionary = dictionary(locale);
    res.locals.dataVintage = dataVintageText(locale, getMeta(db, 'data_vintage') ?? '');
    res.locals.vintage = (stored: string) => dataVintageText(locale, stored);
    // Every time a page shows: stored in UTC, shown in Norwegian time in the locale's format.
    res.locals.when = (iso: string | null | undefined) => (iso ? formatDateTime(locale, iso) : '–');
    // A date without its time (a letter's or answer's received date, premises' available-from), in the same format.
    res.locals.day = (iso: string | null | undefined) => formatDate(locale, iso);
    // An answer's stored source in words (an import file's name as it is; the sample shows as nothing, its tag says it).
    res.locals.sourceText = (stored: string) => {
      const s = answerSource(stored);
      return s.kind === 'file' ? s.name : s.kind === 'sample' ? '' : s.kind === 'manual' ? t(locale, 'resp.source.manual') : say(locale, 'resp.source.letter', { id: s.id, file: s.file });
    };
    res.locals.sayNote = (said: LocalMessage) => sayLocal(locale, said);
    res.locals.path = req.path;
    // The language link keeps the page and its query (scenario, filters), changing only `lang`;
    // it is built from the path alone, so it always stays on this site.
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(req.query)) {
      if (key !== 'lang' && typeof value === 'string') query.append(key, value);
    }
    query.set('lang', locale === 'nb' ? 'en' : 'nb');
    res.locals.langSwitchHref = `${ownPath(req.path)}?${query.toString()}`;
    next();
  };
}
