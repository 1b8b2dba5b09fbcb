import { describe, expect, it } from 'vitest';
import { en, setLanguage, t } from '../src/i18n/messages';

describe('message catalog', () => {
  it('fills placeholders', () => {
    expect(t('pageOf', { page: 2, pages: 5 })).toBe('Page 2 of 5');
  });

  it('keeps English for a language without a catalog', () => {
    setLanguage('hi-IN');
    expect(t('book')).toBe(en.book);
    setLanguage('en');
  });
});
