// Builds one service into dist/apps/<service>/main.js: the service's own code and our libs are
// bundled; every npm package stays external and is loaded from node_modules at run time (the
// Docker image installs production dependencies). Type-checking is `npm run typecheck`'s job,
// so ts-loader only transpiles (with decorator metadata, which NestJS DI and TypeORM need).
const { readdirSync } = require('fs');
const { join } = require('path');

const repoRoot = join(__dirname, '..', '..');
const libAliases = Object.fromEntries(
  readdirSync(join(repoRoot, 'libs')).map((lib) => [`@dropship/${lib}`, join(repoRoot, 'libs', lib, 'src', 'index.ts')]),
);

function isNpmPackage(request) {
  return !request.startsWith('.') && !request.startsWith('/') && !request.startsWith('@dropship/');
}

// Worker threads run plain functions, outside Nest: their bundles take each lib's framework-free part.
const workerLibAliases = {
  ...libAliases,
  '@dropship/messaging': join(repoRoot, 'libs', 'messaging', 'src', 'contract.ts'),
  '@dropship/platform': join(repoRoot, 'libs', 'platform', 'src', 'errors', 'app-error.ts'),
};

// `workers` names worker thread scripts (name → path in the app), built beside main.js as <name>.js
// by a second configuration that runs after the first (which cleans the folder).
module.exports = function serviceConfig(service, workers = {}) {
  const main = bundle(service, { main: join(repoRoot, 'apps', service, 'src', 'main.ts') }, libAliases, true);
  if (Object.keys(workers).length === 0) return main;
  const workerEntries = Object.fromEntries(Object.entries(workers).map(([name, path]) => [name, join(repoRoot, 'apps', service, path)]));
  return [main, { ...bundle(service, workerEntries, workerLibAliases, false), name: 'workers', dependencies: ['main'] }];
};

function bundle(service, entry, alias, clean) {
  const appRoot = join(repoRoot, 'apps', service);
  return {
    name: 'main',
    mode: 'none',
    target: 'node20',
    entry,
    output: { path: join(repoRoot, 'dist', 'apps', service), filename: '[name].js', clean },
    devtool: 'source-map',
    resolve: { extensions: ['.ts', '.js'], alias },
    externalsPresets: { node: true },
    externals: [({ request }, callback) => (isNpmPackage(request) ? callback(null, `commonjs ${request}`) : callback())],
    module: {
      rules: [
        {
          test: /\.ts$/,
          loader: 'ts-loader',
          options: { transpileOnly: true, configFile: join(appRoot, 'tsconfig.app.json') },
        },
      ],
    },
    optimization: { minimize: false, nodeEnv: false },
    node: { __dirname: false, __filename: false },
    stats: 'errors-warnings',
  };
}
