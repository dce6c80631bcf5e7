/**
 * A solver's gap reads one way everywhere: per cent with four decimals (as the exports print it) through one formatter,
 * under the Norwegian name «avstand til beste grense» (the catalogue's «Beste grense» is the bound it is measured to).
 */
import { formatGap, GAP_DIGITS, t } from '../../src/common/i18n';
import { numberFormat } from '../../src/client/core/format';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('the gap', () => {
  it('When a gap is shown in the browser and in an export, then both read «0,0012 %» in Norwegian and «0.0012 %» in English', () => {
    expect(GAP_DIGITS).toBe(4);
    expect(plain(numberFormat('nb').gap(0.000012))).toBe('0,0012 %');
    expect(plain(formatGap('nb', 0.000012))).toBe('0,0012 %');
    expect(plain(numberFormat('en').gap(0))).toBe('0.0000 %');
    expect(formatGap('nb', null)).toBe('–');
    expect(numberFormat('nb').gap(null)).toBe('–');
  });

  it('When the workspace names the gap in bokmål, then every place uses «avstand til beste grense», not the English word', () => {
    const nb = [t('nb', 'ws.gap'), t('nb', 'prop.gap'), t('nb', 'report.selGap'), t('nb', 'ws.exactDone'), t('nb', 'report.methodSolved')];
    for (const s of nb) expect(s.replace(/\{[^}]*\}/g, '')).not.toMatch(/\bgap\b/i);
    expect(t('nb', 'ws.gap')).toBe('avstand til beste grense');
    expect(t('nb', 'prop.gap')).toBe('Avstand til beste grense');
  });
});
