/**
 * Bit-level codecs of the compact history: a bit stream over {@code long[]} words, Gorilla-style
 * delta-of-delta timestamps and a value codec that stores decimal-looking doubles as scaled integer
 * deltas and every other double as a Gorilla XOR, always bit-exact.
 */
package io.nodelink.metrics.history.codec;
