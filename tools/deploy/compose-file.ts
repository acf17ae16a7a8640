import { readFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'yaml';

export const repoRoot = join(__dirname, '..', '..');

export interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string; target: string; args?: Record<string, string> };
  environment?: Record<string, string | number>;
  ports?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string; required?: boolean }>;
  entrypoint?: string[];
  command?: string[];
  secrets?: string[];
  volumes?: string[];
  profiles?: string[];
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
  secrets: Record<string, { file: string }>;
}

/** docker-compose.yml with its anchors and merge keys resolved, as compose itself reads it. */
export function readComposeFile(): ComposeFile {
  return parse(readFileSync(join(repoRoot, 'docker-compose.yml'), 'utf8'), { merge: true }) as ComposeFile;
}

/** The stage names of the Dockerfile (`FROM … AS name`). */
export function dockerfileStages(): string[] {
  const dockerfile = readFileSync(join(repoRoot, 'Dockerfile'), 'utf8');
  return [...dockerfile.matchAll(/^FROM\s+\S+\s+AS\s+(\S+)/gim)].map((match) => match[1] as string);
}

/** `${NAME:-default}` → default, as compose interpolates it when NAME is unset. */
export function interpolateDefault(value: string): string {
  return value.replace(/\$\{[A-Z0-9_]+:-([^}]*)\}/g, '$1');
}
