import { analyseLetter } from '../../src/letters/analyse';
import { senderIndexFor } from '../../src/letters/reference';
import { splitAnswers } from '../../src/letters/split';
import { normaliseText, splitSentences } from '../../src/letters/text';
import { highlightSegments } from '../../src/letters/highlight';

const index = senderIndexFor();
const suggest = (text: string) => analyseLetter(text, index).suggestions;
const sender = (text: string) => analyseLetter(text, index).sender;

describe('suggestion rules (bokmål and nynorsk, negation, hedging)', () => {
  it.each([
    ['Kommunen ønsker et nytt tjenestested i sentrum.', 'yes'],
    ['Kommunen ønskjer eit nytt tenestestad på Straume.', 'yes'],
    ['Kommunen ønsker ikke et nytt tjenestested.', 'no'],
    ['Kommunen ønskjer ikkje eit nytt tenestestad.', 'no'],
    ['Kommunen ber ikke om et nytt tjenestested.', 'no'],
    ['Kommunen har ikke tatt stilling til om den ønsker et nytt tjenestested.', 'unclear'],
    ['Kommunen har ikkje teke stilling til spørsmålet om eit nytt tenestestad.', 'unclear'],
    ['Vi ønsker i første rekke å styrke dagens tjenestested med flere årsverk.', 'no'],
    ['Vi ber om at lensmannskontoret som ble lagt ned, gjenopprettes.', 'yes'],
    ['Det er ikke aktuelt med et nytt tjenestested i kommunen.', 'no'],
    ['Ønsker kommunen et nytt tjenestested i politiet?', 'unclear'],
  ])('When a letter says "%s", then wants-station is %s', (sentence, expected) => {
    expect(suggest(`Svar fra kommunen\n\n${sentence}\n`).wantsStation).toBe(expected);
  });

  it('When a municipality already has a station and asks to keep it, then it is not read as a wish for a new one, and the reason says strengthen', () => {
    const a = analyseLetter('Kommunen har allerede et tjenestested, og vi ber om at tjenestestedet styrkes med flere tjenestepersoner.', index);
    expect(a.suggestions.wantsStation).toBe('no');
    expect(a.details.wantsReason).toBe('strengthen');
  });

  it.each([
    ['Kommunen kan tilby lokaler i rådhuset.', true],
    ['Kommunen kan ikkje tilby lokale.', false],
    ['Kommunen har ikke ledige lokaler.', false],
    ['Kommunen vil vurdere å stille lokaler til disposisjon.', false],
    ['Vi kan stille lokale til disposisjon i helsehuset, samlokalisert med legevakta.', true],
  ])('When a letter says "%s", then offers-premises is %s', (sentence, expected) => {
    expect(suggest(`Svar\n\n${sentence}\n`).offersPremises).toBe(expected);
  });

  it('When premises are offered with an address and partners, then the text names the building and address and the partners are listed', () => {
    const s = suggest('Kommunen kan tilby lokaler i rådhuset, Storgata 12, samlokalisert med NAV og brannstasjonen.');
    expect(s.premisesText).toContain('rådhuset');
    expect(s.premisesText).toContain('Storgata 12');
    expect(s.coLocation).toEqual(expect.arrayContaining(['NAV', 'brannstasjon', 'rådhus']));
  });

  it.each([
    ['Kommunen er godt fornøyd med politiet.', 'yes'],
    ['Kommunen er ikkje nøgd med bemanninga.', 'no'],
    ['Kommunen er delvis fornøyd.', 'partly'],
    ['Kommunen er fornøyd med samarbeidet, men ikke med responstiden.', 'partly'],
    ['Kommunen er ikke helt fornøyd med tjenestetilbudet.', 'partly'],
  ])('When a letter says "%s", then satisfied is %s', (sentence, expected) => {
    expect(suggest(sentence).satisfied).toBe(expected);
  });

  it('When digital services "cannot replace" presence, then presence is asked for and the internet is not', () => {
    const s = suggest('4. Tilgjengelighet\nDigitale tjenester kan ikke erstatte fysisk tilstedeværelse av politiet.\n5. Nytt tjenestested\nNei.');
    expect(s.channels).toContain('presence');
    expect(s.channels).not.toContain('internet');
  });

  it('When every suggestion is made, then each field with a value names the sentence it came from, and the sentence is found at its offsets', () => {
    const a = analyseLetter('Herøy kommune\n\n5. Nytt tjenestested\nJa. Kommunen kan tilby lokaler i rådhuset.', index);
    for (const e of a.evidence) expect(a.text.slice(e.start, e.end).replace(/\n/g, ' ')).toBe(e.text);
    expect(a.evidence.some((e) => e.field === 'wantsStation')).toBe(true);
  });
});

