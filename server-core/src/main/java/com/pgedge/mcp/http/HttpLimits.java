package com.pgedge.mcp.http;

import java.time.Duration;

/**
 * Every limit and timeout of the HTTP server, in one place (SPEC §2). The defaults are the
 * product's; tests shorten the timeouts instead of waiting.
 *
 * @param maxBodyBytes        largest request body (413 beyond it), also for chunked bodies
 * @param maxHeaderBytes      largest request head (request line plus headers)
 * @param maxHeaders          most header fields in one request
 * @param requestParseTimeout time allowed to send the request head: a client dribbling headers
 *                            (slowloris) is cut off after it
 * @param bodyTimeout         time allowed to send the whole body once the head has arrived
 * @param noRequestTimeout    how long an idle keep-alive connection is kept open
 * @param idleTimeout         how long a connection may stay without any traffic; longer than
 *                            the slowest tool call, which sends nothing while it runs
 * @param ioThreads           Undertow I/O threads (non-blocking work: parsing, token checks)
 * @param workerThreads       workers for tool calls (JDBC)
 * @param loginThreads        the separate pool that runs bcrypt for {@code authenticate_user}
 * @param loginQueue          logins that may wait for that pool; beyond it they are refused at once
 * @param shutdownGrace       how long {@code stop()} waits for in-flight requests
 */
public record HttpLimits(long maxBodyBytes, int maxHeaderBytes, int maxHeaders,
                         Duration requestParseTimeout, Duration bodyTimeout, Duration noRequestTimeout,
                         Duration idleTimeout, int ioThreads, int workerThreads, int loginThreads,
                         int loginQueue, Duration shutdownGrace) {

    public static final long ONE_MIB = 1024L * 1024L;

    public HttpLimits {
        if (maxBodyBytes < 1 || maxHeaderBytes < 1024 || maxHeaders < 8) {
            throw new IllegalArgumentException("HTTP size limits are too small");
        }
        if (ioThreads < 1 || workerThreads < 1 || loginThreads < 1 || loginQueue < 0) {
            throw new IllegalArgumentException("HTTP thread counts must be positive");
        }
    }

    public static HttpLimits defaults() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new HttpLimits(ONE_MIB, 16 * 1024, 64,
                Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60),
                Duration.ofMinutes(5),
                Math.max(2, cores), Math.max(8, cores * 8),
                // bcrypt is pure CPU: at most half the cores, so token traffic always has some.
                Math.max(1, cores / 2), 64,
                Duration.ofSeconds(10));
    }

    public HttpLimits withTimeouts(Duration requestParse, Duration body, Duration noRequest, Duration idle) {
        return new HttpLimits(maxBodyBytes, maxHeaderBytes, maxHeaders, requestParse, body, noRequest, idle,
                ioThreads, workerThreads, loginThreads, loginQueue, shutdownGrace);
    }

    public HttpLimits withLoginPool(int threads, int queue) {
        return new HttpLimits(maxBodyBytes, maxHeaderBytes, maxHeaders, requestParseTimeout, bodyTimeout,
                noRequestTimeout, idleTimeout, ioThreads, workerThreads, threads, queue, shutdownGrace);
    }

    public HttpLimits withShutdownGrace(Duration grace) {
        return new HttpLimits(maxBodyBytes, maxHeaderBytes, maxHeaders, requestParseTimeout, bodyTimeout,
                noRequestTimeout, idleTimeout, ioThreads, workerThreads, loginThreads, loginQueue, grace);
    }
}
