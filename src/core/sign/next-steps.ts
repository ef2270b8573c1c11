// What a publisher does after signing, worked out for this chart and key: which files to
// upload side by side, the public key to publish, the Artifact Hub annotation to add to
// Chart.yaml (artifacthub.io/signKey) and the fingerprint to print on the project page.

import { groupFingerprint } from '../text';

export interface NextSteps {
  upload: string[];
  /** The annotation block for Chart.yaml, with the key's URL to be filled in. */
  annotation: string;
  fingerprint: string;
  /** The fingerprint in groups of four, as gpg prints it. */
  fingerprintGrouped: string;
  /** How users check the chart. */
  verifyCommand: string;
}

export const KEY_URL_PLACEHOLDER = 'https://example.com/path/to/key.asc';

export function nextSteps(
  archiveName: string,
  provName: string,
  fingerprint: string,
  keyUrl: string = KEY_URL_PLACEHOLDER,
): NextSteps {
  return {
    upload: [archiveName, provName],
    annotation: [
      'annotations:',
      '  artifacthub.io/signKey: |',
      `    fingerprint: ${fingerprint}`,
      `    url: ${keyUrl}`,
    ].join('\n'),
    fingerprint,
    fingerprintGrouped: groupFingerprint(fingerprint),
    verifyCommand: `helm verify --keyring key.gpg ${archiveName}`,
  };
}
