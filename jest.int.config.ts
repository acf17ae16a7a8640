import type { Config } from 'jest';
import { existsSync, readdirSync } from 'fs';
import { join } from 'path';

// Integration tests of every project (each one's jest.int.config.cts), run in band by npm test.
const projectConfigs = ['apps', 'libs', 'tools'].flatMap((folder) =>
  readdirSync(join(__dirname, folder))
    .map((name) => join(__dirname, folder, name, 'jest.int.config.cts'))
    .filter((file) => existsSync(file)),
);

// testTimeout is a global option: in a multi-project run the projects' own value is ignored.
const config: Config = { projects: projectConfigs, testTimeout: 60_000 };
export default config;
