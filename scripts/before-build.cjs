// electron-builder `beforeBuild` hook: runs in electron-builder's own process just before
// it rebuilds native dependencies (better-sqlite3) for Electron with @electron/rebuild,
// which it forks with this process's environment and which hands it on to node-gyp.
//
// npm exports its config to scripts as npm_config_* variables. On machines where npm's
// `nodedir` is set (e.g. nodedir=/usr), node-gyp would silently compile against Node's
// headers instead of Electron's, and the packaged app would fail to load the module.
// Removing these overrides here makes the rebuild target Electron.
//
// With `buildDependenciesFromSource: true`, electron-builder skips the rebuild altogether
// when packaging for another operating system, and would pack the host's Node build of
// better-sqlite3 — an installer that cannot open its database. That is refused here.
'use strict';

const OVERRIDES = ['npm_config_nodedir', 'npm_config_node_gyp'];

/**
 * Removes the npm overrides that would redirect the native rebuild away from Electron, and
 * refuses to package for an operating system other than the one it runs on.
 * @param {{ appDir: string, electronVersion: string, platform: { nodeName: string }, arch: string }} context
 * @returns {Promise<boolean>} true: electron-builder continues with its own rebuild
 */
async function beforeBuild(context) {
  if (context.platform.nodeName !== process.platform) {
    throw new Error(
      `better-sqlite3 kan bara byggas för Electron på målets operativsystem (${context.platform.nodeName}); ` +
        `kör npm run dist där. / better-sqlite3 can only be built for Electron on the target ` +
        `operating system (${context.platform.nodeName}, this is ${process.platform}); run npm run dist there.`,
    );
  }
  for (const key of Object.keys(process.env)) {
    if (OVERRIDES.includes(key.toLowerCase())) delete process.env[key];
  }
  return true;
}

module.exports = beforeBuild;
module.exports.default = beforeBuild;
module.exports.OVERRIDES = OVERRIDES;
