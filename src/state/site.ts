// The site slice (publisher mode): the keys this copy of chartproof ships in trusted-keys/,
// as shipped-keys.ts loads them at start-up. They join every check with origin 'shipped' and
// stay through Reset; the index's fingerprints, when given, are the only signers the site
// accepts unless the user pins another key.
import { fileId } from './intake';
import type { Checker } from './run';
import type { GetState, GivenFile, SetState, SiteSlice } from './types';

export function siteSlice(set: SetState, get: GetState, checker: Checker): SiteSlice {
  return {
    site: { status: 'loading', files: [], signers: [], problems: [] },
    shipped: [],
    siteKeysLoaded({ status, files, signers, problems }) {
      checker.forget(get().shipped.map((f) => f.id));
      const shipped = files.map(({ name, blob }): GivenFile => {
        return { id: fileId(), name, size: blob.size, blob, origin: 'shipped' };
      });
      const changes = {
        shipped,
        site: { status, files: files.map(({ name, keys }) => ({ name, keys })), signers, problems },
      };
      if (get().files.length) checker.recheck(changes);
      else set(changes);
    },
  };
}
