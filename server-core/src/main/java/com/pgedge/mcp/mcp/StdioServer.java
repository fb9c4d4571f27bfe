package com.pgedge.mcp.mcp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MCP over stdio (SPEC §3): one JSON message per line on stdin, one response per line on stdout,
 * nothing else on stdout, no authentication, returns on end of input. Requests are answered one
 * at a time in arrival order.
 */
public final class StdioServer {

    /** Longest accepted line; a longer one is answered with a parse error and skipped. */
    public static final int MAX_LINE_BYTES = 4 * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(StdioServer.class);

    private final McpDispatcher dispatcher;

    public StdioServer(ToolRegistry registry) {
        this.dispatcher = new McpDispatcher(Objects.requireNonNull(registry, "registry"));
    }

    /**
     * Serves the process's own standard streams until stdin ends. Anything else that prints to
     * {@code System.out} afterwards is sent to stderr, so a stray print cannot corrupt the protocol.
     */
    public static void runOnStandardStreams(ToolRegistry registry) throws IOException {
        run(System.in, System.out, registry);
    }

    /**
     * Serves {@code in}/{@code out} until {@code in} ends. Does not close either stream. When
     * {@code out} is the process's {@code System.out}, other writers to {@code System.out} are sent
     * to stderr meanwhile, so a stray print from any library cannot corrupt the protocol.
     */
    public static void run(InputStream in, OutputStream out, ToolRegistry registry) throws IOException {
        PrintStream original = System.out;
        boolean guard = out == original;
        if (guard) {
            System.setOut(System.err);
        }
        try {
            new StdioServer(registry).serve(in, out);
        } finally {
            if (guard) {
                System.setOut(original);
            }
        }
    }

    public void serve(InputStream in, OutputStream out) throws IOException {
        LOG.info("Starting MCP server in stdio mode ({} tool(s))", dispatcher.registry().tools().size());
        ToolCallContext context = ToolCallContext.anonymous();
        LineReader lines = new LineReader(in);
        while (true) {
            LineReader.Line line = lines.next();
            if (line == null) {
                break;
            }
            byte[] reply;
            if (line.tooLong()) {
                reply = dispatcher.toBytes(dispatcher.error(null,
                        JsonRpcError.parseError("message longer than " + MAX_LINE_BYTES + " bytes")));
            } else if (line.blank()) {
                continue;
            } else {
                reply = dispatcher.handle(line.bytes(), context);
            }
            if (reply != null) {
                out.write(reply);
                out.write('\n');
                out.flush();
            }
        }
        LOG.info("End of input: stdio server stopped");
    }

    /** Reads newline-terminated lines with a length cap, without trusting the peer to send short ones. */
    private static final class LineReader {
        record Line(byte[] bytes, boolean tooLong) {
            boolean blank() {
                for (byte b : bytes) {
                    if (b != ' ' && b != '\t' && b != '\r') {
                        return false;
                    }
                }
                return true;
            }
        }

        private final InputStream in;
        private final byte[] buffer = new byte[64 * 1024];
        private int position;
        private int limit;

        LineReader(InputStream in) {
            this.in = in;
        }

        Line next() throws IOException {
            ByteArrayOutputStream current = new ByteArrayOutputStream();
            boolean tooLong = false;
            boolean sawAny = false;
            while (true) {
                if (position == limit) {
                    limit = in.read(buffer);
                    position = 0;
                    if (limit <= 0) {
                        limit = 0;
                        return sawAny ? new Line(current.toByteArray(), tooLong) : null;
                    }
                }
                sawAny = true;
                int start = position;
                while (position < limit && buffer[position] != '\n') {
                    position++;
                }
                int length = position - start;
                if (!tooLong) {
                    if (current.size() + length > MAX_LINE_BYTES) {
                        tooLong = true;
                        current.reset();
                    } else {
                        current.write(buffer, start, length);
                    }
                }
                if (position < limit) {
                    position++; // the newline
                    return new Line(tooLong ? new byte[0] : current.toByteArray(), tooLong);
                }
            }
        }
    }
}
