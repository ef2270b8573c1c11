// The built-in signed sample (public/sample/), fetched from this site itself: "Try a sample"
// gives it to the check, and the rehearsal (rehearsal.ts) checks it once before the first drop.
export const SAMPLE_FILES = [
  'podinfo-lite-1.2.0.tgz',
  'podinfo-lite-1.2.0.tgz.prov',
  'public-key.asc',
] as const;

export async function fetchSample(
  base: string = import.meta.env.BASE_URL,
): Promise<{ name: string; blob: Blob }[]> {
  return Promise.all(
    SAMPLE_FILES.map(async (name) => {
      const res = await fetch(`${base}sample/${name}`);
      if (!res.ok) throw new Error(`${name}: HTTP ${res.status}`);
      return { name, blob: await res.blob() };
    }),
  );
}
