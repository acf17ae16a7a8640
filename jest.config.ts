import type { Config } from 'jest';
import { getJestProjectsAsync } from '@nx/jest';

// Unit tests of every project in one Jest run (`npm test` runs integration tests separately).
export default async (): Promise<Config> => ({
  projects: await getJestProjectsAsync(),
});
