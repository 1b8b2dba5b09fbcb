import { sendCtaEvent } from '../api/client';
import type { BookingLinks } from '../api/types';
import { t } from '../i18n/messages';

/** Call, WhatsApp and Book: on every page; a sticky bar at the bottom of narrow screens. */
export function CtaBar({ links, pageId }: { links: BookingLinks; pageId?: number | null }) {
  return (
    <aside class="cta-bar" aria-label={t('bookingBar')}>
      <div class="wrap cta-inner">
        {links.tel_url && (
          <a class="cta cta-call" href={links.tel_url} onClick={() => sendCtaEvent('call', pageId)}>
            {t('call')}
            <span class="cta-detail"> {links.phone_display}</span>
          </a>
        )}
        {links.whatsapp_url && (
          <a
            class="cta cta-whatsapp"
            href={links.whatsapp_url}
            target="_blank"
            rel="noopener"
            onClick={() => sendCtaEvent('whatsapp', pageId)}
          >
            {t('whatsapp')}
          </a>
        )}
        <a class="cta cta-book" href={links.booking_url} onClick={() => sendCtaEvent('book', pageId)}>
          {t('book')}
        </a>
      </div>
    </aside>
  );
}
