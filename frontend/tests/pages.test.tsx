import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { LocationProvider } from 'preact-iso';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Layout } from '../src/components/Layout';
import { PayloadContext } from '../src/lib/payload';
import { ArticlePage } from '../src/pages/ArticlePage';
import { listUrl } from '../src/pages/ArticleIndexPage';
import { DoctorPage } from '../src/pages/DoctorPage';
import { HomePage } from '../src/pages/HomePage';
import { article, doctor, payloadFor, site } from './fixtures';

function inDocument(ui: ComponentChildren, path = '/elsewhere/') {
  return render(
    <LocationProvider>
      <PayloadContext.Provider value={payloadFor(path)}>{ui}</PayloadContext.Provider>
    </LocationProvider>,
  );
}

beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      if (url.startsWith('/api/v3/articles/')) return new Response(JSON.stringify({ count: 1, items: [{ ...article, path: '/articles/medical-or-surgical/' }], limit: 12, offset: 0 }), { status: 200 });
      return new Response('{}', { status: 404 });
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('ArticlePage', () => {
  it('shows byline, reviewer, dates, reading time, references, filing links and share buttons', () => {
    inDocument(<ArticlePage page={article} head={article.head!} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(article.title);
    expect(screen.getByRole('link', { name: 'Dr. Amit Pandey' }).getAttribute('href')).toBe('/dr-amit-pandey/');
    expect(screen.getByRole('link', { name: 'Dr. Meera Rao' }).getAttribute('href')).toBe('/dr-rao/');
    expect(screen.getByText(/Medically reviewed by/)).toBeTruthy();
    const times = document.querySelectorAll('time');
    expect(times[0].getAttribute('datetime')).toBe('2026-01-15');
    expect(times[0].textContent).toBe('15 January 2026');
    expect(times[1].getAttribute('datetime')).toBe('2026-03-01');
    expect(screen.getByText(/3 min read/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'NCI: Types of oncologists' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Medical oncology' }).getAttribute('href')).toBe('/articles/?category=medical-oncology');
    // The tag's slug comes from the API, not guessed from its name.
    expect(screen.getByRole('link', { name: 'cancer treatment' }).getAttribute('href')).toBe('/articles/?tag=cancer-treatment');
    expect(screen.getByRole('link', { name: 'Share on WhatsApp' }).getAttribute('href')).toContain(
      encodeURIComponent('http://testserver/articles/medical-or-surgical/'),
    );
    expect(screen.getByRole('button', { name: 'Copy link' })).toBeTruthy();
  });
});

describe('DoctorPage', () => {
  it('shows registration, credentials, clinic hours and the doctor’s articles', async () => {
    inDocument(<DoctorPage page={doctor} head={doctor.head!} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Dr. Amit Pandey');
    expect(screen.getByText(/MMC 12345, Maharashtra Medical Council/)).toBeTruthy();
    expect(screen.getByText(/DM \(Medical Oncology\), AIIMS \(2010\)/)).toBeTruthy();
    expect(screen.getByText('Monday: 09:30–13:00')).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Articles by Dr. Amit Pandey' })).toBeTruthy());
  });
});

describe('Layout and CTA bar', () => {
  it('shows the booking links it is given, and the landmarks', () => {
    inDocument(
      <Layout head={site.app_pages.appointment}>
        <h1>About us</h1>
      </Layout>,
    );
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
    expect(screen.getByRole('contentinfo')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
    const bar = screen.getByRole('complementary', { name: 'Book an appointment' });
    const links = Array.from(bar.querySelectorAll('a')).map((a) => a.getAttribute('href'));
    expect(links).toEqual([site.booking.tel_url, site.booking.whatsapp_url, '/appointment/']);
    // Right below the header, before the page: the first screen has it at every width.
    expect(screen.getByRole('banner').nextElementSibling).toBe(bar);
  });
});

describe('Layout footer and header', () => {
  it('links the privacy notice and the disclaimer chosen in the site settings', () => {
    inDocument(
      <Layout head={site.app_pages.search}>
        <h1>Search</h1>
      </Layout>,
    );
    const footer = screen.getByRole('contentinfo');
    const links = Array.from(footer.querySelectorAll('a')).map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual([
      ['Privacy notice', '/privacy/'],
      ['Medical disclaimer', '/disclaimer/'],
    ]);
  });

  it('marks the menu entry titled like the site, which phones leave out of the header', () => {
    const named = { ...site, menu: [{ id: 4, title: 'Clinic', path: '/clinic-doctor/' }, ...site.menu] };
    render(
      <LocationProvider>
        <PayloadContext.Provider value={{ ...payloadFor('/elsewhere/'), site: named }}>
          <Layout head={site.app_pages.search}>
            <h1>Search</h1>
          </Layout>
        </PayloadContext.Provider>
      </LocationProvider>,
    );
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(nav.querySelector('.same-as-brand a')?.getAttribute('href')).toBe('/clinic-doctor/');
    expect(nav.querySelectorAll('.same-as-brand')).toHaveLength(1);
  });
});

describe('HomePage', () => {
  const home = (featured: unknown[], newest: unknown[]) => {
    const page = { id: 3, title: 'Home', meta: { type: 'home.HomePage', slug: 'home' }, hero_heading: 'Care', hero_text: '', hero_image: null, introduction: '', featured_doctors: [], featured_articles: featured };
    const listing = { count: newest.length, limit: 6, offset: 0, items: newest };
    render(
      <LocationProvider>
        <PayloadContext.Provider value={payloadFor('/', { articles: listing as never })}>
          <HomePage page={page as never} head={{ ...site.app_pages.search, path: '/' }} />
        </PayloadContext.Provider>
      </LocationProvider>,
    );
  };

  it('shows the picked articles, then the newest others below them', () => {
    const picked = { id: 11, title: 'Picked', path: '/articles/picked/', summary: '', published_date: '2026-01-01', hero_image: null };
    const newest = (id: number) => ({ ...article, id, title: `Newest ${id}`, path: `/articles/n-${id}/` });
    home([picked], [newest(11), newest(12), newest(13)]);
    const latest = screen.getByRole('region', { name: 'Latest articles' });
    expect(Array.from(latest.querySelectorAll('h3')).map((h) => h.textContent)).toEqual(['Newest 12', 'Newest 13']);
    expect(screen.getByRole('region', { name: 'Featured articles' }).textContent).toContain('Picked');
  });

  it('shows the newest articles when none are picked, from the payload', () => {
    home([], [article]);
    expect(screen.queryByRole('region', { name: 'Featured articles' })).toBeNull();
    expect(screen.getByRole('region', { name: 'Latest articles' }).textContent).toContain(article.title);
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('article list URLs', () => {
  it('keeps filters and drops page=1', () => {
    expect(listUrl('/articles/', { category: 'surgical-oncology' }, 1)).toBe('/articles/?category=surgical-oncology');
    expect(listUrl('/articles/', { tag: 'biopsy' }, 3)).toBe('/articles/?tag=biopsy&page=3');
    expect(listUrl('/articles/', { tag: 'her2+ breast' }, 1)).toBe('/articles/?tag=her2%2B%20breast');
  });
});
