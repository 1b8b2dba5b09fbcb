import { describe, expect, it } from 'vitest';
import { ctaLinks, mergeContacts, whatsappUrl } from '../src/lib/contacts';
import { doctor, siteContacts } from './fixtures';

describe('CTA links', () => {
  it('builds a wa.me link with the digits only and a message naming the page', () => {
    const url = whatsappUrl('+91 98765 43210', 'Hello, I would like to book.', "Surgeon's role (2026)");
    expect(url).toBe(
      "https://wa.me/919876543210?text=Hello%2C%20I%20would%20like%20to%20book.%20(Surgeon's%20role%20(2026))",
    );
    expect(decodeURIComponent(new URL(url).searchParams.get('text') ?? '')).toContain("Surgeon's role (2026)");
  });

  it('gives no WhatsApp link without a number', () => {
    expect(whatsappUrl('', 'Hello', 'Page')).toBe('');
  });

  it('uses the site contacts and the plain booking path on ordinary pages', () => {
    const links = ctaLinks(siteContacts, 'About');
    expect(links.telUrl).toBe('tel:+919876543210');
    expect(links.bookingUrl).toBe('/appointment/');
  });

  it("prefers a doctor's own numbers and names the doctor in the booking link", () => {
    const merged = mergeContacts(siteContacts, doctor.contacts);
    const links = ctaLinks(merged, 'Dr. Amit Pandey', 4);
    expect(links.telUrl).toBe('tel:+912222222222');
    expect(links.whatsappUrl.startsWith('https://wa.me/912222222222?text=')).toBe(true);
    expect(links.bookingUrl).toBe('/appointment/?doctor=4');
  });

  it('falls back to the site where the doctor left a contact empty', () => {
    const merged = mergeContacts(siteContacts, { ...siteContacts, phone: '', phone_display: '', phone_url: '', whatsapp_number: '' });
    expect(merged?.phone).toBe('+919876543210');
    expect(merged?.whatsapp_number).toBe('+919876543210');
  });
});
