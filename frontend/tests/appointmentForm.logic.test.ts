import { describe, expect, it } from 'vitest';
import { apiFieldErrors, emptyValues, toRequest, validateAppointment } from '../src/lib/appointmentForm';

const filled = { ...emptyValues, name: 'Asha', phone: '98765 43210', consent: true };
const now = new Date('2026-06-01T10:00:00');

describe('appointment form checks', () => {
  it('accepts a complete form', () => {
    expect(validateAppointment(filled, now)).toEqual({});
  });

  it('asks for name, phone and consent', () => {
    const errors = validateAppointment(emptyValues, now);
    expect(Object.keys(errors).sort()).toEqual(['consent', 'name', 'phone']);
  });

  it('rejects letters in the phone number, too few digits, a bad e-mail and a past date', () => {
    expect(validateAppointment({ ...filled, phone: 'call me' }, now).phone).toBeTruthy();
    expect(validateAppointment({ ...filled, phone: '12345' }, now).phone).toBeTruthy();
    expect(validateAppointment({ ...filled, email: 'asha@' }, now).email).toBeTruthy();
    expect(validateAppointment({ ...filled, preferred_date: '2026-05-31' }, now).preferred_date).toBeTruthy();
    expect(validateAppointment({ ...filled, preferred_date: '2026-06-01' }, now).preferred_date).toBeUndefined();
  });

  it("maps the API's field errors to the fields and the rest to the form", () => {
    const errors = apiFieldErrors({
      type: 'about:blank',
      title: 'Unprocessable',
      status: 422,
      detail: 'Validation failed',
      errors: [
        { loc: ['body', 'payload', 'phone'], msg: 'This phone number does not exist.' },
        { loc: ['body', 'payload', 'fill_time_ms'], msg: 'Too quick.' },
      ],
    });
    expect(errors.phone).toBe('This phone number does not exist.');
    expect(errors.form).toBe('Too quick.');
  });

  it('sends nulls for empty optional choices and trims text', () => {
    const body = toRequest({ ...filled, name: '  Asha ' }, { doctorId: 4, sourcePageId: null, fillTimeMs: 5300.4 });
    expect(body).toMatchObject({ name: 'Asha', preferred_date: null, time_of_day: null, doctor_id: 4, fill_time_ms: 5300 });
  });
});
