import { Route, Router } from 'preact-iso';
import { AppointmentPage } from './pages/AppointmentPage';
import { CmsRoute } from './pages/CmsRoute';
import { PreviewPage } from './pages/PreviewPage';
import { SearchPage } from './pages/SearchPage';
import { type PagePayload, PayloadContext } from './lib/payload';

function onRouteChange() {
  window.scrollTo(0, 0);
  // Move focus to the new page so screen readers announce it.
  requestAnimationFrame(() => document.getElementById('main')?.focus({ preventScroll: true }));
}

/**
 * The whole app for the document's `payload`: the routes (the CMS's own paths are the default route).
 * Rendered inside a location provider: preact-iso's in the browser, a fixed one on the server.
 */
export function App({ payload }: { payload: PagePayload }) {
  return (
    <PayloadContext.Provider value={payload}>
      <Router onRouteChange={onRouteChange}>
        <Route path="/search/" component={SearchPage} />
        <Route path="/appointment/" component={AppointmentPage} />
        <Route path="/__preview__/" component={PreviewPage} />
        <Route default component={CmsRoute} />
      </Router>
    </PayloadContext.Provider>
  );
}
