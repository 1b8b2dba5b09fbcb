import { hydrate } from 'preact';
import { LocationProvider } from 'preact-iso';
import { App } from './app';
import { readPayload } from './lib/payload';
import './styles.css';

const root = document.getElementById('app');
const payload = readPayload();
if (root && payload) {
  // The server rendered this exact markup from the same payload: keep it, attach the app to it.
  // In a task of its own, after the one that evaluated this bundle: two short tasks instead of one
  // long one, so a slow phone stays responsive in between (Lighthouse's Total Blocking Time).
  // Until then links and forms work as plain HTML.
  setTimeout(() => {
    hydrate(
      <LocationProvider>
        <App payload={payload} />
      </LocationProvider>,
      root,
    );
  }, 0);
}
