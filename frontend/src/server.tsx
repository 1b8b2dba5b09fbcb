// The server bundle: Django runs it in an embedded V8 (frontend/server_render.py)
// to render each page's HTML from its payload with the app's own components.
import { LocationProvider } from 'preact-iso';
import { renderToString } from 'preact-render-to-string';
import { App } from './app';
import type { PagePayload } from './lib/payload';

function queryOf(search: string): Record<string, string> {
  const query: Record<string, string> = {};
  for (const pair of search.replace(/^\?/, '').split('&')) {
    if (!pair) continue;
    const [name, value = ''] = pair.split('=').map((part) => decodeURIComponent(part.replace(/\+/g, ' ')));
    query[name] = value;
  }
  return query;
}

/** The app's markup for the payload (JSON text), at the payload's path and query. */
function renderApp(payloadJson: string): string {
  const payload = JSON.parse(payloadJson) as PagePayload;
  const url = payload.path + payload.query;
  // What preact-iso's LocationProvider gives the browser, for a document that does not move.
  const location = {
    url,
    path: payload.path.replace(/\/+$/g, '') || '/',
    query: queryOf(payload.query),
    route: () => undefined,
  };
  return renderToString(
    <LocationProvider.ctx.Provider value={location as never}>
      <App payload={payload} />
    </LocationProvider.ctx.Provider>,
  );
}

(globalThis as unknown as { renderApp: typeof renderApp }).renderApp = renderApp;
