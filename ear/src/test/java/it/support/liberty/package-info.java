/**
 * Extra Open Liberty instances for the tests that must stop, restart or kill a server: each a copy
 * of the build's server {@code nodelink} in the same runtime, on ports of its own, so the shared
 * test server keeps running for every other IT.
 */
package it.support.liberty;
