import { describe, expect, it } from 'vitest';
import { formatDate } from '../src/lib/format';

describe('formatDate', () => {
  it('writes a calendar date as the reader reads it', () => {
    expect(formatDate('2026-11-27')).toBe('27 November 2026');
    expect(formatDate('2026-01-05')).toBe('5 January 2026');
    expect(formatDate('2026-12-31T23:30:00+05:30')).toBe('31 December 2026');
  });

  it('leaves what is not a date as it is, and nothing as nothing', () => {
    expect(formatDate('2026-13-01')).toBe('2026-13-01');
    expect(formatDate('soon')).toBe('soon');
    expect(formatDate(null)).toBe('');
  });
});
