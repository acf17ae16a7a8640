import { Parser } from '@asyncapi/parser';
import { readFileSync } from 'fs';
import { join } from 'path';

const documentPath = join(__dirname, '..', '..', '..', '..', 'docs', 'asyncapi.yaml');

describe('docs/asyncapi.yaml with the official AsyncAPI parser', () => {
  it('parses with no diagnostics at all (no errors, warnings, infos or hints)', async () => {
    // Given the published document / When the AsyncAPI parser validates it
    const { document, diagnostics } = await new Parser().parse(readFileSync(documentPath, 'utf8'));
    // Then it yields a document and has nothing to say about it
    expect(diagnostics.map((d) => `${d.code}: ${d.message} at ${d.path.join('.')}`)).toEqual([]);
    expect(document).toBeDefined();
  });

  it('describes every topic of the contract as a channel with a Kafka address', async () => {
    const { document } = await new Parser().parse(readFileSync(documentPath, 'utf8'));
    const addresses = document?.channels().all().map((channel) => channel.address()) ?? [];
    expect(addresses).toEqual(
      expect.arrayContaining([
        'iqmetrix.dropship.order-created.v1',
        'iqmetrix.dropship.order-status-updated.v1',
        'dropship.orders.v1',
        'dropship.orders.dlq.v1',
        'dropship.status-commands.v1',
        'dropship.status-results.v1',
      ]),
    );
  });
});
