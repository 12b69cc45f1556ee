// electron-builder `beforeBuild` hook: runs in electron-builder's own process just before
// it rebuilds native dependencies (better-sqlite3) for Electron with @electron/rebuild,
// which hands process.env down to node-gyp.
//
// npm exports its config to scripts as npm_config_* variables. On machines where npm's
// `nodedir` is set (e.g. nodedir=/usr), node-gyp would silently compile against Node's
// headers instead of Electron's, and the packaged app would fail to load the module.
// Removing these overrides here makes the rebuild target Electron.
'use strict';

const OVERRIDES = ['npm_config_nodedir', 'npm_config_node_gyp'];

/**
 * Removes the npm overrides that would redirect the native rebuild away from Electron.
 * @param {{ appDir: string, electronVersion: string, platform: { nodeName: string }, arch: string }} _context
 * @returns {Promise<boolean>} true: electron-builder continues with its own rebuild
 */
async function beforeBuild(_context) {
  for (const key of Object.keys(process.env)) {
    if (OVERRIDES.includes(key.toLowerCase())) delete process.env[key];
  }
  return true;
}

module.exports = beforeBuild;
module.exports.default = beforeBuild;
module.exports.OVERRIDES = OVERRIDES;
