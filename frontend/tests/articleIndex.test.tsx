import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../src/app';
import { resetInitialData } from '../src/lib/pageData';
import { site } from './fixtures';

const index = {
  id: 8,
  title: 'Articles',
  meta: { type: 'blog.BlogIndexPage', slug: 'articles' },
  introduction: 'Articles about cancer care.',
  head: { title: 'Articles', description: '', canonical_url: '', path: '/articles/', social_image: null, breadcrumbs: [] },
};

const card = (id: number) => ({
  id,
  title: `Article ${id}`,
  path: `/articles/article-${id}/`,
  summary: 'Summary',
  published_date: '2026-01-01',
  last_reviewed_date: null,
  reading_time: 2,
  hero_image: null,
  author: null,
  categories: [],
  tags: [],
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  resetInitialData(undefined);
  history.replaceState(null, '', '/');
});

describe('article list', () => {
  it('asks the API for the filtered page and links the neighbouring pages with real URLs', async () => {
    const fetchMock = vi.fn(async (input: string) => {
      const url = new URL(input, 'http://localhost');
      if (url.pathname === '/api/v3/articles/') {
        return new Response(JSON.stringify({ count: 30, items: [card(13), card(14)], limit: 12, offset: 12 }));
      }
      return new Response('{}', { status: 404 });
    });
    vi.stubGlobal('fetch', fetchMock);
    vi.stubGlobal('scrollTo', () => undefined);
    history.replaceState(null, '', '/articles/?tag=biopsy&page=2');
    // The document was /articles/ without a query: its inlined listing does not apply.
    resetInitialData({ status: 200, path: '/articles/', location_search: '', site, route: { kind: 'page', page: index } as never });
    render(<App />);
    await waitFor(() => expect(screen.getByRole('link', { name: 'Article 13' })).toBeTruthy());
    const called = new URL(String(fetchMock.mock.calls.find(([u]) => String(u).startsWith('/api/v3/articles/'))![0]), 'http://x');
    expect(Object.fromEntries(called.searchParams)).toEqual({ tag: 'biopsy', limit: '12', offset: '12' });
    expect(screen.getByText('Page 2 of 3')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Previous page' }).getAttribute('href')).toBe('/articles/?tag=biopsy');
    expect(screen.getByRole('link', { name: 'Next page' }).getAttribute('href')).toBe('/articles/?tag=biopsy&page=3');
  });
});
