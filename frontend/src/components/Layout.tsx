import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import type { BookingLinks, PageHead } from '../api/types';
import { t } from '../i18n/messages';
import { applyHead } from '../lib/head';
import { usePayload } from '../lib/payload';
import { BookingContext } from './BookingActions';
import { Breadcrumbs } from './Breadcrumbs';
import { CtaBar } from './CtaBar';

interface Props {
  /** The page's head; none while a page is loading or where the server's head is the page's (the document keeps it). */
  head?: PageHead;
  /** The call-to-action links of this page (its doctor's, else the practice's). */
  booking?: BookingLinks;
  pageId?: number | null;
  /** The page is the request form: the bar leaves out its "Book" link. */
  bookingPage?: boolean;
  children: ComponentChildren;
}

/** Skip link, header with the menu, the CTA bar, the page and the footer. */
export function Layout({ head, booking, pageId, bookingPage = false, children }: Props) {
  const { site } = usePayload();
  useEffect(() => {
    if (head) applyHead(head);
  }, [head]);
  const settings = site.settings;
  return (
    <BookingContext.Provider value={{ links: booking ?? site.booking, pageId }}>
      <a class="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header class="site-header">
        <div class="wrap header-inner">
          <a class="brand" href={site.site.home.path}>
            {site.site.name}
          </a>
          <nav aria-label={t('mainMenu')}>
            <ul class="menu">
              {site.menu.map((item) => (
                <li key={item.id} class={item.title === site.site.name ? 'same-as-brand' : undefined}>
                  <a href={item.path}>{item.title}</a>
                </li>
              ))}
              <li>
                <a href={site.app_pages.search.path}>{site.app_pages.search.title}</a>
              </li>
            </ul>
          </nav>
        </div>
      </header>
      <CtaBar onBookingPage={bookingPage} />
      <main id="main" class="wrap" tabIndex={-1}>
        <Breadcrumbs crumbs={head?.breadcrumbs} />
        {children}
      </main>
      <footer class="site-footer">
        <div class="wrap">
          {settings.footer_disclaimer && <p class="disclaimer">{settings.footer_disclaimer}</p>}
          {settings.registration_details && <p>{settings.registration_details}</p>}
          {(site.privacy_page || site.disclaimer_page) && (
            <ul class="footer-links">
              {site.privacy_page && (
                <li>
                  <a href={site.privacy_page.path}>{t('privacyNotice')}</a>
                </li>
              )}
              {site.disclaimer_page && (
                <li>
                  <a href={site.disclaimer_page.path}>{site.disclaimer_page.title}</a>
                </li>
              )}
            </ul>
          )}
        </div>
      </footer>
    </BookingContext.Provider>
  );
}
