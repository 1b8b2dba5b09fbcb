import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChromeContext, type PageChrome } from '../src/components/chrome';
import { Layout } from '../src/components/Layout';
import { ArticlePage } from '../src/pages/ArticlePage';
import { DoctorPage } from '../src/pages/DoctorPage';
import { listUrl } from '../src/pages/ArticleIndexPage';
import { article, doctor, site } from './fixtures';

function withChrome(ui: preact.ComponentChildren) {
  let chrome: PageChrome = { title: '' };
  const setChrome = (value: PageChrome) => {
    chrome = value;
  };
  const utils = render(
    <LocationProvider>
      <ChromeContext.Provider value={{ site, setChrome }}>{ui}</ChromeContext.Provider>
    </LocationProvider>,
  );
  return { ...utils, chrome: () => chrome };
}

beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      if (url.startsWith('/api/v3/pages/4/')) return new Response(JSON.stringify(doctor), { status: 200 });
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
    withChrome(<ArticlePage page={article} />);
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
    expect(screen.getByRole('link', { name: 'cancer treatment' }).getAttribute('href')).toBe('/articles/?tag=cancer-treatment');
    expect(screen.getByRole('link', { name: 'Share on WhatsApp' }).getAttribute('href')).toContain(
      encodeURIComponent('http://testserver/articles/medical-or-surgical/'),
    );
    expect(screen.getByRole('button', { name: 'Copy link' })).toBeTruthy();
  });

  it("uses the author's own booking contacts for the CTA", async () => {
    const { chrome } = withChrome(<ArticlePage page={article} />);
    await waitFor(() => expect(chrome().doctorContacts?.phone).toBe('+912222222222'));
    expect(chrome().doctorId).toBe(4);
  });
});

describe('DoctorPage', () => {
  it('shows registration, credentials, clinic hours and the doctor’s articles', async () => {
    withChrome(<DoctorPage page={doctor} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Dr. Amit Pandey');
    expect(screen.getByText(/MMC 12345, Maharashtra Medical Council/)).toBeTruthy();
    expect(screen.getByText(/DM \(Medical Oncology\), AIIMS \(2010\)/)).toBeTruthy();
    expect(screen.getByText('Monday: 09:30–13:00')).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Articles by Dr. Amit Pandey' })).toBeTruthy());
  });
});

describe('Layout and CTA bar', () => {
  it('links call, WhatsApp naming the page, and booking; landmarks are present', () => {
    render(
      <Layout site={site} chrome={{ title: 'About us' }}>
        <h1>About us</h1>
      </Layout>,
    );
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
    expect(screen.getByRole('contentinfo')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
    const bar = screen.getByRole('complementary', { name: 'Book an appointment' });
    const links = Array.from(bar.querySelectorAll('a')).map((a) => a.getAttribute('href'));
    expect(links[0]).toBe('tel:+919876543210');
    expect(links[1]).toBe(
      `https://wa.me/919876543210?text=${encodeURIComponent('Hello, I would like to book an appointment. (About us)')}`,
    );
    expect(links[2]).toBe('/appointment/');
  });
});

describe('article list URLs', () => {
  it('keeps filters and drops page=1', () => {
    expect(listUrl('/articles/', { category: 'surgical-oncology' }, 1)).toBe('/articles/?category=surgical-oncology');
    expect(listUrl('/articles/', { tag: 'biopsy' }, 3)).toBe('/articles/?tag=biopsy&page=3');
  });
});
