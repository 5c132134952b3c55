// npm scripts must run on the pinned Node 24 (node_modules/.bin/node); a bare `node` may be the host's older one.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(
    `Node ${process.versions.node} is running, but the workbench needs Node 24 (the devDependency node@24). Run through npm scripts after \`npm install\`.`,
  );
  process.exit(1);
}
