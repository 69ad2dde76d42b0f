// Fails the build early, with a clear message, on a Node older than the package needs.
const [major] = process.versions.node.split('.').map(Number);
if (major < 20) {
  console.error(`@nodelink/metrics-client needs Node 20 or newer to build and test; this is Node ${process.versions.node}.`);
  process.exit(1);
}
console.log(`Node ${process.versions.node}: ok`);
