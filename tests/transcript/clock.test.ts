import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_CLOCK_HOURS, clockFieldLimit, clockRead, formatClock, readClock, readClockInto, readCommonClock } from '../../src/transcript/formats/clock.ts';

describe('readClock', () => {
  it('reads SRT and WebVTT clocks with any fraction length', () => {
    expect(readClock('00:00:02,440', 0)).toMatchObject({ ok: true, seconds: 2.44, end: 12 });
    expect(readClock('0:00:02.8', 0)).toMatchObject({ ok: true, seconds: 2.8 });
    expect(readClock('01:02.05', 0)).toMatchObject({ ok: true, seconds: 62.05 });
    expect(readClock('1:2:3', 0)).toMatchObject({ ok: true, seconds: 3723 });
  });
  it('lets minutes pass 59 only when asked', () => {
    expect(readClock('84:37', 0, { fraction: 'none', minuteOverflow: true })).toMatchObject({ ok: true, seconds: 5077 });
    expect(readClock('84:37', 0, { fraction: 'none' })).toMatchObject({ ok: false, reason: 'range', field: 'minutes' });
  });
  it('rejects out-of-range fields and malformed input without throwing', () => {
    expect(readClock('00:99:00', 0)).toMatchObject({ ok: false, reason: 'range', field: 'minutes' });
    expect(readClock('00:00:60', 0)).toMatchObject({ ok: false, reason: 'range', field: 'seconds' });
    expect(readClock('1000000:00:00', 0)).toMatchObject({ ok: false, reason: 'range', field: 'hours' });
    expect(readClock('', 0)).toMatchObject({ ok: false });
    expect(readClock('-1:00', 0)).toMatchObject({ ok: false });
    expect(readClock('00:00:01.0001', 0)).toMatchObject({ ok: false, reason: 'syntax' });
  });
  it('reads hours of any number of digits, up to MAX_CLOCK_HOURS (WebVTT; HLS streams pass 99 hours)', () => {
    expect(readClock('1088:43:01.350', 0)).toMatchObject({ ok: true, seconds: 3919381.35, end: 14 });
    expect(readClock('0000:00:01,000', 0)).toMatchObject({ ok: true, seconds: 1 });
    // Leading zeros do not count: only the value is limited.
    expect(readClock('0000000000999999:00:00.000', 0)).toMatchObject({ ok: true, seconds: 999999 * 3600 });
    expect(readClock(`${MAX_CLOCK_HOURS}:59:59.999`, 0)).toMatchObject({ ok: true, seconds: MAX_CLOCK_HOURS * 3600 + 3599.999 });
    expect(readClock(`${MAX_CLOCK_HOURS + 1}:00:00.000`, 0)).toMatchObject({ ok: false, reason: 'range', field: 'hours', end: 17 });
    expect(readClock('123456789012345678901234567890:00:00.000', 0)).toMatchObject({ ok: false, reason: 'range', field: 'hours' });
    expect(clockFieldLimit('hours')).toBe(`0–${MAX_CLOCK_HOURS}`);
    expect(clockFieldLimit('seconds')).toBe('0–59');
  });
  it('round-trips through formatClock', () => {
    for (const s of [0, 2.44, 59.999, 3600, 5077.5]) {
      const text = formatClock(s, ',');
      expect(readClock(text, 0)).toMatchObject({ ok: true, seconds: s });
    }
  });
});

describe('readClockInto', () => {
  it('reuses one result: a failure leaves no stale seconds, a success no stale reason', () => {
    const out = clockRead();
    const opts = { fraction: 'optional' } as const;
    expect(readClockInto(out, 'at 00:00:02,440', 3, opts)).toBe(true);
    expect(out).toEqual({ seconds: 2.44, end: 15, reason: null, field: null });
    expect(readClockInto(out, '00:61:00', 0, opts)).toBe(false);
    expect(out).toEqual({ seconds: 0, end: 8, reason: 'range', field: 'minutes' });
    expect(readClockInto(out, '1:2:3', 0, opts)).toBe(true);
    expect(out).toEqual({ seconds: 3723, end: 5, reason: null, field: null });
  });
});

describe('readCommonClock', () => {
  const options = { fraction: 'optional', minFieldDigits: 1 } as const;
  /** Strings near the common shapes: digits, separators and a few others, about 13 characters. */
  const nearClock = fc
    .tuple(
      fc.array(fc.constantFrom('0', '1', '5', '9', '6', ':', ',', '.', ' ', '-', 'a'), { minLength: 8, maxLength: 15 }),
      fc.constantFrom('00:00:00,000', '12:34:56.789', '99:59:59,999', '00:60:00,000', '00:00:60,000', '01:02:03,0045', '1:02:03.004', '123:02:03.004', '1234:02:03.004', '1088:43:01.350', '0001088:43:01.350', '1000000:00:00.000', '02:03.500', '2:03.500', '123:03.500'),
      fc.nat({ max: 3 }),
    )
    .map(([chars, clock, mode]) => (mode === 0 ? chars.join('') : mode === 1 ? clock : mode === 2 ? clock + chars.join('') : clock.slice(0, 6) + chars.join('')));

  it('reads what readClockInto reads, to the same value and end, or declines', () => {
    const fast = clockRead();
    const general = clockRead();
    let read = 0;
    fc.assert(
      fc.property(nearClock, fc.boolean(), (s, comma) => {
        if (!readCommonClock(fast, s, 0, comma)) return;
        read++;
        expect(readClockInto(general, s, 0, options)).toBe(true);
        expect(fast).toEqual(general);
      }),
      { numRuns: 5000, seed: 20261123 },
    );
    expect(read).toBeGreaterThan(500);
  });

  it('declines out-of-range fields, other widths, and a comma unless asked', () => {
    const out = clockRead();
    for (const s of ['00:60:00,000', '00:00:60,000', '01:02:03,0045', '01:02:03;004', '1000000:00:00.000', '123:03.500', '01:02:03.04']) expect(readCommonClock(out, s, 0, true)).toBe(false);
    expect(readCommonClock(out, '1088:43:01.350', 0, false)).toBe(true);
    expect(out).toMatchObject({ seconds: 3919381.35, end: 14 });
    expect(readCommonClock(out, '01:02:03,004', 0, false)).toBe(false);
    expect(readCommonClock(out, 'x1:02:03.004 ', 1, false)).toBe(true);
    expect(out).toMatchObject({ seconds: 3723.004, end: 12 });
    expect(readCommonClock(out, '02:03,500', 0, true)).toBe(true);
    expect(out).toMatchObject({ seconds: 123.5, end: 9 });
  });
});
