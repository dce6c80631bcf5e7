import fs from 'node:fs';
import path from 'node:path';

const clientDir = path.join(__dirname, '..', '..', 'src', 'client');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []);
}

/** Ways of putting a string into the page as HTML. */
const HTML_SINKS = /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser/;

describe('browser code builds the page from elements and text', () => {
  it('When the browser sources are read, then none parses a string as HTML', () => {
    const offenders = sources(clientDir).flatMap((file) =>
      fs.readFileSync(file, 'utf8').split('\n').flatMap((line, i) => (HTML_SINKS.test(line) ? [`${path.relative(clientDir, file)}:${i + 1}: ${line.trim()}`] : [])));
    expect(offenders).toEqual([]);
  });

  it('When a Leaflet tooltip or icon is made, then it gets an element, not a string (Leaflet sets strings as HTML)', () => {
    // Tooltips take `tooltipContent(…)` (text nodes) or a function typed to return an element; icons an element.
    const unsafe = /bindTooltip\((?!tooltipContent\(|\(\) => this\.tooltipOf\()|bindPopup\(|html:\s*['"`]/;
    const offenders = sources(clientDir).flatMap((file) =>
      fs.readFileSync(file, 'utf8').split('\n').flatMap((line, i) => (unsafe.test(line) ? [`${path.relative(clientDir, file)}:${i + 1}: ${line.trim()}`] : [])));
    expect(offenders).toEqual([]);
  });
});
