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

// `workers` names further entry points (worker thread scripts), built beside main.js as <name>.js.
module.exports = function serviceConfig(service, workers = {}) {
  const appRoot = join(repoRoot, 'apps', service);
  const workerEntries = Object.fromEntries(Object.entries(workers).map(([name, path]) => [name, join(appRoot, path)]));
  return {
    mode: 'none',
    target: 'node20',
    entry: { main: join(appRoot, 'src', 'main.ts'), ...workerEntries },
    output: { path: join(repoRoot, 'dist', 'apps', service), filename: '[name].js', clean: true },
    devtool: 'source-map',
    resolve: { extensions: ['.ts', '.js'], alias: libAliases },
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
};
