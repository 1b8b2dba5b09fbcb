// Dates and numbers as the reader's language writes them.
import { t } from '../i18n/messages';

// Written from the catalog, not with Intl.DateTimeFormat: building one loads the
// browser's locale data, a long task on a slow phone before the page can respond.
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** "27 November 2026" from "2026-11-27" (a calendar date, so no time-zone shift). */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '';
  const match = ISO_DATE.exec(isoDate);
  const month = match ? t('months').split(' ')[Number(match[2]) - 1] : undefined;
  if (!match || !month || Number(match[3]) < 1 || Number(match[3]) > 31) return isoDate;
  return t('date', { day: Number(match[3]), month, year: match[1] });
}

/** "09:30" from "09:30:00". */
export const formatTime = (time: string): string => time.slice(0, 5);
