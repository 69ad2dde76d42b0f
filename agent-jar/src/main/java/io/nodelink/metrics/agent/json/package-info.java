/** The contract's JSON shapes (snake_case, every field, 64-bit as numbers) for {@code --once}. */
package io.nodelink.metrics.agent.json;
