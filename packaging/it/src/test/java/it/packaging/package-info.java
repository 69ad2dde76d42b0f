/**
 * Integration tests of the packages: the runnable server archive, the agent's .deb and .rpm, and
 * the Ansible role, each against this machine and a packaged server on loopback.
 */
package it.packaging;
