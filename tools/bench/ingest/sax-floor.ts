// (c) A floor for (a): raw sax (the feed reader's settings, no-op handlers) tokenizing the same
// pages, fetched beforehand. Whatever the reader does on top, it cannot be faster than this.
import * as sax from 'sax';

export async function saxFloor(baseUrl: string, supplierId: string): Promise<{ pages: number; megabytes: number; seconds: number }> {
  const token = await accessToken(baseUrl);
  const pages: string[] = [];
  let url: string | undefined = `${baseUrl}/v1/Suppliers(${supplierId})/Notifications`;
  while (url !== undefined) {
    const page = await (await fetch(url, { headers: { authorization: `Bearer ${token}`, accept: 'application/atom+xml' } })).text();
    pages.push(page);
    url = /<link rel="prev-archive" href="([^"]+)"/.exec(page.slice(0, 4096))?.[1];
  }
  const startedAt = performance.now();
  for (const page of pages) {
    const parser = sax.parser(true, { xmlns: true, position: true, strictEntities: true } as sax.SAXOptions);
    parser.write(page).close();
  }
  const seconds = (performance.now() - startedAt) / 1000;
  return { pages: pages.length, megabytes: pages.reduce((sum, page) => sum + page.length, 0) / 1048576, seconds };
}

async function accessToken(baseUrl: string): Promise<string> {
  const form = new URLSearchParams({
    grant_type: 'password',
    username: 'supplier@example.com',
    password: 'sandbox-password',
    client_id: 'sandbox-client',
    client_secret: 'sandbox-secret',
  });
  const answer = (await (await fetch(`${baseUrl}/v1/oauth2/token`, { method: 'POST', body: form })).json()) as { access_token: string };
  return answer.access_token;
}
