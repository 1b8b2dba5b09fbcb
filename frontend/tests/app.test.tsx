import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { hydrate, render as renderInto } from 'preact';
import { LocationProvider } from 'preact-iso';
import { renderToString } from 'preact-render-to-string';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../src/app';
import { resetDocumentHead } from '../src/lib/head';
import type { PagePayload } from '../src/lib/payload';
import { article, doctor, doctorBooking, payloadFor, routed, site } from './fixtures';

const routes: Record<string, unknown> = {
  '/dr-amit-pandey/': routed(doctor, doctorBooking),
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
    return new Response('{}', { status: 404 });
  });
  vi.stubGlobal('fetch', fetchMock);
  vi.stubGlobal('scrollTo', () => undefined);
  resetDocumentHead();
});

const hydratedRoots: HTMLElement[] = [];

afterEach(() => {
  cleanup();
  // Unmounted, so their location listeners do not answer the next test's clicks.
  for (const root of hydratedRoots.splice(0)) renderInto(null, root);
  vi.unstubAllGlobals();
  history.replaceState(null, '', '/');
  document.body.innerHTML = '';
});

function start(payload: PagePayload) {
  history.replaceState(null, '', payload.path + payload.query);
  return render(
    <LocationProvider>
      <App payload={payload} />
    </LocationProvider>,
  );
}

/** What the server sends (the app rendered to a string from the payload), then the browser's hydrate. */
function hydrateServerMarkup(payload: PagePayload) {
  history.replaceState(null, '', payload.path + payload.query);
  const server = renderToString(
    <LocationProvider>
      <App payload={payload} />
    </LocationProvider>,
  );
  const root = document.createElement('div');
  root.innerHTML = server;
  document.body.append(root);
  hydratedRoots.push(root);
  const before = root.innerHTML;
  hydrate(
    <LocationProvider>
      <App payload={payload} />
    </LocationProvider>,
    root,
  );
  return { root, before };
}

const articleDocument = () => payloadFor('/articles/medical-or-surgical/', { route: routed(article, doctorBooking) });

