import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../src/app';
import { resetInitialData } from '../src/lib/pageData';
import { article, doctor, site } from './fixtures';

const routes: Record<string, unknown> = {
  '/dr-amit-pandey/': { kind: 'page', page: doctor },
  '/old-address/': { kind: 'redirect', redirect: { location: '/dr-amit-pandey/', status: 301 } },
};

let fetchMock: ReturnType<typeof vi.fn>;

beforeEach(() => {
  fetchMock = vi.fn(async (input: string) => {
    const url = new URL(input, 'http://localhost');
    if (url.pathname === '/api/v3/route/') {
      const found = routes[url.searchParams.get('path') ?? ''];
      return found
        ? new Response(JSON.stringify(found), { status: 200 })
        : new Response(JSON.stringify({ status: 404, title: 'Not Found', detail: 'Nothing', type: 'about:blank' }), { status: 404 });
    }
    if (url.pathname === '/api/v3/articles/') return new Response(JSON.stringify({ count: 0, items: [], limit: 12, offset: 0 }));
    if (url.pathname.startsWith('/api/v3/pages/')) return new Response(JSON.stringify(doctor));
    return new Response('{}', { status: 404 });
  });
  vi.stubGlobal('fetch', fetchMock);
  vi.stubGlobal('scrollTo', () => undefined);
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  resetInitialData(undefined);
  history.replaceState(null, '', '/');
});

function start(path: string, data: Record<string, unknown>) {
  history.replaceState(null, '', path);
  resetInitialData({ status: 200, path, location_search: '', site, ...data });
  return render(<App />);
}

describe('App', () => {
  it('renders the first view from the inlined JSON without asking the route endpoint', () => {
    start('/articles/medical-or-surgical/', { route: { kind: 'page', page: article } });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(article.title);
    expect(fetchMock.mock.calls.some(([url]) => String(url).startsWith('/api/v3/route/'))).toBe(false);
  });

  it('navigates on a link click without reloading, and back again', async () => {
    start('/articles/medical-or-surgical/', { route: { kind: 'page', page: article } });
    fireEvent.click(screen.getByRole('link', { name: 'Dr. Amit Pandey' }));
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Dr. Amit Pandey'));
    expect(location.pathname).toBe('/dr-amit-pandey/');
    history.back();
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(article.title));
  });

  it('follows a redirect and shows the 404 page for a missing path', async () => {
    start('/articles/medical-or-surgical/', { route: { kind: 'page', page: article } });
    const link = document.createElement('a');
    link.href = '/old-address/';
    link.textContent = 'old';
    document.querySelector('main')!.append(link);
    fireEvent.click(link);
    await waitFor(() => expect(location.pathname).toBe('/dr-amit-pandey/'));
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Dr. Amit Pandey'));
  });

  it('shows the not-found page when the server said 404', () => {
    history.replaceState(null, '', '/missing/');
    resetInitialData({ status: 404, path: '/missing/', location_search: '', site, route: null });
    render(<App />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Page not found');
  });
});

describe('frontend-only routes', () => {
  it('renders the appointment page inside the app, naming the doctor in the CTA', async () => {
    start('/appointment/', { route: null });
    history.replaceState(null, '', '/appointment/?doctor=4');
    cleanup();
    render(<App />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Book an appointment');
    expect(screen.getByLabelText(/Your name/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Book an appointment' }).getAttribute('href')).toBe('/appointment/?doctor=4');
  });

  it('renders the search page with results from the search API', async () => {
    fetchMock.mockImplementation(async () =>
      new Response(JSON.stringify({ query: 'oncologist', count: 1, limit: 20, offset: 0, items: [{ kind: 'article', page_id: 9, promoted: false, snippet: 'An <mark>oncologist</mark>', title: article.title, url: '/articles/medical-or-surgical/' }] })),
    );
    history.replaceState(null, '', '/search/?q=oncologist');
    resetInitialData({ status: 200, path: '/search/', location_search: '?q=oncologist', site, search: null });
    render(<App />);
    await waitFor(() => expect(screen.getByRole('link', { name: article.title })).toBeTruthy());
    expect(screen.getByText('1 result for “oncologist”')).toBeTruthy();
  });
});
