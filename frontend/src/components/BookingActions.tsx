import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { sendCtaEvent } from '../api/client';
import type { BookingLinks } from '../api/types';
import { t } from '../i18n/messages';
import { usePayload } from '../lib/payload';

/** The booking links of the page being shown, and its id (what a call-to-action use is counted on). */
export interface Booking {
  links: BookingLinks;
  pageId?: number | null;
}

export const BookingContext = createContext<Booking | null>(null);

/** The page's booking links (set by `Layout`), else the practice's. */
export function useBooking(): Booking {
  const { site } = usePayload();
  return useContext(BookingContext) ?? { links: site.booking };
}

interface Props {
  /** Leave out the link to the request form (on the form itself). */
  withoutBook?: boolean;
  /** Show the phone number beside "Call" (where there is room for it). */
  withNumber?: boolean;
}

/** Call, WhatsApp and Book as links, from the page's booking links; each use is counted for the page. */
export function BookingActions({ withoutBook = false, withNumber = false }: Props) {
  const { links, pageId } = useBooking();
  return (
    <>
      {links.tel_url && (
        <a class="cta cta-call" href={links.tel_url} onClick={() => sendCtaEvent('call', pageId)}>
          {t('call')}
          {withNumber && <span class="cta-detail"> {links.phone_display}</span>}
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
      {!withoutBook && (
        <a class="cta cta-book" href={links.booking_url} onClick={() => sendCtaEvent('book', pageId)}>
          {t('book')}
        </a>
      )}
    </>
  );
}

/** The invitation to book at the end of an article: a heading, a sentence and the three actions. */
export function BookingInvite() {
  return (
    <section class="booking-invite" aria-labelledby="booking-invite-title">
      <h2 id="booking-invite-title">{t('bookInviteTitle')}</h2>
      <p>{t('bookInviteText')}</p>
      <p class="booking-actions">
        <BookingActions withNumber />
      </p>
    </section>
  );
}
