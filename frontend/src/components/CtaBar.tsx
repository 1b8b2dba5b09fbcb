import { t } from '../i18n/messages';
import { BookingActions } from './BookingActions';

/**
 * Call, WhatsApp and Book on every page, right below the header: a band of actions on wide screens,
 * a bar fixed to the bottom edge on narrow ones (the page keeps room for it, see styles.css).
 * On the request form itself there is no "Book" link.
 */
export function CtaBar({ onBookingPage = false }: { onBookingPage?: boolean }) {
  return (
    <aside class="cta-bar" aria-label={t('bookingBar')}>
      <div class="wrap cta-inner">
        <BookingActions withoutBook={onBookingPage} withNumber />
      </div>
    </aside>
  );
}
