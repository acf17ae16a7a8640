// (b) The baseline: a bare kafkajs producer with the ingestor's producer settings (idempotent,
// one request in flight, acks from all replicas, the Java partitioner) sending the very records
// the ingestor sent, in the same requests (one sendBatch per feed page).
import { CompressionTypes, Kafka, Partitioners } from 'kafkajs';
import type { IngestResult } from './ingest-run';

export async function runRaw(kafka: Kafka, batches: IngestResult['batches']): Promise<{ entries: number; seconds: number }> {
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  try {
    const startedAt = performance.now();
    let entries = 0;
    for (const topicMessages of batches) {
      await producer.sendBatch({ topicMessages, acks: -1, compression: CompressionTypes.None });
      entries += topicMessages.reduce((sum, group) => sum + group.messages.length, 0);
    }
    return { entries, seconds: (performance.now() - startedAt) / 1000 };
  } finally {
    await producer.disconnect();
  }
}
