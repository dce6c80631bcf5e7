import { classOf, colourOf, legendClasses, MISSING_COLOUR, PALETTE, quantileBreaks } from '../../src/client/core/classes';

describe('quantile class breaks for the map', () => {
  it('When ten distinct values are split into five classes, then each class holds two values', () => {
    const values = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5];
    const breaks = quantileBreaks(values, 5);
    expect(breaks).toEqual({ uppers: [2, 4, 6, 8, 10], min: 1 });
    const counts = [0, 0, 0, 0, 0];
    for (const v of values) counts[classOf(v, breaks.uppers)]++;
    expect(counts).toEqual([2, 2, 2, 2, 2]);
  });

  it('When many values tie, then classes that would share an upper bound merge', () => {
    // The 20th–80th percentiles are all 0: one class for the zeros, one for the rest.
    expect(quantileBreaks([0, 0, 0, 0, 0, 0, 0, 0, 5, 9], 5)).toEqual({ uppers: [0, 9], min: 0 });
    expect(quantileBreaks([3, 3, 3], 5)).toEqual({ uppers: [3], min: 3 });
  });

  it('When values are missing or not finite, then they are left out of the breaks and get class −1', () => {
    expect(quantileBreaks([null, 4, undefined, NaN, 2, Infinity], 2)).toEqual({ uppers: [2, 4], min: 2 });
    expect(classOf(null, [2, 4])).toBe(-1);
    expect(classOf(NaN, [2, 4])).toBe(-1);
    expect(quantileBreaks([null, undefined], 5)).toEqual({ uppers: [], min: 0 });
  });

  it('When the input order is shuffled, then the breaks are the same', () => {
    const values = [5, 17, 3, 3, 99, 42, 8, 1, 0.5, 12, 7];
    expect(quantileBreaks([...values].reverse(), 5)).toEqual(quantileBreaks(values, 5));
  });

  it('When a value is above the last upper bound (another indicator), then it falls in the last class', () => {
    expect(classOf(1000, [2, 4, 6])).toBe(2);
    expect(classOf(-5, [2, 4, 6])).toBe(0);
  });

  it('When classes are coloured, then they spread over the palette, rank reverses it, and missing is grey', () => {
    expect([0, 1, 2, 3, 4].map((c) => colourOf(c, 5))).toEqual([...PALETTE]);
    expect([0, 1, 2].map((c) => colourOf(c, 3))).toEqual([PALETTE[0], PALETTE[2], PALETTE[4]]);
    expect(colourOf(0, 5, true)).toBe(PALETTE[4]);
    expect(colourOf(0, 1)).toBe(PALETTE[4]);
    expect(colourOf(-1, 5)).toBe(MISSING_COLOUR);
  });

  it('When the legend is drawn, then each row has its colour and the range from the previous upper bound', () => {
    expect(legendClasses({ uppers: [2, 4], min: 1 })).toEqual([
      { colour: PALETTE[0], lower: 1, upper: 2, first: true },
      { colour: PALETTE[4], lower: 2, upper: 4, first: false },
    ]);
  });
});
