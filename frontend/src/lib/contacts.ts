// The call-to-action links of a page: the doctor's own contacts on their page
// and their articles, else the site's. Mirrors frontend/contacts.py.
import type { AppointmentContacts } from '../api/types';

export interface CtaLinks {
  telUrl: string;
  phoneDisplay: string;
  whatsappUrl: string;
  bookingUrl: string;
}

export const APPOINTMENT_PATH = '/appointment/';

/** The prefilled WhatsApp message: the configured greeting, then the page's title. */
export function whatsappText(message: string, pageTitle: string): string {
  return pageTitle ? `${message} (${pageTitle})`.trim() : message;
}

/** A `https://wa.me/<digits>?text=…` link naming the page, or '' without a number. */
export function whatsappUrl(number: string, message: string, pageTitle: string): string {
  const digits = number.replace(/\D/g, '');
  if (!digits) return '';
  return `https://wa.me/${digits}?text=${encodeURIComponent(whatsappText(message, pageTitle))}`;
}

/** The links of the CTA bar for a page titled `pageTitle`. */
export function ctaLinks(contacts: AppointmentContacts | null | undefined, pageTitle: string, doctorId?: number | null): CtaLinks {
  const phone = contacts?.phone ?? '';
  return {
    telUrl: phone ? `tel:${phone}` : '',
    phoneDisplay: contacts?.phone_display || phone,
    whatsappUrl: whatsappUrl(contacts?.whatsapp_number ?? '', contacts?.whatsapp_message ?? '', pageTitle),
    bookingUrl: doctorId ? `${APPOINTMENT_PATH}?doctor=${doctorId}` : APPOINTMENT_PATH,
  };
}

/** A doctor's override where they set one, field by field, else the site's. */
export function mergeContacts(site: AppointmentContacts | null | undefined, doctor: AppointmentContacts | null | undefined): AppointmentContacts | null {
  if (!site) return doctor ?? null;
  if (!doctor) return site;
  const hasPhone = Boolean(doctor.phone);
  const hasWhatsapp = Boolean(doctor.whatsapp_number);
  return {
    phone: hasPhone ? doctor.phone : site.phone,
    phone_display: hasPhone ? doctor.phone_display : site.phone_display,
    phone_url: hasPhone ? doctor.phone_url : site.phone_url,
    whatsapp_number: hasWhatsapp ? doctor.whatsapp_number : site.whatsapp_number,
    whatsapp_message: doctor.whatsapp_message || site.whatsapp_message,
    whatsapp_url: hasWhatsapp ? doctor.whatsapp_url : site.whatsapp_url,
  };
}
