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
// forceExit: the suites run in band in one process, so one idle socket left behind by a test's own
// kafkajs client keeps Jest from exiting after every test has passed, and CI hangs until it times
// out. That happened (2026-12-06): the end-to-end test's warehouse consumer kept two connections
// open after disconnect() once its group had lived through the broker restart, a kafkajs matter.
// The services under test run as child processes and their own tests check that they shut down.
const config: Config = { projects: projectConfigs, testTimeout: 60_000, forceExit: true };
export default config;
