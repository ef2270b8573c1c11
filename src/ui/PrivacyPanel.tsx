// "About privacy": what the page does and does not do with your files, in plain words.
// Keep it true: every claim here is enforced by the code, the CSP in index.html or the e2e tests.
import './offline.css';

export function PrivacyPanel() {
  return (
    <details className="privacy" data-testid="privacy">
      <summary>About privacy</summary>
      <ul>
        <li>
          Your charts, provenance files and keys are read only inside this tab, by a Web Worker.{' '}
          <strong>Nothing is uploaded</strong>: no file, key, fingerprint or result leaves your
          browser, and they are gone on reset or reload.
        </li>
        <li>No analytics, no trackers, no cookies, no accounts.</li>
        <li>
          Nothing is stored in your browser (no localStorage, no IndexedDB) except the app’s own
          files, which a service worker keeps so the page works offline. It caches nothing else and
          never sees your files.
        </li>
        <li>
          The page’s Content Security Policy forbids connections to any other site than the one it
          came from.
        </li>
        <li>
          Check it yourself: with DevTools’ Network tab open, drop your files — no request appears.
          Or turn the network off after the first visit: everything still works.
        </li>
        <li>The source is open (Apache-2.0): read it, build it, host it yourself.</li>
      </ul>
    </details>
  );
}
