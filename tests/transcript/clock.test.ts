import { describe, expect, it } from 'vitest';
import { clockRead, formatClock, readClock, readClockInto } from '../../src/transcript/formats/clock.ts';

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
    expect(readClock('1234:00:00', 0)).toMatchObject({ ok: false, reason: 'syntax' });
    expect(readClock('', 0)).toMatchObject({ ok: false });
    expect(readClock('-1:00', 0)).toMatchObject({ ok: false });
    expect(readClock('00:00:01.0001', 0)).toMatchObject({ ok: false, reason: 'syntax' });
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
