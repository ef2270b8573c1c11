export interface TrustedKeysIndex {
  keys: string[];
  fingerprints?: string[];
}
export declare const KEY_EXTENSIONS: string[];
export declare const FINGERPRINTS_FILE: string;
export declare function parseFingerprints(text: string): {
  fingerprints: string[];
  errors: string[];
};
export declare function makeIndex(dir: string): Promise<{
  index: TrustedKeysIndex;
  errors: string[];
}>;
export declare function indexJson(index: TrustedKeysIndex): string;
