import type { RunningSandbox } from '../server';

/** Small HTTP helpers for the specs: real requests with Node's fetch against a running sandbox. */
export function passwordForm(sandbox: RunningSandbox, overrides: Record<string, string> = {}): URLSearchParams {
  const { clientId, clientSecret, username, password } = sandbox.credentials;
  return new URLSearchParams({
    grant_type: 'password',
    username,
    password,
    client_id: clientId,
    client_secret: clientSecret,
    ...overrides,
  });
}

export function postForm(sandbox: RunningSandbox, form: URLSearchParams, path = '/v1/oauth2/token'): Promise<Response> {
  return fetch(`${sandbox.url}${path}`, { method: 'POST', body: form });
}

export interface Grant {
  access_token: string;
  expires_in: number;
  refresh_token: string;
}

export async function getToken(sandbox: RunningSandbox): Promise<Grant> {
  const response = await postForm(sandbox, passwordForm(sandbox));
  if (response.status !== 200) throw new Error(`token request failed: ${response.status}`);
  return (await response.json()) as Grant;
}

export function get(url: string, token?: string): Promise<Response> {
  return fetch(url, { headers: token === undefined ? {} : { Authorization: `Bearer ${token}` } });
}

export function putStatus(
  sandbox: RunningSandbox,
  token: string,
  request: { orderId: string; body: unknown; path?: 'OrderStatusUpdate' | 'ItemStatusUpdate' },
): Promise<Response> {
  const path = request.path ?? 'OrderStatusUpdate';
  return fetch(`${sandbox.url}/v1/Suppliers(${sandbox.supplierId})/Orders(${request.orderId})/${path}`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: typeof request.body === 'string' ? request.body : JSON.stringify(request.body),
  });
}

export function admin(sandbox: RunningSandbox, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${sandbox.url}/_sandbox${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

export async function adminJson<T = Record<string, unknown>>(
  sandbox: RunningSandbox,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await admin(sandbox, method, path, body);
  if (!response.ok) throw new Error(`admin ${method} ${path} failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}
