import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const SAMPLE = join(dirname(fileURLToPath(import.meta.url)), '../public/sample');

test('the built-in sample verifies with one click', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('sample').click();
  const card = page.getByTestId('verdict');
  await expect(card).toHaveAttribute('data-status', 'verified');
  await expect(card).toHaveAttribute('data-chart', 'podinfo-lite@1.2.0');
  await expect(card).toHaveAttribute('data-helm', 'accept');
  await expect(page.getByTestId('helm-lines')).toContainText('Chart Hash Verified: sha256:');
});

test('the sample dropped through the file input verifies', async ({ page }) => {
  await page.goto('./');
  await page
    .getByTestId('file-input')
    .setInputFiles(
      ['podinfo-lite-1.2.0.tgz', 'podinfo-lite-1.2.0.tgz.prov', 'public-key.asc'].map((f) =>
        join(SAMPLE, f),
      ),
    );
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-status', 'verified');
});

test('files given one at a time build up to a verdict', async ({ page }) => {
  await page.goto('./');
  const input = page.getByTestId('file-input');
  const card = page.getByTestId('verdict');
  await input.setInputFiles(join(SAMPLE, 'podinfo-lite-1.2.0.tgz'));
  await expect(card).toHaveAttribute('data-status', 'unsigned');
  await input.setInputFiles(join(SAMPLE, 'podinfo-lite-1.2.0.tgz.prov'));
  await expect(card).toHaveAttribute('data-status', 'no-key');
  await input.setInputFiles(join(SAMPLE, 'public-key.asc'));
  await expect(card).toHaveAttribute('data-status', 'verified');
});

test('garbage gets clear errors and the page keeps working', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles([
    {
      name: 'chart-1.0.0.tgz',
      mimeType: 'application/gzip',
      buffer: Buffer.from('<html>404 Not Found</html>'),
    },
    {
      name: 'chart-1.0.0.tgz.prov',
      mimeType: 'text/plain',
      buffer: Buffer.from('hello, not a prov'),
    },
    {
      name: 'id_rsa.pub',
      mimeType: 'text/plain',
      buffer: Buffer.from('ssh-rsa AAAAB3NzaC1yc2E me@host\n'),
    },
  ]);
  const card = page.getByTestId('verdict');
  await expect(card).toHaveAttribute('data-status', 'error');
  await expect(card).toHaveAttribute('data-reason', 'malformed-prov');
  await expect(card).toContainText('No PGP clearsigned message found');
  await expect(card).toContainText('SSH public key');

  await page.getByTestId('reset').click();
  await expect(page.getByTestId('verdict')).toHaveCount(0);
  const cert = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
  await page.getByTestId('file-input').setInputFiles([
    { name: 'k.asc', mimeType: 'text/plain', buffer: Buffer.from(cert) },
    ...['podinfo-lite-1.2.0.tgz', 'podinfo-lite-1.2.0.tgz.prov'].map((name) => ({
      name,
      mimeType: 'application/octet-stream',
      buffer: readFileSync(join(SAMPLE, name)),
    })),
  ]);
  await expect(card).toHaveAttribute('data-reason', 'malformed-key');
  await expect(card).toContainText('X.509 certificate');
  await page.getByTestId('sample').click();
  await expect(card).toHaveAttribute('data-status', 'verified');
  expect(errors).toEqual([]);
});

test('a prov without its archive gets its own error card', async ({ page }) => {
  await page.goto('./');
  await page
    .getByTestId('file-input')
    .setInputFiles([join(SAMPLE, 'podinfo-lite-1.2.0.tgz.prov'), join(SAMPLE, 'public-key.asc')]);
  const card = page.getByTestId('verdict');
  await expect(card).toHaveAttribute('data-status', 'error');
  await expect(card).toHaveAttribute('data-archive', 'podinfo-lite-1.2.0.tgz.prov');
  await expect(card).toContainText('No chart archive was given');
});

test('no request leaves the page origin', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const foreign: string[] = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol !== 'data:' && u.protocol !== 'blob:' && u.origin !== origin)
      foreign.push(r.url());
  });
  await page.goto('./');
  await page.getByTestId('sample').click();
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-status', 'verified');
  await page.getByTestId('file-input').setInputFiles(join(SAMPLE, 'public-key.asc'));
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-status', 'verified');
  expect(foreign).toEqual([]);
});
