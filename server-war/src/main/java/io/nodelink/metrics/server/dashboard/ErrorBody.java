package io.nodelink.metrics.server.dashboard;

/**
 * The API's error shape, {@code {"error": "..."}}, for the dashboard's own 4xx answers.
 *
 * @param error what went wrong, for people
 */
public record ErrorBody(String error) {}
