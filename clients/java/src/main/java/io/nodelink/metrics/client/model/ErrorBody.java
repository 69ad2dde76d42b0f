package io.nodelink.metrics.client.model;

/**
 * The body of every failed API call.
 *
 * @param error what went wrong
 * @param details optional structured details (maps, lists, strings, numbers), or null
 */
public record ErrorBody(String error, Object details) {}
