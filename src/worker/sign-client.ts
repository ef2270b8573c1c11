// The Sign view's side of the signer worker: one worker per visit to the view, started on
// first use and terminated on Reset or when the view closes (which drops every secret key and
// revokes the worker's blob: URLs). Each request is a promise; a crash fails them all.

import type {
  ChartInput,
  FromSigner,
  GeneratedResult,
  KeyFacts,
  SignResult,
  ToSigner,
} from './sign-protocol';
import type { KeyAlgorithm, SignErrorCode } from '../core/sign';

/** A refusal from the worker, with Helm's wording when `helm`. */
export class SignFailure extends Error {
  override readonly name = 'SignFailure';
  constructor(
    message: string,
    readonly code: SignErrorCode,
    readonly helm: boolean,
  ) {
    super(message);
  }
}

type Pending = { resolve(m: FromSigner): void; reject(e: Error): void };
type Request<T extends ToSigner['type']> = Omit<Extract<ToSigner, { type: T }>, 'req' | 'type'>;

export class SignerClient {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private next = 1;

  readKey(name: string, blob: Blob): Promise<{ file: string; keys: KeyFacts[] }> {
    return this.ask('read-key', { name, blob }).then(
      (m) => m as Extract<FromSigner, { type: 'keys' }>,
    );
  }

  generate(request: {
    name: string;
    email: string;
    algorithm: KeyAlgorithm;
    expiresInDays: number;
    passphrase: string;
  }): Promise<GeneratedResult> {
    return this.ask('generate', request).then(
      (m) => (m as Extract<FromSigner, { type: 'generated' }>).result,
    );
  }

  sign(
    chart: ChartInput,
    fingerprint: string,
    passphrase: string,
  ): Promise<{ result: SignResult; key: KeyFacts }> {
    return this.ask('sign', { chart, fingerprint, passphrase }).then(
      (m) => m as Extract<FromSigner, { type: 'signed' }>,
    );
  }

  /** Ends the worker: its keys, passphrases and blob: URLs are gone. */
  terminate(): void {
    this.worker?.terminate();
    this.worker = null;
    this.failAll('the signer was stopped');
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(new URL('./signer.worker.ts', import.meta.url), {
      type: 'module',
      name: 'signer',
    });
    w.onmessage = (ev: MessageEvent<FromSigner>) => this.answer(ev.data);
    w.onerror = (ev) => {
      ev.preventDefault();
      this.worker?.terminate();
      this.worker = null;
      this.failAll(ev.message || 'the signer crashed');
    };
    this.worker = w;
    return w;
  }

  private ask<T extends ToSigner['type']>(type: T, body: Request<T>): Promise<FromSigner> {
    const req = this.next++;
    const worker = this.start();
    return new Promise((resolve, reject) => {
      this.pending.set(req, { resolve, reject });
      worker.postMessage({ ...body, type, req } as unknown as ToSigner);
    });
  }

  private answer(m: FromSigner): void {
    const p = this.pending.get(m.req);
    if (!p) return;
    this.pending.delete(m.req);
    if (m.type === 'failed') p.reject(new SignFailure(m.message, m.code, m.helm));
    else p.resolve(m);
  }

  private failAll(message: string): void {
    for (const p of this.pending.values()) p.reject(new SignFailure(message, 'failed', false));
    this.pending.clear();
  }
}
