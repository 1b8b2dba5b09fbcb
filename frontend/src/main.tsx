import { render } from 'preact';
import { App } from './app';
import { readInitialData } from './lib/pageData';
import './styles.css';

const root = document.getElementById('app');
if (root) {
  readInitialData();
  // The server-rendered content stays readable until this moment; the app then takes over.
  root.textContent = '';
  render(<App />, root);
}
