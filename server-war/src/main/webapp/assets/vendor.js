// The front-end libraries, from their WebJars. The version is filled in by the Maven build.
export { default as uPlot } from '../webjars/uplot/${uplot.version}/dist/uPlot.esm.js';
