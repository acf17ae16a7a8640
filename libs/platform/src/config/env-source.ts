import { readFileSync } from 'fs';
import { ConfigError } from './config.errors';

export type Env = Record<string, string | undefined>;

/**
 * Reads one variable, or its Docker-secrets twin `NAME_FILE` (a path whose content is the value).
 * Setting both is ambiguous and refused rather than silently preferring one.
 */
export function readVariable(env: Env, name: string): string | undefined {
  const direct = env[name];
  const filePath = env[`${name}_FILE`];
  if (filePath !== undefined && filePath !== '') {
    if (direct !== undefined && direct !== '') {
      throw new ConfigError(name, `and ${name}_FILE are both set; set only one`);
    }
    return readSecretFile(name, filePath);
  }
  return direct === '' ? undefined : direct;
}

function readSecretFile(name: string, filePath: string): string {
  try {
    // Secret files conventionally end with a newline that is not part of the value.
    return readFileSync(filePath, 'utf8').replace(/\r?\n$/, '');
  } catch (error) {
    const code = (error as { code?: unknown } | undefined)?.code;
    const reason = typeof code === 'string' ? code : 'unreadable';
    throw new ConfigError(`${name}_FILE`, `cannot be read (${reason})`);
  }
}
