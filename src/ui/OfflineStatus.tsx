// Tells the user whether the app works offline, whether they are offline now, and offers a
// newer version when one is waiting (src/sw/register.ts).
import { useSyncExternalStore } from 'react';
import { applyUpdate, offlineStore } from '../sw/register';
import './offline.css';

export function OfflineStatus() {
  const { ready, buildId, online, updateReady } = useSyncExternalStore(
    offlineStore.subscribe,
    offlineStore.get,
  );
  return (
    <div className="offline-status" aria-live="polite">
      {!online ? (
        <span className="offline-badge offline-badge--off" data-testid="offline-now">
          Offline
        </span>
      ) : null}
      {ready ? (
        <span
          className="offline-badge"
          data-testid="offline-ready"
          data-build={buildId ?? ''}
          title="Every file of the app is stored in this browser: it loads and verifies with no network."
        >
          Ready offline
        </span>
      ) : null}
      {updateReady ? (
        <span className="offline-update" data-testid="update-ready" role="status">
          A new version is ready —{' '}
          <button type="button" data-testid="update-reload" onClick={applyUpdate}>
            Reload
          </button>
        </span>
      ) : null}
    </div>
  );
}
