/** The cookie-keeping test client over real HTTP (fetch to a listening desk). */
import { Client } from './appClient.js';

export function httpClient(base: string): Client {
  return new Client({ request: (url: string, init?: RequestInit) => fetch(base + url, { ...init, redirect: 'manual' }) });
}
