/**
 * Decimal numbers read straight from UTF-8 bytes, each the same double `Number()` would give: a fast
 * path for plain decimals whose digits fit in 2^53 and whose power of ten is at most 10^22, where one
 * IEEE division or multiplication by an exact power of ten is correctly rounded (W. D. Clinger, "How to
 * read floating point numbers accurately", PLDI 1990); 16- and 17-digit decimals (what JavaScript and
 * Python print for a computed double) are checked against their rounding interval with an exact
 * residual (`nearestQuotient`); anything else, and any case near a tie, goes to `Number()`.
 */
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** Parses a decimal number from bytes; NaN when it is not one. */
export function parseDecimal(buf: Buffer, start: number, end: number, decimalComma: boolean): number {
  let i = start;
  let neg = false;
  if (buf[i] === 0x2d || buf[i] === 0x2b) neg = buf[i++] === 0x2d;
  // The significant digits are h·10^e + l: h the first 15 (exact in a double), l the rest.
  let h = 0;
  let l = 0;
  let e = 0;
  let digits = 0;
  let frac = 0;
  let seenPoint = false;
  let anyDigit = false;
  for (; i < end; i++) {
    const c = buf[i];
    if (c >= 0x30 && c <= 0x39) {
      anyDigit = true;
      if (digits === 0 && c === 0x30) {
        if (seenPoint) frac++;
        continue;
      }
      if (digits < 15) h = h * 10 + (c - 0x30);
      else if (digits < 17) {
        l = l * 10 + (c - 0x30);
        e++;
      }
      digits++;
      if (seenPoint) frac++;
    } else if (!seenPoint && (c === 0x2e || (decimalComma && c === 0x2c))) seenPoint = true;
    else break;
  }
  if (i < end || !anyDigit) return slowParse(buf, start, end, decimalComma);
  let v: number;
  if (digits <= 15 && frac <= 22) v = frac === 0 ? h : h / POW10[frac];
  else if (digits <= 17 && frac >= 1 && frac <= 22) v = nearestQuotient(h, e, l, frac);
  else v = NaN;
  if (Number.isNaN(v)) {
    // Too many digits for the exact paths, or too close to a rounding boundary: Number() on the bytes.
    const text = buf.toString('latin1', start, end);
    return Number(decimalComma ? text.replace(',', '.') : text);
  }
  return neg ? -v : v;
}

const SPLIT = 134217729; // 2^27 + 1 (Veltkamp's splitting constant)
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
/** Half a unit in the last place of a normal double with biased exponent `exp`: 2^(exp − 1076). */
const HALF_ULP = Float64Array.from({ length: 2048 }, (_, exp) => 2 ** (exp - 1076));

/** The rounding error of a·b = hi + error, exactly (T. J. Dekker, "A floating-point technique for extending the available precision", Numer. Math. 18, 1971). */
function productError(a: number, b: number, hi: number): number {
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return ah * bh - hi + ah * bl + al * bh + al * bl;
}

/**
 * The double nearest to m / 10^frac with m = h·10^e + l (16 or 17 significant digits, frac 1…22), or NaN
 * when undecided. A candidate x = fl(m) / 10^frac is within one unit in the last place; the residual
 * m − x·10^frac is computed exactly enough (m and x·10^frac as double-doubles, Dekker's product) to see
 * whether it lies inside x's rounding interval (± half a unit times 10^frac), otherwise x's neighbour is
 * tried. Near a tie, at a power of two or off the normal range the answer is NaN and the caller uses Number().
 */
function nearestQuotient(h: number, e: number, l: number, frac: number): number {
  const scale = POW10[e];
  const a1 = h * scale;
  const a2 = productError(h, scale, a1);
  const m1 = a1 + l;
  const bv = m1 - a1;
  const m2 = a2 + (a1 - (m1 - bv) + (l - bv)); // integers of at most a few units: exact
  const p = POW10[frac];
  if (m2 === 0 && m1 <= 9007199254740992) return m1 / p; // m exact: one correctly rounded division
  if (!LITTLE_ENDIAN) return NaN;
  let x = m1 / p;
  for (let step = 0; step < 2; step++) {
    F64[0] = x;
    const exp = (U32[1] >>> 20) & 0x7ff;
    if (exp === 0 || exp === 0x7ff || ((U32[1] & 0xfffff) === 0 && U32[0] === 0)) return NaN;
    const half = HALF_ULP[exp] * p;
    const p1 = x * p;
    const r = m1 - p1 + (m2 - productError(x, p, p1));
    const margin = half * 1e-6;
    if (Math.abs(r) < half - margin) return x;
    if (Math.abs(r) <= half + margin) return NaN;
    if (r > 0) {
      if (U32[0] === 0xffffffff) U32[1]++;
      U32[0] = U32[0] + 1;
    } else {
      if (U32[0] === 0) U32[1]--;
      U32[0] = U32[0] - 1;
    }
    x = F64[0];
  }
  return NaN;
}

function slowParse(buf: Buffer, start: number, end: number, decimalComma: boolean): number {
  let text = buf.toString('utf8', start, end).trim();
  if (decimalComma) text = text.replace(',', '.');
  if (text === '' || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return NaN;
  return Number(text);
}
