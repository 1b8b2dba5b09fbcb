import { LocationProvider, Route, Router } from 'preact-iso';
import { useEffect, useRef, useState } from 'preact/hooks';
import { fetchSite } from './api/client';
import type { SiteData } from './api/types';
import { ChromeContext, type PageChrome } from './components/chrome';
import { Layout } from './components/Layout';
import { applyHead } from './lib/head';
import { readInitialData } from './lib/pageData';
import { AppointmentPage } from './pages/AppointmentPage';
import { CmsRoute } from './pages/CmsRoute';
import { PreviewPage } from './pages/PreviewPage';
import { SearchPage } from './pages/SearchPage';

/** The whole app: site data, the layout and the routes (the CMS's own paths are the default route). */
export function App() {
  const [site, setSite] = useState<SiteData | null>(() => readInitialData()?.site ?? null);
  const [chrome, setChrome] = useState<PageChrome>({ title: '' });
  const firstHead = useRef(true);

  useEffect(() => {
    if (site) return;
    const controller = new AbortController();
    fetchSite(controller.signal).then(setSite).catch(() => undefined);
    return () => controller.abort();
  }, []);

  useEffect(() => {
    // The first document's head came from the server; later pages update it here.
    if (firstHead.current) {
      firstHead.current = false;
      return;
    }
    applyHead(chrome.head, chrome.title, site?.site.name ?? '', chrome.isHome);
  }, [chrome]);

  const onRouteChange = () => {
    window.scrollTo(0, 0);
    // Move focus to the new page so screen readers announce it.
    requestAnimationFrame(() => document.getElementById('main')?.focus({ preventScroll: true }));
  };

  return (
    <LocationProvider>
      <ChromeContext.Provider value={{ site, setChrome }}>
        <Layout site={site} chrome={chrome}>
          <Router onRouteChange={onRouteChange}>
            <Route path="/search/" component={SearchPage} />
            <Route path="/appointment/" component={AppointmentPage} />
            <Route path="/__preview__/" component={PreviewPage} />
            <Route default component={CmsRoute} />
          </Router>
        </Layout>
      </ChromeContext.Provider>
    </LocationProvider>
  );
}
