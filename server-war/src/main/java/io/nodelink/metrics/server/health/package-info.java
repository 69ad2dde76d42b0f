/** MicroProfile Health: one class per check (liveness, readiness, startup). */
package io.nodelink.metrics.server.health;
