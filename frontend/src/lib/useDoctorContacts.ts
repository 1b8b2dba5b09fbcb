// ADAPTER (API gap): an article's author comes as a DoctorSummary without
// booking contacts, so the author's own contacts (their override of the
// site's) are read from the author's page once and cached.
import { useEffect, useState } from 'preact/hooks';
import { fetchPage } from '../api/client';
import type { AppointmentContacts } from '../api/types';

const cache = new Map<number, Promise<AppointmentContacts | null>>();

function doctorContacts(id: number): Promise<AppointmentContacts | null> {
  let pending = cache.get(id);
  if (!pending) {
    pending = fetchPage(id)
      .then((page) => ('contacts' in page && page.contacts ? page.contacts : null))
      .catch(() => null);
    cache.set(id, pending);
  }
  return pending;
}

/** The booking contacts of doctor `id`, or null while loading or without a doctor. */
export function useDoctorContacts(id: number | null | undefined): AppointmentContacts | null {
  const [contacts, setContacts] = useState<AppointmentContacts | null>(null);
  useEffect(() => {
    setContacts(null);
    if (!id) return;
    let current = true;
    void doctorContacts(id).then((value) => current && setContacts(value));
    return () => {
      current = false;
    };
  }, [id]);
  return contacts;
}
