// What the current page tells the surrounding layout: its head (breadcrumbs,
// title) and whose booking contacts the CTA bar shows.
import { createContext } from 'preact';
import { useContext, useLayoutEffect } from 'preact/hooks';
import type { AppointmentContacts, PageHead, SiteData } from '../api/types';

export interface PageChrome {
  title: string;
  head?: PageHead | null;
  pageId?: number | null;
  /** A doctor's own contacts (their page or their article). */
  doctorContacts?: AppointmentContacts | null;
  doctorId?: number | null;
  isHome?: boolean;
}

export interface ChromeApi {
  site: SiteData | null;
  setChrome: (chrome: PageChrome) => void;
}

export const ChromeContext = createContext<ChromeApi>({ site: null, setChrome: () => undefined });

export const useSite = () => useContext(ChromeContext).site;

/** Declare the page's chrome; re-declared when any of its parts change. */
export function usePageChrome(chrome: PageChrome): void {
  const { setChrome } = useContext(ChromeContext);
  // A layout effect: the layout shows the page's title and contacts before the browser paints.
  useLayoutEffect(() => {
    setChrome(chrome);
  }, [chrome.title, chrome.head, chrome.pageId, chrome.doctorContacts, chrome.doctorId, chrome.isHome]);
}
