import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../src/app';
import { payloadFor, routed } from './fixtures';

const index = {
  id: 8,
  title: 'Articles',
  meta: { type: 'blog.BlogIndexPage', slug: 'articles' },
  introduction: 'Articles about cancer care.',
  categories: [{ id: 2, name: 'Medical oncology', slug: 'medical-oncology' }],
  head: { title: 'Articles', document_title: 'Articles | Clinic', description: '', canonical_url: '', path: '/articles/', social_image: null, breadcrumbs: [] },
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
  history.replaceState(null, '', '/');
});

describe('article list', () => {
  it('uses the inlined page of cards for its own filters, and asks the API for other filters with real URLs', async () => {
    const fetchMock = vi.fn(async (_url: string) => new Response(JSON.stringify({ count: 30, items: [card(13), card(14)], limit: 12, offset: 12 })));
    vi.stubGlobal('fetch', fetchMock);
    vi.stubGlobal('scrollTo', () => undefined);
    // The document is /articles/?tag=biopsy; the visitor then goes to its second page.
    const inlined = { count: 30, items: [card(1)], limit: 12, offset: 0 };
    history.replaceState(null, '', '/articles/?tag=biopsy');
    const payload = payloadFor('/articles/', { query: '?tag=biopsy', route: routed(index), articles: inlined as never });
    render(
      <LocationProvider>
        <App payload={payload} />
      </LocationProvider>,
    );
    expect(screen.getByRole('link', { name: 'Article 1' })).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
    screen.getByRole('link', { name: 'Next page' }).click();
    await waitFor(() => expect(screen.getByRole('link', { name: 'Article 13' })).toBeTruthy());
    const called = new URL(String(fetchMock.mock.calls[0][0]), 'http://x');
    expect(Object.fromEntries(called.searchParams)).toEqual({ tag: 'biopsy', limit: '12', offset: '12' });
    expect(screen.getByText('Page 2 of 3')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Previous page' }).getAttribute('href')).toBe('/articles/?tag=biopsy');
    expect(screen.getByRole('link', { name: 'Next page' }).getAttribute('href')).toBe('/articles/?tag=biopsy&page=3');
  });

  it('names the category it is filtered by, even with no article in it', () => {
    vi.stubGlobal('fetch', vi.fn());
    history.replaceState(null, '', '/articles/?category=medical-oncology');
    const empty = { count: 0, items: [], limit: 12, offset: 0 };
    const payload = payloadFor('/articles/', { query: '?category=medical-oncology', route: routed(index), articles: empty as never });
    render(
      <LocationProvider>
        <App payload={payload} />
      </LocationProvider>,
    );
    expect(screen.getByText('Medical oncology', { selector: 'strong' }).parentElement?.textContent).toBe(
      'Showing articles filed under Medical oncology · Show all articles',
    );
  });
});
