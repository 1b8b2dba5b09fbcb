import { sendCtaEvent } from '../api/client';
import type { CtaLinks } from '../lib/contacts';
import { t } from '../i18n/messages';

/** Call, WhatsApp and Book: on every page; a sticky bar at the bottom of narrow screens. */
export function CtaBar({ links, pageId }: { links: CtaLinks; pageId?: number | null }) {
  return (
    <aside class="cta-bar" aria-label={t('bookingBar')}>
      <div class="wrap cta-inner">
        {links.telUrl && (
          <a class="cta cta-call" href={links.telUrl} onClick={() => sendCtaEvent('call', pageId)}>
            {t('call')}
            <span class="cta-detail"> {links.phoneDisplay}</span>
          </a>
        )}
        {links.whatsappUrl && (
          <a
            class="cta cta-whatsapp"
            href={links.whatsappUrl}
            target="_blank"
            rel="noopener"
            onClick={() => sendCtaEvent('whatsapp', pageId)}
          >
            {t('whatsapp')}
          </a>
        )}
        <a class="cta cta-book" href={links.bookingUrl} onClick={() => sendCtaEvent('book', pageId)}>
          {t('book')}
        </a>
      </div>
    </aside>
  );
}
