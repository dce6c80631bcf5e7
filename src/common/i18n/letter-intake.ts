/**
 * Why a letter file, a ZIP of letters or a batch is refused or reported as a duplicate on intake
 * (`letters/extract.ts`, `letters/intake.ts`, `letters/zip.ts`), and what is wrong with a ZIP's central
 * directory (`common/zip-directory.ts`). Bokmål and English side by side; keys `let.refuse.*`, `let.intake.*`,
 * `let.zip.*`, `zip.dir.*`. The English texts are the ones the API, the CLI and the logs have always given.
 */
import { area } from './area';

export const letterIntakeTexts = area({
  'let.refuse.tooLarge': { nb: '{file} er {bytes} byte; et brev kan være høyst {max} byte (10 MB)', en: '{file} is {bytes} bytes; a letter may be at most {max} bytes (10 MB)' },
  'let.refuse.emptyFile': { nb: '{file} er en tom fil (0 byte)', en: '{file} is an empty file (0 bytes)' },
  'let.refuse.imageOnlyPdf': {
    nb: 'PDF-en har bare bilder (en skanning?) og ingen tekst; kjør den gjennom OCR eller send teksten',
    en: 'the PDF holds only images (a scan?) and no text; run it through OCR or send the text',
  },
  'let.refuse.noText': { nb: 'filen har ingen lesbar tekst (færre enn {min} bokstaver og sifre)', en: 'the file has no readable text (fewer than {min} letters and digits)' },
  'let.refuse.docxUnreadable': { nb: 'DOCX-filen kunne ikke leses ({detail})', en: 'the DOCX file could not be read ({detail})' },
  'let.refuse.pdfEncrypted': { nb: 'PDF-en er passordbeskyttet (kryptert); send den uten passord', en: 'the PDF is password-protected (encrypted); send it without a password' },
  'let.refuse.pdfCorrupt': { nb: 'PDF-en kunne ikke leses ({detail})', en: 'the PDF could not be read ({detail})' },
  'let.refuse.pdfStopped': { nb: 'PDF-leseren stoppet (avslutningskode {code})', en: 'PDF reader stopped (exit {code})' },
  'let.refuse.pdfTimeout': { nb: 'det tok for lang tid å lese PDF-en (ikke ferdig etter {ms} ms)', en: 'reading the PDF took too long (no result after {ms} ms)' },
  'let.refuse.pdfPages': { nb: 'PDF-en har for mange sider ({pages} sider; høyst {max})', en: 'the PDF has too many pages ({pages} pages; at most {max})' },
  'let.refuse.pdfUnpacks': {
    nb: 'PDF-en er for stor når den pakkes ut (de komprimerte strømmene blir mer enn {bytes} byte)',
    en: 'the PDF is too large when unpacked (its compressed streams unpack to more than {bytes} bytes)',
  },
  'let.refuse.zipNotDocx': {
    nb: 'en ZIP-fil som ikke er et Word-dokument; last opp ZIP-arkiver med brev som en samling',
    en: 'a ZIP file that is not a Word document; upload ZIP archives of letters as a batch',
  },
  'let.refuse.docxEncrypted': { nb: 'Word-filen er passordbeskyttet (kryptert); lagre den uten passord', en: 'the Word file is password-protected (encrypted); save it without a password' },
  'let.refuse.oldOffice': { nb: 'en gammel Word-fil (.doc) eller en annen Office-fil; lagre den som DOCX eller PDF', en: 'an old Word (.doc) or other Office file; save it as DOCX or PDF' },
  'let.refuse.image': { nb: 'en bildefil (en skanning?); brev må være PDF med tekst, DOCX eller TXT', en: 'an image file (a scan?); letters must be PDF with text, DOCX or TXT' },
  'let.refuse.binary': { nb: 'verken PDF, DOCX eller en tekstfil', en: 'not a PDF, DOCX or text file' },

  'let.intake.zipTooLarge': { nb: 'ZIP-filen er større enn {max} byte (50 MB)', en: 'the ZIP is larger than {max} bytes (50 MB)' },
  'let.intake.duplicateStored': { nb: 'allerede mottatt som brev {id} ({file})', en: 'already received as letter {id} ({file})' },
  'let.intake.duplicateInBatch': { nb: 'samme fil som {file} i denne sendingen', en: 'the same file as {file} in this batch' },
  'let.intake.batchTooMany': { nb: '{n} filer; en sending kan ha høyst {max}', en: '{n} files; a batch may hold at most {max}' },
  'let.intake.wholeBatch': { nb: '(hele sendingen)', en: '(batch)' },
  'let.intake.noFiles': { nb: 'ingen filer ble sendt', en: 'no files were sent' },

  'let.zip.unreadable': { nb: 'ZIP-filen kunne ikke leses ({detail})', en: 'the ZIP file could not be read ({detail})' },
  'let.zip.damaged': { nb: 'ZIP-filen er skadet ({detail})', en: 'the ZIP file is damaged ({detail})' },
  'let.zip.nested': { nb: '{name}: en ZIP inne i ZIP-filen leses ikke; pakk den ut først', en: '{name}: a ZIP inside the ZIP is not read; unpack it first' },
  'let.zip.tooManyFiles': { nb: 'ZIP-filen har mer enn {max} filer', en: 'the ZIP holds more than {max} files' },
  'let.zip.entryTooLarge': { nb: '{name}: {size} byte utpakket; et brev kan være høyst {max} byte (10 MB)', en: '{name}: {size} bytes unpacked; a letter may be at most {max} bytes (10 MB)' },
  'let.zip.totalTooLarge': { nb: 'ZIP-filen pakkes ut til mer enn {max} byte', en: 'the ZIP unpacks to more than {max} bytes' },
  'let.zip.encrypted': { nb: '{name}: filen er kryptert i ZIP-filen; pakk den uten passord', en: '{name}: the file is encrypted inside the ZIP; pack it without a password' },
  'let.zip.sizeOver': { nb: '{name}: pakkes ut til mer enn de {size} bytene filen oppgir', en: '{name}: unpacks to more than the {size} bytes it declares' },
  'let.zip.sizeUnder': { nb: '{name}: pakkes ut til {actual} byte, men oppgir {size}', en: '{name}: unpacks to {actual} bytes but declares {size}' },
  'let.zip.inflate': { nb: '{name}: kan ikke pakkes ut ({detail})', en: '{name}: cannot be unpacked ({detail})' },
  'let.zip.badName': { nb: 'ZIP-filen er avvist: delen «{name}» {problem}', en: 'the ZIP is refused: the entry "{name}" {problem}' },
  'zip.name.absolute': { nb: 'har en absolutt sti (begynner med / eller en stasjonsbokstav)', en: 'has an absolute path (starts with / or a drive letter)' },
  'zip.name.dot_segment': { nb: 'går ut av mappen med «..»', en: 'climbs out of its folder with ".."' },
  'zip.name.backslash': { nb: 'har omvendt skråstrek (\\) i navnet; ZIP-stier skal bruke /', en: 'has a backslash (\\) in its name; ZIP paths must use /' },
  'zip.name.control': { nb: 'har et kontrolltegn (som NUL eller tekstretningstegn) i navnet', en: 'has a control character (such as NUL or a text direction mark) in its name' },
  'zip.name.duplicate': { nb: 'finnes to ganger i ZIP-filen', en: 'appears twice in the ZIP' },
  'let.zip.method': { nb: '{name}: ukjent komprimeringsmetode {method}', en: '{name}: unsupported compression method {method}' },

  'zip.dir.short': { nb: 'kortere enn sluttposten i en ZIP-fil', en: 'shorter than a ZIP end record' },
  'zip.dir.noEndRecord': { nb: 'sluttposten for ZIP-katalogen mangler', en: 'no end of central directory record' },
  'zip.dir.zip64': { nb: 'ZIP64 leses ikke', en: 'ZIP64 is not read' },
  'zip.dir.zip64Entry': { nb: '{name} har ZIP64-størrelser, som ikke leses', en: '{name} has ZIP64 sizes, which are not read' },
  'zip.dir.tooMany': { nb: '{count} deler; høyst {max} leses', en: '{count} entries; at most {max} are read' },
  'zip.dir.outside': { nb: 'ZIP-katalogen ligger utenfor filen', en: 'the central directory lies outside the file' },
  'zip.dir.entryMissing': { nb: 'katalogoppføring {index} av {count} mangler', en: 'central directory header {index} of {count} is missing' },
  'zip.dir.localMissing': { nb: 'den lokale overskriften til {name} mangler', en: 'the local header of {name} is missing' },
  'zip.dir.cutOff': { nb: '{name} går forbi slutten av filen', en: '{name} runs past the end of the file' },
});
