/**
 * The words the suggestion rules read, bokmål and nynorsk side by side. Each entry is a regular expression
 * over lower-case text, matched as whole words (`word()`): inflected forms are spelled out or left open with a
 * suffix class, because the Snowball stemmer is written for bokmål and would split `ønsker`/`ønskjer`.
 */

/** Wraps a pattern so it matches whole words only (Unicode letters count as word characters). */
export function word(pattern: string, flags = 'gu'): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${pattern})(?![\\p{L}\\p{N}])`, flags);
}

/** True when the pattern matches somewhere in the text (a fresh regex each call: no shared lastIndex). */
export function has(re: RegExp, text: string): boolean {
  return new RegExp(re.source, re.flags.replace('g', '')).test(text);
}

/** First match position, or -1. */
export function indexOf(re: RegExp, text: string): number {
  const m = new RegExp(re.source, re.flags.replace('g', '')).exec(text);
  return m ? m.index : -1;
}

// ------------------------------------------------------------------ polarity

/** Negation words. `ei` (nynorsk) is left out: it is also the feminine article. */
export const negator = word('ikke|ikkje|ikkj|ingen|inga|intet|ingenting|inkje|aldri|verken|hverken|korkje|nei');

/** Phrases with a negation word that do not negate what follows ("not only", "not least"). */
export const notNegating = word('ikke (?:bare|berre|kun|minst|uten|utan)|ikkje (?:bare|berre|kun|minst|utan)|ingen tvil|ikke tvil|ikkje tvil');

/** Undecided, conditional or deferred (checked before negation: "har ikke tatt stilling" is not a "no"). */
export const hedge = word(
  [
    'har (?:ennå |enno |foreløpig |førebels )?(?:ikke|ikkje) (?:tatt|teke|teki|tatt endelig) (?:stilling|standpunkt)',
    '(?:ikke|ikkje) (?:tatt|teke) (?:endelig )?(?:stilling|standpunkt)',
    'tar (?:endelig )?stilling',
    'ta (?:endelig )?stilling',
    '(?:vil|skal|kan|må|bør) (?:[\\p{L}]+ ){0,2}(?:vurdere|vurdera|sjå på|se på|drøfte|utrede|greie ut)', 'må vurderes', 'skal vurderes', 'vurderer', 'vurderar', 'vil bli vurdert', 'under vurdering',
    'usikker', 'usikre', 'uavklart', 'uavklara', '(?:ikke|ikkje) (?:avklart|avklara|ferdig vurdert|bestemt|besluttet|vedteke|vedtatt)',
    'avventer', 'ventar', 'avvente', '(?:kommer|komme|kome|kjem|komma) tilbake (?:til (?:saken|saka|spørsmålet|spørsmål|dette|det|departementet|dykk|dere|temaet)|med)', 'ettersender', 'ettersend(?:e|ast|es)',
    // Deferred until the municipality knows or has decided more ("vil ikke be om … før vi vet").
    'før (?:vi|kommunen|kommunestyret|heradsstyret|formannskapet|bystyret) (?:vet|veit|kjenner|kjenner til|har (?:fått|teke|tatt|vurdert|drøfta|drøftet)|tar stilling|tek stilling|får)', 'på et senere tidspunkt', 'på eit seinare tidspunkt',
    'senere tidspunkt', 'seinare tidspunkt', 'ønsker dialog', 'ønskjer dialog', 'ønsker en dialog', 'ønskjer ein dialog',
    'åpen for', 'open for', 'åpne for', 'opne for', 'ser (?:ikke|ikkje) bort fra', 'ser (?:ikke|ikkje) bort frå', 'kan tenke seg', 'kan tenkje seg',
    'kanskje', 'muligens', 'moglegvis', 'eventuelt', 'foreløpig (?:ikke|ikkje)', 'førebels (?:ikke|ikkje)',
    'vil se på', 'vil sjå på', 'se nærmere på', 'sjå nærare på', 'utrede', 'utgreie', 'greie ut', 'drøfte(?:s)? nærmere', 'drøftast',
  ].join('|'),
);

/**
 * Hedges that follow what they hedge, as the predicate of a clause: "Spørsmålet om et nytt tjenestested … er ikke
 * avklart", "… for egen del før vi vet hvordan det blir bemannet".
 */
export const predicateHedge = word(
  '(?:er|blir|vert)(?: (?:ennå|enno|foreløpig|førebels))? (?:ikke|ikkje) (?:avklart|avklara|bestemt|besluttet|vedteke|vedtatt|ferdig (?:vurdert|drøftet|drøfta|behandlet|handsama))|' +
    '(?:er|blir|vert) (?:uavklart|uavklara|under vurdering|til vurdering|til behandling|til handsaming)|(?:må|skal) (?:vurderes|vurderast|drøftes|drøftast|utredes|greiast ut)|vil bli vurdert|skal opp (?:i|til)|' +
    'før (?:vi|kommunen|kommunestyret|heradsstyret|formannskapet|bystyret) (?:vet|veit|kjenner|har|tar|tek|får)',
);

/** Conditions ("if", "provided that"). */
export const conditional = word('dersom|hvis|viss|om det|forutsatt|føresett|føresetnad|under forutsetning|på vilkår|i så fall|i tilfelle');

// ------------------------------------------------------------------ Q5: a new station

/**
 * A police station of some kind (not `tjenestestedstruktur`: the noun must end the word). Nynorsk letters also
 * write the mixed forms `tenestested` and `tenestekontor`, so those count too.
 */
export const stationNoun = word(
  '[\\p{L}-]{0,30}(?:tjenestested|tenestestad|tjenestestad|tenestested|politistasjon|lensmannskontor|lensmannsetat|politikontor|politipost|politiutpost|politiavdeling|tjenestekontor|tenestekontor)(?:s|et|en|er|ene|a|ar|ane|ene)?|' +
    // A station named without the word: "fast tilhold i kommunen", "en fast base".
    'fast (?:tilhold|tilholdssted|tilhaldsstad|base|stasjon|politikontor)(?:et|en|a)?|politibase(?:n)?',
);

/** The existing station, named definitely ("tjenestestedet", "lensmannskontoret"). */
export const definiteStation = word(
  '[\\p{L}-]{0,30}(?:tjenestestedet|tenestestaden|tenestestadet|tenestestedet|politistasjonen|lensmannskontoret|politikontoret|politiposten)',
);

/** Wanting or asking for something. */
export const wish = word(
  [
    'ønsker', 'ønske', 'ønsket', 'ønskjer', 'ønskje', 'ønskt', 'ønskte', 'ynskjer', 'ynskje', 'ønskelig', 'ønskeleg', 'ønskelige', 'ønskelege',
    'ber (?:[\\p{L}]+ ){0,2}om', 'be (?:[\\p{L}]+ ){0,2}om', 'bede om', 'ber departementet', 'ber regjeringen', 'ber regjeringa', 'ber justisdepartementet',
    '(?:søker|søkjer|søke|søkje) (?:[\\p{L}]+ ){0,2}om', 'går inn for', 'gjeng inn for', 'anbefaler', 'anbefale', 'tilrår', 'tilrå', 'foreslår', 'føreslår', 'sier ja til', 'seier ja til',
    'prioriterer', 'prioritere', '(?:høyt|høgt|sterkt)? ?prioritert', '(?:ser|sjår|er|har) (?:[\\p{L}]+ ){0,2}behov for',
    'positiv til', 'positive til', 'positiv til å', 'interessert i', 'interesse for', 'melder interesse', 'melde interesse',
    'håper', 'håpar', 'har behov for', 'er behov for', 'har bruk for', 'trenger', 'treng', 'vil gjerne ha', 'vil ha', 'vil gjerne få',
    'ønsker å få', 'kjempe for', 'arbeide for', 'arbeider for', 'jobber for', 'ha et eget', 'ha eit eige', 'få et eget', 'få eit eige',
    'må få', 'bør få', 'bør opprettes', 'må opprettes', 'bør etableres', 'må etableres', 'bør lokaliseres', 'bør leggjast', 'bør legges',
    'bør plasseres', 'bør oppretta', 'bør opprettast', 'bør etablerast', 'må etablerast', 'må opprettast',
  ].join('|'),
);

/** A station that would be new (or re-opened), as opposed to the existing one. */
export const newStation = word(
  'nytt|ny|nye|eget|eige|eigne|egne|egen|oppretting|opprette|opprettes|opprettast|oppretta|opprettet|opprettelse|etablere|etableres|etablerast|etablering|etablert|etablerte|' +
    'gjenopprette|gjenopprettes|gjenoppretta|gjenåpne|gjenåpnes|gjenopne|gjenopnast|gjenoppta|reetablere|reetablering|reetablert|tilbake|tilbakeføring|' +
    'lokalisere|lokaliseres|plassere|plasseres|legge|leggje|et av de 20|eit av dei 20|ett av de 20|ett av dei 20|de 20 nye|dei 20 nye',
);

/** Strengthening or keeping what exists. */
export const strengthen = word(
  'styrke|styrkes|styrket|styrka|styrking|styrkje|styrkjast|forsterke|forsterkes|forsterking|opprettholde|opprettholdes|oppretthalde|' +
    'beholde|behalde|videreutvikle|vidareutvikle|utvide|utvides|utviding|utvidelse|øke bemanningen|auke bemanninga|økt bemanning|auka bemanning|' +
    'flere (?:ansatte|tjenestepersoner|politifolk|polititjenestepersoner|stillinger|årsverk)|fleire (?:tilsette|tenestepersonar|stillingar|årsverk)|' +
    'bemanne(?:s)? opp|ruste opp|opprusting|mer ressurser til|meir ressursar til|' +
    // More of what the existing office offers: "lengre åpningstid ved lensmannskontoret", "døgnbemanning".
    '(?:lengre|lenger|utvidet|utvida|utvide|utvidede|betre|bedre) (?:åpningstid|opningstid)(?:er|ar|ene|ane)?|døgnbemanning|døgnbemanna|døgnbemannet|døgnåpent|døgnope|døgnopen|fullverdig',
);

/** The station is the one the municipality already has. */
export const existing = word(
  'dagens|eksisterende|eksisterande|noverande|nåværende|nåverande|vårt|vårt eget|vårt eige|det lokale|allerede|allereie|i dag har|har i dag|' +
    'alt har|har alt|har et|har eit|har ett|har vi|har kommunen|vi har',
);

/** First priority ("i første rekke", "først og fremst"). */
export const priority = word('i første rekke|i fyrste rekkje|i første rekkje|først og fremst|fyrst og fremst|primært|framfor|fremfor|heller enn|i stedet for|i staden for|snarere enn|heller');

/**
 * A station meant for somewhere else: "bør leggjast til kommunar som ikkje har politi i dag", "til andre kommuner",
 * "i nabokommunen". A wish for it is not the municipality's wish for its own station.
 */
export const elsewhere = word(
  '(?:til|i|for|hos) (?:andre|dei andre|de andre|mindre|små) (?:kommuner|kommunar|steder|stader|distrikt|deler av (?:fylket|distriktet))|' +
    '(?:til|i|hos) (?:kommuner|kommunar|stader|steder) som|(?:til|i|hos) (?:nabokommunen|nabokommunane|nabokommunene|nabokommunar|nabokommuner)',
);

/** The administration recommending, which is not the council's decision ("Administrasjonen vil anbefale at …"). */
export const recommendation = word(
  '(?:administrasjonen|rådmannen|kommunedirektøren|kommunedirektør|rådmann|kommunedirektørens|rådmannens) (?:vil |skal |kommer til å )?(?:anbefale|anbefaler|tilrå|tilrår|innstille|innstiller|foreslå|foreslår|føreslå|føreslår|gå inn for|går inn for)',
);

/** An outer negation that cancels an inner one: "Det er ikke slik at vi ikke ønsker …" (a double negative). */
export const notThat = word('(?:ikke|ikkje) (?:slik|sånn|tilfelle|riktig|rett|sant|så) at');

/** Negative predicates about a station ("not relevant", "no need"). */
export const notNeeded = word(
  '(?:ikke|ikkje) (?:aktuelt|aktuell|nødvendig|naudsynt|behov|prioritert|ønskelig|ønskeleg|rett|riktig|hensiktsmessig|formålstenleg|løsningen|løysinga)|' +
    'ingen behov|intet behov|ikkje noko behov|ikke noe behov|ser ingen|ser (?:ikke|ikkje) behov|ser (?:ikke|ikkje) at|' +
    '(?:ikke|ikkje) av den (?:oppfatning|oppfatninga|oppfatningen)|(?:ikke|ikkje) overbevist|(?:mener|meiner|tror|trur) (?:ikke|ikkje) at|' +
    '(?:se|sjå) (?:ikke|ikkje) at|(?:ikke|ikkje) (?:se|sjå) at|(?:sier|seier|takker|takkar|sa|sei) nei til|negativ til|negative til|går imot|går mot|gå imot|er imot|imot at|mot at det',
);

/** A wish whose object is a pronoun for the station named before ("…, og ber om at dette prioriteres"). */
export const anaphor = word('dette|det|et slikt|eit slikt|ett slikt|eitt slikt|slikt|eit slik|et slik|(?:et|eit|ett|eitt)(?!\\s*\\p{L})');

/** A bare yes / no answer at the start of a line or section. */
export const bareYes = /^(?:svar\s*:\s*)?(?:ja|jo)(?:[.,!:;–-]|\s*$|\s+(?:kommunen|vi|det|og|,))/iu;
export const bareNo = /^(?:svar\s*:\s*)?nei(?:[.,!:;–-]|\s*$|\s+(?:kommunen|vi|det|og|,))/iu;

// ------------------------------------------------------------------ Q5: premises

export const premisesNoun = word(
  '(?:[\\p{L}-]{0,30}(?:lokale|lokaler|lokala|lokalet|lokalene|lokalane|kontorplass|kontorplasser|areal|areala|arealer|arealet|kontor|kontorer|kontora|kontoret|kontorrom|husvære|bygg|bygget|bygning|bygningen|fasiliteter|fasilitetar))|husrom|lokalitet|lokaliteter|rom|plass|etasje|etasjen|fløy|fløyen',
);

/** Offering: verbs and adjectives that put premises at the police's disposal. */
export const offer = word(
  [
    'tilby', 'tilbyr', 'tilbys', 'tilbydes', 'tilbyde', 'tilbyast', 'tilbod', 'tilbodet', 'tilbyr seg',
    'stille', 'stiller', 'stilles', 'stillast', 'til disposisjon', 'til rådighet', 'til rådvelde', 'disponibel', 'disponible',
    'ledig', 'ledige', 'ledug', 'kan brukes', 'kan nyttast', 'kan nyttes', 'kan benyttes', 'kan disponeres',
    'gratis', 'vederlagsfritt', 'vederlagsfritt', 'kostnadsfritt', 'husleiefritt', 'uten kostnad', 'utan kostnad', 'leie ut', 'leige ut', 'utleie', 'utleige',
    'samlokalisering', 'samlokalisert', 'samlokalisere', 'samlokaliserast', 'samlokaliseres', 'samlokalisera',
    'legge til rette', 'leggje til rette', 'tilrettelegge', 'tilretteleggje', 'tilrettelagt', 'skaffe', 'skaffe til veie', 'finne lokaler', 'finne lokale',
    'har lokaler', 'har lokale', 'har plass', 'har ledige', 'har gode lokaler', 'har eigna', 'har egnede', 'egnede lokaler', 'eigna lokale',
    'sørge for', 'syte for', 'bidra med lokaler', 'bidra med lokale', 'stille med',
    'leies ut', 'leigast ut', 'leiges ut', 'kan leies', 'kan leigast', 'kan leiges',
    // The police as the subject: "Politiet kan få kontor i kommunehuset", "politiet kan flytte inn hos oss".
    'politiet (?:kan|vil kunne|skal kunne|får|kunne) (?:få|leie|leige|låne|bruke|nytte|disponere|flytte inn|holde til|halde til)',
    '(?:kan|vil) (?:vi|kommunen) (?:finne|ordne|ordna|skaffe)', '(?:vi|kommunen) kan (?:finne|ordne|ordna|skaffe)',
    'kan huse', 'kan husa', 'vil huse', 'vil husa', 'gi husrom', 'gje husrom',
    // Rebuilding or fitting out its own building for the police: "kan byggja om delar av … til politikontor".
    '(?:bygge|byggje|byggja|bygga) om', 'tilpasse', 'tilpassa', 'innrede', 'innreie', 'innreia',
    '(?:er|blir|vil være|vil vere) (?:hjertelig |hjarteleg )?(?:velkommen|velkomen|velkomne|velkomment) (?:til å|å)',
  ].join('|'),
);

/** The police are to find premises themselves ("lokaler må politiet selv skaffe"): not an offer. */
export const policeProvide = word('politiet (?:selv|sjølv|sjøl) (?:må |bør |skal )?(?:skaffe|finne|leie|leige|ordne)|(?:må|bør|skal) politiet (?:selv|sjølv|sjøl) (?:skaffe|finne|leie|leige|ordne)');

/** Helping the police find premises from others ("vil hjelpe politiet med å finne egnede lokaler"): not an offer. */
export const assistOnly = word(
  '(?:hjelpe|hjelpa|bistå|assistere|støtte|rettleie|veilede)(?: politiet)?(?: med å| i å| i)? (?:å )?(?:finne|leite|lete|skaffe|kontakten|kontakt)|private (?:utleiere|utleigarar|gårdeiere|gardeigarar)',
);

// ------------------------------------------------------------------ Q5: co-location partners

/** Co-location partners: id (as stored and shown) → the words that name it. */
export const partners: readonly { id: string; pattern: RegExp }[] = [
  { id: 'NAV', pattern: word('nav|nav-kontor(?:et)?|navkontor(?:et)?') },
  { id: 'brannstasjon', pattern: word('brannstasjon(?:en)?|brannvesen(?:et)?|brann og redning|brann- og redning(?:stjeneste|stenesta|tjenesten)?|brannvern(?:et)?|brannvakt(?:a)?|brannstasjonsbygg(?:et)?') },
  { id: 'rådhus', pattern: word('rådhus(?:et)?|kommunehus(?:et)?|administrasjonsbygg(?:et)?|kommunens administrasjon|heradshus(?:et)?|herredshus(?:et)?') },
  { id: 'helsesenter', pattern: word('helsesenter(?:et)?|helsehus(?:et)?|helsesenteret|legekontor(?:et)?|legesenter(?:et)?|helse- og omsorgssenter(?:et)?|omsorgssenter(?:et)?|helsetun(?:et)?|sjukeheim(?:en)?|sykehjem(?:met)?') },
  { id: 'legevakt', pattern: word('legevakt(?:a|en)?|legevaktsentral(?:en)?') },
  { id: 'ambulanse', pattern: word('ambulansestasjon(?:en)?|ambulansetjeneste(?:n)?|ambulansetenesta|ambulansen') },
  { id: 'servicetorg', pattern: word('servicetorg(?:et)?|innbyggertorg(?:et)?|servicekontor(?:et)?|publikumsmottak(?:et)?') },
  { id: 'kulturhus', pattern: word('kulturhus(?:et)?|samfunnshus(?:et)?') },
  { id: 'bibliotek', pattern: word('bibliotek(?:et)?') },
  { id: 'skole', pattern: word('skole(?:n)?|skule(?:n)?|ungdomsskole(?:n)?') },
  { id: 'sivilforsvar', pattern: word('sivilforsvar(?:et)?') },
  { id: 'beredskapssenter', pattern: word('beredskapssenter(?:et)?|beredskapsbygg(?:et)?|beredskapshus(?:et)?|nødetatsbygg(?:et)?|nødetatene|naudetatane|redningssentral(?:en)?') },
];

/** Words that mark co-location explicitly. */
export const coLocate = word('samlokaliser[\\p{L}]*|samlokalisering[\\p{L}]*|sammen med|saman med|i samme bygg|i same bygg|i samme lokaler|i same lokale|dele lokaler|dele lokale|deler lokaler|felles lokaler|felles lokale|i tilknytning til|vegg i vegg');

/** Buildings that can hold offered premises (for the premises text). */
export const building =
  '(?:det |den |de |dei )?(?:nye |gamle |tidligere |tidlegare |nedlagte |nedlagde |ledige |kommunale |kommunens |kommunen sitt |eksisterende |eksisterande |felles )?(?:[\\p{L}]+- og )?' +
  '(?:rådhus(?:et)?|kommunehus(?:et)?|administrasjonsbygg(?:et)?|servicebygg(?:et)?|helsesenter(?:et)?|helsehus(?:et)?|helsetun(?:et)?|brannstasjon(?:en)?|kulturhus(?:et)?|' +
  'samfunnshus(?:et)?|omsorgssenter(?:et)?|næringsbygg(?:et)?|næringshage(?:n)?|kontorbygg(?:et)?|sentrumsbygg(?:et)?|nav-kontor(?:et)?|lensmannskontor(?:et)?|' +
  'beredskapssenter(?:et)?|beredskapsbygg(?:et)?|bibliotek(?:et)?|heradshus(?:et)?|herredshus(?:et)?|skole(?:n)?|skule(?:n)?|' +
  '[\\p{L}-]{1,30}skole(?:n)?|[\\p{L}-]{1,30}skule(?:n)?|[\\p{L}-]{1,30}senter(?:et)?|[\\p{L}-]{1,30}huset|[\\p{L}-]{1,30}bygget)';

/** A street address: "Rådhusgata 5", "Storgata 12 B", "Hovedveien 3". */
export const streetAddress =
  /(?<![\p{L}])(?:[A-ZÆØÅ][\p{L}.-]{0,40}\s){0,2}[A-ZÆØÅ][\p{L}-]{0,40}(?:gata|gaten|gate|veien|vegen|veg|vei|vn\.|plass|plassen|allé|alle|bakken|brygga|brygge|kaia|kai|torget|torg|stredet|sletta|tunet|stien|svingen|løkka)\s+\d{1,4}\s?[A-Za-z]?(?![\p{L}\p{N}])/gu;

// ------------------------------------------------------------------ Q2: satisfaction

export const satisfiedWord = word('fornøyd|fornøgd|fornøgde|fornøyde|nøgd|nøgde|tilfreds|tilfredse|tilfredsstilt|tilfredsstilte|godt nøgd|vel nøgd');
export const dissatisfiedWord = word('misfornøyd|misfornøyde|misfornøgd|misfornøgde|misnøgd|misnøgde|misnøye|utilfreds|utilfredse|utilfredsstillende|utilfredsstillande|lite nøgd|mindre fornøyd|mindre nøgd|lite fornøyd|lite tilfreds');
export const partlyWord = word(
  'delvis|til dels|i noen grad|i nokon grad|i noe grad|i noko grad|på enkelte områder|på enkelte område|på nokre område|på noen områder|' +
    'både og|blanda|blandet|med unntak av|med visse forbehold|med nokre atterhald|for så vidt|forsåvidt',
);
/** Complaints about the police service (evidence of dissatisfaction without the word itself). */
export const complaint = word(
  'svekket|svekka|svekkelse|svekking|dårligere|dårlegare|altfor|alt for|(?:har )?gått ned|(?:har )?gått tilbake|for lang|for lange|for langt|lang responstid|lange responstider|lengre responstid|for få|for lite|for svak|' +
    'for (?:låg|lav|lavt|lågt|dårleg|dårlig|sein|sen|treg|tynn|tynt|svak|svakt|knapp|knapt|langt unna|langt borte)|strekker (?:ikke|ikkje) til|strekk (?:ikke|ikkje) til|' +
    'mangler|manglar|mangel på|mangelfull|urovekkende|urovekkjande|bekymret|bekymra|bekymring|uheldig|uakseptabel|uakseptabelt|utilstrekkelig|utilstrekkeleg|' +
    '(?:ikke|ikkje) tilstrekkelig|(?:ikke|ikkje) tilstrekkeleg|fraværende|fråverande|fravær|fråvær|nedleggelse|nedlegging|lagt ned|sentralisering|sentralisert|' +
    'redusert|redusert tilstedeværelse|lite synlig|lite synleg|sjelden|sjeldan|ikke til stede|ikkje til stades|ikkje til stade|manglende|manglande',
);
export const praise = word(
  'fungerer godt|fungerer bra|fungerer svært godt|fungerer veldig godt|godt samarbeid|godt samarbeidet|gode erfaringer|gode erfaringar|tett samarbeid|' +
    'god dialog|godt fornøyd|svært fornøyd|veldig fornøyd|positive erfaringer|positive erfaringar|god kontakt|godt tilbud|godt tilbod|gode tjenester|gode tenester',
);

// ------------------------------------------------------------------ Q4: channels

export const channelCues: readonly { id: 'station' | 'presence' | 'attendance' | 'telephone' | 'internet'; pattern: RegExp }[] = [
  { id: 'station', pattern: stationNoun },
  {
    id: 'presence',
    pattern: word(
      '(?:fysisk |synleg |synlig )?(?:tilstedeværelse|tilstedevær|tilstadeværing|tilstedeverelse|nærvær|nærværet)|synlig(?:e|het)?|synleg(?:e)?|synlegheit|synlighet|' +
        'patrulje[\\p{L}]*|patruljer[\\p{L}]*|til stede|til stades|tilstade|kontordag(?:er|ar|ane|ene)?|mobilt? politikontor|' +
        '(?:er|blir|vert) å se|(?:er|blir|vert) å sjå|nærpoliti|politibil i kommunen|politiet ute|' +
        // More police out where people are: "mer politi på sjøen", "oftere politi på skoler", "mer ute blant folk".
        '(?:mer|meir|flere|fleire|oftere|oftare|hyppigere|hyppigare|forebyggende|førebyggjande) (?:politi|politifolk|polititjenestepersoner|politibetjentar|politibetjenter)|' +
        'politi(?:et)? (?:på|i|ved|langs|rundt) (?:skolene|skolane|skulane|skulen|skolen|skoler|skular|arrangement(?:er|a|ene|ane)?|sjøen|fjellet|vegane|veiene|gatene|hytteområd[\\p{L}]*|hyttefelt[\\p{L}]*|bygda|bygdene|grensa|grensen)|' +
        'ute blant folk|blant folk|(?:mer|meir|oftere|oftare) ute|patrulj[\\p{L}]*|mobil(?:e|t)? (?:politienhet|politieining|enhet|eining|teneste|tjeneste|politi)|' +
        '(?:på )?besøk (?:på|til|i) (?:skolene|skoler|skular|skulane|skolen|skulen|barnehag[\\p{L}]*|arrangement[\\p{L}]*|bygda|bygdene|kommunen)|besøker (?:kommunen|bygda|bygdene|skolene|skulane|skoler|skular)|' +
        '(?:forebyggende|førebyggjande) (?:arbeid|politiarbeid|innsats|besøk) (?:i|på|ved) (?:skolene|skulane|skoler|skular|skolen|skulen|ungdomsskolen|ungdomsskulen)',
    ),
  },
  {
    id: 'attendance',
    pattern: word('ansikt til ansikt|andlet til andlet|(?:fysisk |personlig |personleg )?(?:oppmøte|frammøte|fremmøte)|møte opp|møta opp|møte politiet|møta politiet|oppmøtetjeneste|publikumsmottak(?:et)?|publikumstjeneste|åpningstid(?:er|ene)?|opningstid(?:er|ar)?|ekspedisjon(?:en)?|skranke|passkontor(?:et)?|pass og id|pass- og id|for pass|søke pass|søkje pass|levere anmeldelse|anmelde'),
  },
  { id: 'telephone', pattern: word('telefon[\\p{L}]*|ringe|ringje|svartid(?:a|en)?|sentralbord(?:et)?|02800') },
  {
    id: 'internet',
    pattern: word('internett|nett|nettet|nettbasert(?:e)?|digital(?:e|t)?|digitalt|politiet\\.no|nettpatrulje(?:n|ne)?|chat|sosiale medier|sosiale medium|app(?:en)?|videomøte|video|elektronisk(?:e)?|e-post|nettsider|nettsida|nettjenester|nettenester|digitale (?:tjenester|tenester|kanaler|kanalar|løsninger|løysingar)'),
  },
];

/** More of a channel: wish or increase words. */
export const more = word(
  'mer|meir|flere|fleire|økt|økte|auka|auke|øke|økning|styrket|styrka|styrke|styrkje|bedre|betre|forbedret|utvide|utvida|utvidet|lengre|hyppigere|hyppigare|oftere|oftare|' +
    'ønsker|ønskjer|ønske|ønskelig|ønskeleg|ber om|viktig|viktigare|viktigere|avgjørende|avgjerande|behov|forventer|forventar|må|bør|prioritere|prioriterast|prioriteres|savner|saknar|tilbake|' +
    'etablere|etablering|opprette|oppretting|gjenopprette|regelmessig|regelmessige|fast|faste|jevnlig|jamleg|jevnlige|jamlege|nødvendig|naudsynt',
);
/** The channel works as it is / stays as it is. */
export const same = word('som i dag|slik det er|som no|som nå|fungerer godt|fungerer bra|fungerer greit|fungerer tilfredsstillende|tilfredsstillende|tilfredsstillande|greit|godt nok|holder|held|tilstrekkelig|tilstrekkeleg|uendret|uendra|ingen endring|ingen endringar|ingen endringer');
/** Going on as now ("held fram med å vere synleg", "fortsetter å patruljere"). */
export const continueVerb = word('(?:held|holder|halde|holde|halda|fortsetter|fortset|fortsette|fortsetje) (?:fram |frem )?(?:med )?(?:å|og)');

/** Avoiding a channel ("slik at folk slepp å møta opp"): the channel is wanted less. */
export const avoid = word('slepp|slepper|slipper|slippe|sleppe|unngå|unngår|unngåast|uten å|utan å|i stedet for å|i staden for å|framfor å|fremfor å');

/** Less of a channel. */
export const less = word('mindre|færre|færre|redusere|redusert|reduksjon|lavere|lågare|trappe ned');
/** "X cannot replace Y": channels before the verb are not asked for, channels after it are. */
export const replaceVerb = word('erstatte|erstatta|erstattes|erstatning|kompensere|kompensera|kompenseres|veie opp for|vege opp for|alternativ til|i staden for|i stedet for|framfor|fremfor');

// ------------------------------------------------------------------ Q1: areas

export const areaCues: readonly { id: 'prevention' | 'preparedness' | 'civil'; pattern: RegExp }[] = [
  { id: 'prevention', pattern: word('forebygg[\\p{L}]*|førebygg[\\p{L}]*|slt|rusforebygg[\\p{L}]*|kriminalitetsforebygg[\\p{L}]*') },
  { id: 'preparedness', pattern: word('beredskap[\\p{L}]*|krise[\\p{L}]*|naturhending[\\p{L}]*|naturhendelse[\\p{L}]*|ulykke[\\p{L}]*|flom|ras|skred|responstid[\\p{L}]*') },
  { id: 'civil', pattern: word('sivile (?:tjenester|tenester|gjøremål|gjeremål)|sivil rettspleie|namsmann[\\p{L}]*|hittegods|pass|forliksråd[\\p{L}]*|våpenløyve|våpensøknad[\\p{L}]*|sivile oppgåver|sivile oppgaver') },
];
