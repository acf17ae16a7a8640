import type { Config } from 'jest';
import { getJestProjectsAsync } from '@nx/jest';
import { existsSync, readdirSync } from 'fs';
import { join } from 'path';

// Unit tests of every Nx project and of the tools (sandbox, scripts) in one Jest run;
// integration tests (*.int-spec.ts) run separately from jest.int.config.ts.
const toolConfigs = readdirSync(join(__dirname, 'tools'))
  .map((name) => join(__dirname, 'tools', name, 'jest.config.cts'))
  .filter((file) => existsSync(file));

export default async (): Promise<Config> => ({
  projects: [...(await getJestProjectsAsync()), ...toolConfigs],
});