describe('App', () => {
  it("hydrates the server's markup as it is, and asks for nothing the payload holds", async () => {
    document.title = 'Server title';
    const { root, before } = hydrateServerMarkup(articleDocument());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(root.innerHTML).toBe(before);
    expect(root.querySelector('h1')?.textContent).toBe(article.title);
    expect(fetchMock).not.toHaveBeenCalled();
    // The first document's head is the server's: the app does not rewrite it.
    expect(document.title).toBe('Server title');
  });

  it('navigates on a link click without reloading, shows the new head and booking links, and goes back', async () => {
    start(articleDocument());
    fireEvent.click(screen.getByRole('link', { name: 'Dr. Amit Pandey' }));
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Dr. Amit Pandey'));
    expect(location.pathname).toBe('/dr-amit-pandey/');
    await waitFor(() => expect(document.title).toBe(doctor.head!.document_title));
    const bar = screen.getByRole('complementary', { name: 'Book an appointment' });
    expect(bar.querySelector('a')?.getAttribute('href')).toBe('tel:+912222222222');
    history.back();
    await waitFor(() => expect(location.pathname).toBe('/articles/medical-or-surgical/'));
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(article.title));
  });

  it("opens the booking form from an article's invitation, for the article's doctor, without a Book link in the bar", async () => {
    start(articleDocument());
    const invitation = screen.getByRole('region', { name: 'Talk to the doctor' });
    fireEvent.click(within(invitation).getByRole('link', { name: 'Book an appointment' }));
    await waitFor(() => expect(location.pathname).toBe('/appointment/'));
    expect(location.search).toBe('?doctor=4&page=4');
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Book an appointment with Dr. Amit Pandey'));
    const bar = screen.getByRole('complementary', { name: 'Book an appointment' });
    expect(within(bar).queryByRole('link', { name: /Book/ })).toBeNull();
  });

  it('follows a redirect from the route endpoint', async () => {
    start(articleDocument());
    const link = document.createElement('a');
    link.href = '/old-address/';
    link.textContent = 'old';
    document.querySelector('main')!.append(link);
    fireEvent.click(link);
    await waitFor(() => expect(location.pathname).toBe('/dr-amit-pandey/'));
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Dr. Amit Pandey'));
  });

  it('shows the not-found page when the server said 404', () => {
    start(payloadFor('/missing/', { status: 404 }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Page not found');
  });

  it("shows a password-protected page's form, posting to the page itself", () => {
    const form = { kind: 'password' as const, title: 'Password required', action: '/members/', csrf_token: 't0k3n', return_url: '/members/', error: 'Wrong password.' };
    start(payloadFor('/members/', { status: 401, restricted: form }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Password required');
    expect(screen.getByRole('alert').textContent).toBe('Wrong password.');
    expect(screen.getByLabelText('Password').getAttribute('aria-invalid')).toBe('true');
    expect(document.querySelector('form')?.getAttribute('action')).toBe('/members/');
  });
});

describe('frontend-only routes', () => {
  it("names the doctor the booking link carries, with the practice's call and WhatsApp links and no Book link", () => {
    start(payloadFor('/appointment/', { query: '?doctor=4&page=9' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Book an appointment with Dr. Amit Pandey');
    expect(screen.getByLabelText(/Your name/)).toBeTruthy();
    const bar = screen.getByRole('complementary', { name: 'Book an appointment' });
    const links = Array.from(bar.querySelectorAll('a')).map((a) => a.getAttribute('href'));
    expect(links).toEqual([site.booking.tel_url, site.booking.whatsapp_url]);
  });

  it('names no doctor when the link carries one a visitor may not see', () => {
    start(payloadFor('/appointment/', { query: '?doctor=77' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Book an appointment');
  });

  it('shows the inlined results without a request, and asks the search API for new words', async () => {
    const hit = { kind: 'article', page_id: 9, promoted: false, snippet: 'An <mark>oncologist</mark>', title: article.title, url: '/articles/medical-or-surgical/' };
    const results = { query: 'oncologist', count: 1, limit: 10, offset: 0, items: [hit] };
    fetchMock.mockImplementation(async () => new Response(JSON.stringify({ ...results, query: 'surgeon' })));
    start(payloadFor('/search/', { query: '?q=oncologist', search: results as never }));
    expect(screen.getByRole('link', { name: article.title })).toBeTruthy();
    expect(screen.getByText('1 result for “oncologist”')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
    fireEvent.input(screen.getByLabelText(/Search articles/), { target: { value: 'surgeon' } });
    fireEvent.submit(document.querySelector('form[role="search"]')!);
    await waitFor(() => expect(screen.getByText('1 result for “surgeon”')).toBeTruthy());
    expect(String(fetchMock.mock.calls[0][0])).toBe('/api/v3/search/?q=surgeon');
  });

  it('says what was searched for when nothing matched, and offers the suggested words as a search', () => {
    const results = { query: 'chemotheraphy', count: 0, limit: 10, offset: 0, items: [], suggestion: 'chemotherapy' };
    start(payloadFor('/search/', { query: '?q=chemotheraphy', search: results as never }));
    expect(screen.getByText('Nothing matched “chemotheraphy”. Try another word.')).toBeTruthy();
    expect(screen.getByText(/Did you mean/).textContent).toBe('Did you mean chemotherapy?');
    expect(screen.getByRole('link', { name: 'chemotherapy' }).getAttribute('href')).toBe('/search/?q=chemotherapy');
  });

  it('asks a visitor who is not signed in to the admin to sign in before previewing', async () => {
    fetchMock.mockImplementation(
      async () => new Response(JSON.stringify({ status: 403, title: 'Forbidden', detail: 'Sign in', type: 'about:blank' }), { status: 403 }),
    );
    start(payloadFor('/__preview__/', { query: '?content_type=blog.articlepage&token=abc' }));
    const link = await screen.findByRole('link', { name: 'Sign in' });
    expect(link.getAttribute('href')).toBe(`/admin/login/?next=${encodeURIComponent('/__preview__/?content_type=blog.articlepage&token=abc')}`);
    expect(String(fetchMock.mock.calls[0][0])).toBe('/api/v3/preview/?content_type=blog.articlepage&token=abc');
  });
});
