import { barPercent, formatDecimal, formatInteger, formatPercent, localToday } from './format';

describe('number formats', () => {
  it('writes decimals and shares the way each language does', () => {
    expect(formatDecimal('fi', 0.4147)).toBe('0,41');
    expect(formatDecimal('sv', 1)).toBe('1,00');
    expect(formatDecimal('en', 0.4147)).toBe('0.41');
    expect(formatPercent('fi', 0.2).replace(/\s/g, ' ')).toBe('20 %');
    expect(formatPercent('en', 0.15)).toBe('15%');
    expect(formatInteger('fi', 20000).replace(/\s/g, ' ')).toBe('20 000');
  });

  it('takes today in the local time zone', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });

  it('clamps bars to 0..100 % and never gives NaN', () => {
    expect(barPercent(0.4147)).toBe(41.5);
    expect(barPercent(null)).toBe(0);
    expect(barPercent(Number.NaN)).toBe(0);
    expect(barPercent(1.2)).toBe(100);
    expect(barPercent(-1)).toBe(0);
  });
});
