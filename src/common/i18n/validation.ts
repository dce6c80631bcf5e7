/**
 * Field messages of the schemas (`common/fields.ts`, `model/scenario.ts`): what is wrong with one value.
 * Bokmål and English side by side; keys `v.*`.
 */
import { area } from './area';

export const validationTexts = area({
  'v.format': { nb: 'har ugyldig format', en: 'has an invalid format' },
  'v.idFormat': { nb: 'må være 1–64 bokstaver, sifre, - eller _', en: 'must be 1–64 letters, digits, - or _' },
  'v.required': { nb: 'må fylles ut', en: 'is required' },
  'v.integer': { nb: 'må være et heltall, fikk «{value}»', en: 'must be a whole number, got "{value}"' },
  'v.integerType': { nb: 'må være et heltall', en: 'must be a whole number' },
  'v.number': { nb: 'må være et tall, fikk «{value}»', en: 'must be a number, got "{value}"' },
  'v.boolean': { nb: 'må være true eller false, fikk «{value}»', en: 'must be true or false, got "{value}"' },
  'v.range': { nb: 'må være fra {min} til {max}, fikk {value}', en: 'must be from {min} to {max}, got {value}' },
  'v.min': { nb: 'må være minst {min}', en: 'must be at least {min}' },
  'v.max': { nb: 'må være høyst {max}', en: 'must be at most {max}' },
  'v.finite': { nb: 'må være et endelig tall', en: 'must be a finite number' },
  'v.minChars': { nb: 'må ha minst {min} tegn', en: 'must have at least {min} characters' },
  'v.maxChars': { nb: 'kan ha høyst {max} tegn', en: 'may have at most {max} characters' },
  'v.minItems': { nb: 'må ha minst {min} elementer', en: 'must have at least {min} entries' },
  'v.maxItems': { nb: 'kan ha høyst {max} elementer', en: 'may have at most {max} entries' },
  'v.oneOf': { nb: 'må være en av {options}, fikk «{value}»', en: 'must be one of {options}, got "{value}"' },
  'v.type': { nb: 'har feil type (ventet {expected}, fikk {received})', en: 'has the wrong type (expected {expected}, got {received})' },
  'v.unknownKeys': { nb: 'ukjente felt: {keys}', en: 'unknown fields: {keys}' },
  'v.controlChars': {
    nb: 'inneholder kontrolltegn (for eksempel NUL eller retningsstyring); fjern dem',
    en: 'contains control characters (such as NUL or direction overrides); remove them',
  },
  'v.knr': { nb: 'må være et kommunenummer med fire sifre, fikk «{value}»', en: 'must be a kommunenummer of 4 digits, got "{value}"' },
  'v.unknownKnr': { nb: 'ukjent kommunenummer: {list}', en: 'unknown kommunenummer: {list}' },
  'v.unknownSite': { nb: 'ukjent sted (id): {list}', en: 'unknown site id: {list}' },
  'v.duplicates': { nb: 'står mer enn én gang: {list}', en: 'appear more than once: {list}' },
  'v.unknownDistrict': { nb: 'ukjent politidistrikt: {list}; kjente: {known}', en: 'unknown police district: {list}; known: {known}' },
  'v.unknownCriteria': { nb: 'ukjent kriterium: {list}; kjente: {known}', en: 'unknown criterion: {list}; known: {known}' },
  'v.weightsUnreadable': {
    nb: 'kan ikke leses («{value}»); skriv kriterium:vekt adskilt med komma, for eksempel crimeRate:2,driveTime:3',
    en: 'cannot be read ("{value}"); write criterion:weight pairs separated by commas, e.g. crimeRate:2,driveTime:3',
  },
  'v.pairsUnreadable': {
    nb: 'kan ikke leses («{value}»); skriv navn:antall adskilt med komma, for eksempel Finnmark:1',
    en: 'cannot be read ("{value}"); write name:count pairs separated by commas, e.g. Finnmark:1',
  },
  'v.allZero': {
    nb: 'minst én vekt må være større enn 0 (bare forholdet mellom vektene teller)',
    en: 'at least one weight must be greater than 0 (only the ratios of the weights matter)',
  },
});
