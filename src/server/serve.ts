import { serve } from '@hono/node-server';
import type { Store } from '../app/ports.js';
import type { Rules } from '../app/status.service.js';
import { createApp } from './app.js';

export interface ServeOptions {
  store: Store;
  rules: Rules;
  host: string;
  port: number;
  version: string;
  webRoot?: string;
}

/** Starts the HTTP server; resolves with its address and a close function. */
export function startServer(opts: ServeOptions): Promise<{ url: string; port: number; close: () => Promise<void> }> {
  const app = createApp(opts);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: opts.host, port: opts.port }, (info) => {
      const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
      resolve({
        url: `http://${host}:${info.port}`,
        port: info.port,
        close: () => new Promise<void>((res) => server.close(() => res())),
      });
    });
    server.on('error', reject);
  });
}