describe('sender matching', () => {
  it('When the letterhead names a shared name, then the county, neighbours and postcode decide, with evidence', () => {
    const nordland = sender('HERØY KOMMUNE\nPostboks 3, 8850 Herøy\n\nVi samarbeider med nabokommunene Dønna og Alstahaug i Nordland.');
    expect(nordland.kommunenummer).toBe('1818');
    expect(nordland.candidates[0].evidence.map((e) => e.kind)).toEqual(expect.arrayContaining(['letterhead', 'postcode']));
    const more = sender('Herøy kommune\n\nKommunen samarbeider tett med Ulstein kommune og Hareid kommune i Møre og Romsdal politidistrikt.\n\nMed venleg helsing\nHerøy kommune');
    expect(more.kommunenummer).toBe('1515');
  });

  it('When a shared name has no context at all, then no sender is chosen and the planner is asked', () => {
    const m = sender('Herøy kommune\n\nKommunen er delvis fornøyd med politiet.');
    expect(m.kommunenummer).toBeNull();
    expect(m.status).toBe('unsure');
    expect(m.candidates.map((c) => c.kommunenummer).sort()).toEqual(['1515', '1818']);
  });

  it('When the letter gives a code from before the 2024 county split, then the 2024 municipality is found', () => {
    expect(sender('Til departementet\nKommunenummer: 3024, Viken fylke\nVi har ingen merknader.').kommunenummer).toBe('3201');
    expect(sender('Til departementet\nKommunenr. 0219\nVi har ingen merknader.').kommunenummer).toBe('3201');
  });

  it('When the letter is addressed to the ministry in Oslo and names its neighbours, then the sender is still the letterhead municipality', () => {
    const m = sender('Alver kommune\nPostboks 4, 5906 Frekhaug\n\nJustis- og beredskapsdepartementet\nPostboks 8005 Dep\n0030 Oslo\n\nKommunen grensar til Bergen kommune, Austrheim kommune og Fedje kommune.\n\nMed venleg helsing\nAlver kommune');
    expect(m.kommunenummer).toBe('4631');
    expect(m.candidates.find((c) => c.kommunenummer === '0301')).toBeUndefined();
  });

  it('When "Hurdalsplattformen" is mentioned, then it is not taken for Hurdal', () => {
    expect(sender('Lom kommune\n\nVi viser til Hurdalsplattformen.').kommunenummer).toBe('3434');
  });
});

describe('splitting and highlighting', () => {
  it('When answer 1 holds its own numbered list, then the answers 1-5 are still found', () => {
    const text = normaliseText('1. Utfordringer\nVi ser:\n1. Forebygging blant unge\n2. Beredskap ved ras\n2. Tilfredshet\nVi er ikke fornøyd.\n3. Samarbeid\nGodt.\n4. Tilgjengelighet\nMer synlig politi.\n5. Nytt tjenestested\nJa.');
    const { method, sections } = splitAnswers(text);
    expect(method).toBe('numbered');
    expect(sections.filter((s) => s.question).map((s) => [s.question, s.heading])).toEqual([
      [1, '1. Utfordringer'], [2, '2. Tilfredshet'], [3, '3. Samarbeid'], [4, '4. Tilgjengelighet'], [5, '5. Nytt tjenestested'],
    ]);
  });

  it('When text comes from a PDF with wrapped lines, then a sentence that runs over a line break stays one sentence', () => {
    const line = 'Kommunen ønsker et nytt tjenestested og kan tilby lokaler i rådhuset på Silvalen for politiet';
    const text = normaliseText(`${line}\nog nabokommunene.\nNeste avsnitt er en lang linje som fyller hele bredden av siden, slik som i PDF.`);
    expect(splitSentences(text)[0].text).toBe(`${line} og nabokommunene.`);
  });

  it('When evidence sentences overlap, then the segments cover the text once with every field marked', () => {
    const segs = highlightSegments('abcdefghij', [{ field: 'wantsStation', start: 2, end: 6 }, { field: 'satisfied', start: 4, end: 8 }]);
    expect(segs.map((s) => s.text).join('')).toBe('abcdefghij');
    expect(segs.find((s) => s.text === 'ef')?.fields).toEqual(['satisfied', 'wantsStation']);
  });
});
