import type { ComponentChildren } from 'preact';
import type { SiteData } from '../api/types';
import { ctaLinks, mergeContacts } from '../lib/contacts';
import { t } from '../i18n/messages';
import { Breadcrumbs } from './Breadcrumbs';
import type { PageChrome } from './chrome';
import { CtaBar } from './CtaBar';

/** Skip link, header with the menu, the page, the footer and the CTA bar. */
export function Layout({ site, chrome, children }: { site: SiteData | null; chrome: PageChrome; children: ComponentChildren }) {
  const contacts = mergeContacts(site?.contacts, chrome.doctorContacts);
  const links = ctaLinks(contacts, chrome.title, chrome.doctorId);
  const settings = site?.settings;
  return (
    <>
      <a class="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header class="site-header">
        <div class="wrap header-inner">
          <a class="brand" href="/">
            {site?.site.name ?? ''}
          </a>
          <nav aria-label={t('mainMenu')}>
            <ul class="menu">
              {(site?.menu ?? []).map((item) => (
                <li key={item.id}>
                  <a href={item.path}>{item.title}</a>
                </li>
              ))}
              <li>
                <a href="/search/">{t('search')}</a>
              </li>
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" class="wrap" tabIndex={-1}>
        <Breadcrumbs crumbs={chrome.head?.breadcrumbs} />
        {children}
      </main>
      <footer class="site-footer">
        <div class="wrap">
          {settings?.footer_disclaimer && <p class="disclaimer">{settings.footer_disclaimer}</p>}
          {settings?.registration_details && <p>{settings.registration_details}</p>}
          {site?.privacy_page && (
            <p>
              <a href={site.privacy_page.path}>{t('privacyNotice')}</a>
            </p>
          )}
        </div>
      </footer>
      <CtaBar links={links} pageId={chrome.pageId} />
    </>
  );
}
