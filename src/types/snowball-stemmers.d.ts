/** Types for `snowball-stemmers` (the package ships none): Snowball stemmers ported to JavaScript. */
declare module 'snowball-stemmers' {
  export interface Stemmer {
    stem(word: string): string;
  }
  export function newStemmer(language: string): Stemmer;
  export function algorithms(): string[];
}
