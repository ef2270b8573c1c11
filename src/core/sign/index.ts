// The signer's public surface: package a chart folder as `helm package` does, sign a chart
// archive as `helm package --sign` does (the .prov), and make a key to sign with. Pure: bytes
// in, bytes out; the signer worker (src/worker/signer.worker.ts) is its only caller in the app.
export { loadChartFolder, type FolderFile } from './chart-folder';
export { saveChart, type SavedChart } from './chart-save';
export { SignError, type SignErrorCode } from './errors';
