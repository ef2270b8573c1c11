// The first check a worker runs is slow (44 ms for a small chart against 12 warm, issue 13):
// the readers, gunzip, the YAML parser and openpgp.js's signature maths run cold. So before
// the user's first drop the worker checks the built-in sample once (3.4 KB from this site)
// and its answers are left unread; a drop that comes meanwhile stops it.
import { DEFAULT_LIMITS } from '../core/archive';
import { fileId } from './intake';
import { fetchSample } from './sample';
import { useStore } from './store';
import { verifier } from './verifier';

/** The user gave files already: their check warms the worker itself. */
const started = () => useStore.getState().run > 0;

export async function rehearse(): Promise<void> {
  if (started()) return;
  const sample = await fetchSample().catch(() => null); // offline before precaching: no matter
  if (!sample || started()) return;
  verifier.rehearse(
    sample.map(({ name, blob }) => ({ id: fileId(), name, blob, origin: 'dropped' })),
    DEFAULT_LIMITS,
  );
}
