import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppointmentForm } from '../src/components/AppointmentForm';

function fill(label: RegExp, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

function fillValid() {
  fill(/Your name/, 'Asha Verma');
  fill(/Phone number/, '98765 43210');
  fireEvent.change(screen.getByLabelText(/I agree/), { target: { checked: true } });
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('AppointmentForm', () => {
  it('checks a field as the visitor types and clears the message once it is right', () => {
    render(<AppointmentForm doctorId={null} sourcePageId={null} />);
    fill(/Phone number/, 'abc');
    const phone = screen.getByLabelText(/Phone number/);
    expect(phone.getAttribute('aria-invalid')).toBe('true');
    const errorId = phone.getAttribute('aria-describedby')?.split(' ').find((id) => id.endsWith('-error'));
    expect(document.getElementById(errorId ?? '')?.textContent).toMatch(/digits only/);
    fill(/Phone number/, '98765 43210');
    expect(phone.getAttribute('aria-invalid')).toBe('false');
  });

  it('does not send an incomplete form and says why', () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    render(<AppointmentForm doctorId={null} sourcePageId={null} />);
    fireEvent.submit(screen.getByRole('button', { name: 'Send request' }).closest('form')!);
    expect(fetchMock).not.toHaveBeenCalled();
    expect(screen.getByText('Enter your name.')).toBeTruthy();
    expect(screen.getByText('Please agree so the clinic can contact you.')).toBeTruthy();
  });

  it("shows the API's field error next to the field and keeps what was typed", async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        new Response(
          JSON.stringify({
            type: 'about:blank',
            title: 'Unprocessable Entity',
            status: 422,
            detail: 'Validation failed',
            errors: [{ loc: ['body', 'payload', 'phone'], msg: 'This phone number does not exist.' }],
          }),
          { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    render(<AppointmentForm doctorId={4} sourcePageId={null} />);
    fillValid();
    fireEvent.submit(screen.getByRole('button', { name: 'Send request' }).closest('form')!);
    await waitFor(() => expect(screen.getByText('This phone number does not exist.')).toBeTruthy());
    expect((screen.getByLabelText(/Your name/) as HTMLInputElement).value).toBe('Asha Verma');
    expect((screen.getByLabelText(/Phone number/) as HTMLInputElement).value).toBe('98765 43210');
  });

  it('sends an idempotency key, reuses it after a network failure and ends on the reference', async () => {
    const fetchMock = vi
      .fn()
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValue(new Response(JSON.stringify({ reference: 'APT-7K3Q' }), { status: 201 }));
    vi.stubGlobal('fetch', fetchMock);
    render(<AppointmentForm doctorId={4} sourcePageId={9} />);
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
