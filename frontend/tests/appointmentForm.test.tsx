import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppointmentForm } from '../src/components/AppointmentForm';
import { PayloadContext } from '../src/lib/payload';
import { payloadFor, site } from './fixtures';

function fill(label: RegExp, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

function fillValid() {
  fill(/Your name/, 'Asha Verma');
  fill(/Phone number/, '98765 43210');
  fireEvent.change(screen.getByLabelText(/I agree/), { target: { checked: true } });
}

function renderForm(doctorId: number | null = null, sourcePageId: number | null = null) {
  render(
    <PayloadContext.Provider value={payloadFor('/appointment/')}>
      <AppointmentForm doctorId={doctorId} sourcePageId={sourcePageId} />
    </PayloadContext.Provider>,
  );
}

function submit() {
  fireEvent.submit(screen.getByRole('button', { name: 'Send request' }).closest('form')!);
}

function answer(status: number, problem: Record<string, unknown>) {
  const body = JSON.stringify({ type: 'about:blank', title: 'Error', status, ...problem });
  vi.stubGlobal('fetch', vi.fn(async () => new Response(body, { status, headers: { 'Content-Type': 'application/problem+json' } })));
}

const phoneError = () => {
  const phone = screen.getByLabelText(/Phone number/);
  const errorId = phone.getAttribute('aria-describedby')?.split(' ').find((id) => id.endsWith('-error'));
  return document.getElementById(errorId ?? '')?.textContent ?? '';
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('AppointmentForm', () => {
  it('checks a field as the visitor types and clears the message once it is right', () => {
    renderForm();
    fill(/Phone number/, 'abc');
    const phone = screen.getByLabelText(/Phone number/);
    expect(phone.getAttribute('aria-invalid')).toBe('true');
    expect(phoneError()).toMatch(/^Use only digits and spaces/);
    fill(/Phone number/, '98765 43210');
    expect(phone.getAttribute('aria-invalid')).toBe('false');
  });

  it('says a number of digits that is too short is too short, with the examples the hint gives', () => {
    renderForm();
    fill(/Phone number/, '12345');
    expect(phoneError()).toMatch(/^This phone number is too short\./);
    const hint = document.getElementById('phone-hint')?.textContent ?? '';
    const examples = 'e.g. 98765 43210, or with the country code outside India, e.g. +44 20 7946 0958';
    expect(hint).toContain(examples);
    expect(phoneError()).toContain(examples);
    fill(/Phone number/, '1234567890123456');
    expect(phoneError()).toMatch(/^This phone number is too long\./);
  });

  it('does not send an incomplete form: focus moves to a summary that links every error to its field', async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    renderForm();
    fill(/E-mail/, 'not-an-address');
    submit();
    expect(fetchMock).not.toHaveBeenCalled();
    const summary = await screen.findByRole('heading', { name: 'There is a problem' });
    const box = summary.parentElement!;
    await waitFor(() => expect(document.activeElement).toBe(box));
    const links = within(box).getAllByRole('link').map((link) => [link.textContent, link.getAttribute('href')]);
    expect(links).toEqual([
      ['Enter your name.', '#f-name'],
      ['Enter a phone number we can call you back on.', '#f-phone'],
      ['Enter an e-mail address like name@example.com, or leave it empty.', '#f-email'],
      ['Please agree so the clinic can contact you.', '#f-consent'],
    ]);
    fireEvent.click(within(box).getByRole('link', { name: /phone number/ }));
    expect(document.activeElement).toBe(screen.getByLabelText(/Phone number/));
  });

  it("lists the API's field error in the summary and beside the field, and keeps what was typed", async () => {
    answer(422, { detail: 'Validation failed', errors: [{ loc: ['body', 'payload', 'phone'], msg: 'This phone number does not exist.' }] });
    renderForm(4);
    fillValid();
    submit();
    const box = (await screen.findByRole('heading', { name: 'There is a problem' })).parentElement!;
    await waitFor(() => expect(document.activeElement).toBe(box));
    expect(within(box).getByRole('link', { name: 'This phone number does not exist.' }).getAttribute('href')).toBe('#f-phone');
    expect(phoneError()).toBe('This phone number does not exist.');
    expect((screen.getByLabelText(/Your name/) as HTMLInputElement).value).toBe('Asha Verma');
    expect((screen.getByLabelText(/Phone number/) as HTMLInputElement).value).toBe('98765 43210');
  });

  it('a refused quick send keeps what was typed and says what to do', async () => {
    const message = 'Your request was sent the moment the form opened, so it was not accepted. Your details are still in the form: check them and press Send again.';
    answer(422, { detail: 'Validation failed', errors: [{ loc: ['body', 'payload', 'fill_time_ms'], msg: message }] });
    renderForm();
    fillValid();
    submit();
    const box = (await screen.findByRole('heading', { name: 'There is a problem' })).parentElement!;
    expect(within(box).getByText(message)).toBeTruthy();
    expect((screen.getByLabelText(/Your name/) as HTMLInputElement).value).toBe('Asha Verma');
  });

  it("the daily limit names itself and offers the practice's call and WhatsApp links", async () => {
    const message = 'This phone number has reached the limit of 3 requests a day.';
    answer(429, { detail: message, errors: [{ type: 'daily_limit', loc: ['body', 'payload', 'phone'], msg: message }] });
    renderForm();
    fillValid();
    submit();
    const box = (await screen.findByRole('heading', { name: 'There is a problem' })).parentElement!;
    expect(within(box).getByRole('link', { name: message })).toBeTruthy();
    expect(within(box).getByRole('link', { name: /^Call/ }).getAttribute('href')).toBe(site.booking.tel_url);
    expect(within(box).getByRole('link', { name: 'WhatsApp' }).getAttribute('href')).toBe(site.booking.whatsapp_url);
    expect(within(box).queryByRole('link', { name: /Book/ })).toBeNull();
  });

  it('sends an idempotency key, reuses it after a network failure and ends on the reference', async () => {
    const fetchMock = vi
      .fn()
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValue(new Response(JSON.stringify({ reference: 'APT-7K3Q' }), { status: 201 }));
    vi.stubGlobal('fetch', fetchMock);
    renderForm(4, 9);
    fillValid();
    const form = screen.getByRole('button', { name: 'Send request' }).closest('form')!;
    fireEvent.submit(form);
    await waitFor(() => expect(screen.getByText(/could not be sent/)).toBeTruthy());
    fireEvent.submit(form);
    await waitFor(() => expect(screen.getByText('APT-7K3Q')).toBeTruthy());
    const appointmentCalls = fetchMock.mock.calls.filter(([url]) => url === '/api/v3/appointments/');
    expect(appointmentCalls).toHaveLength(2);
    const [first, second] = appointmentCalls.map(([, init]) => init as RequestInit);
    const firstKey = (first.headers as Record<string, string>)['Idempotency-Key'];
    expect(firstKey.length).toBeGreaterThanOrEqual(8);
    expect((second.headers as Record<string, string>)['Idempotency-Key']).toBe(firstKey);
    const body = JSON.parse(String(second.body));
    expect(body).toMatchObject({ name: 'Asha Verma', phone: '98765 43210', consent: true, doctor_id: 4, source_page_id: 9, idempotency_key: firstKey });
    expect(screen.getByRole('heading', { name: 'Request sent' })).toBeTruthy();
  });
});
