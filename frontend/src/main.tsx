import { hydrate } from 'preact';
import { LocationProvider } from 'preact-iso';
import { App } from './app';
import { readPayload } from './lib/payload';
import './styles.css';

const root = document.getElementById('app');
const payload = readPayload();
if (root && payload) {
  // The server rendered this exact markup from the same payload: keep it, attach the app to it.
  hydrate(
    <LocationProvider>
      <App payload={payload} />
    </LocationProvider>,
    root,
  );
}
