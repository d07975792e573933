package io.jmsaws.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A loopback TCP proxy that is a delay line, standing in for the network between a client and
 * SQS: every chunk read from one side is written to the other at its arrival time plus the delay
 * (one way), so a request and its answer cost two delays whatever their size, and a batch costs
 * what a single message costs — as on a real network, where latency does not add up per read.
 * TCP_NODELAY on both sides (no Nagle wait on top). A reader and a writer thread per direction
 * and connection: the SDK's clients keep a few pooled connections, so that is a handful.
 */
public final class DelayLine implements AutoCloseable {
    private final ServerSocket server;
    private final InetSocketAddress target;
    private final long delayNanos;
    private volatile boolean closed;

    private DelayLine(InetSocketAddress target, long delayMicros) throws IOException {
        this.server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        this.target = target;
        this.delayNanos = TimeUnit.MICROSECONDS.toNanos(delayMicros);
        Thread acceptor = new Thread(this::accept, "delay-line-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A delay line to {@code host:port}, delaying each direction by {@code delayMicros}. */
    public static DelayLine to(String host, int port, long delayMicros) throws IOException {
        return new DelayLine(new InetSocketAddress(host, port), delayMicros);
    }

    /** Where clients connect: {@code http://127.0.0.1:port}. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket();
                upstream.setTcpNoDelay(true);
                upstream.connect(target);
                client.setTcpNoDelay(true);
                pipe(client, upstream, "up");
                pipe(upstream, client, "down");
            } catch (IOException e) {
                if (!closed) System.err.println("delay line: " + e);
            }
        }
    }

    private record Chunk(long dueNanos, byte[] bytes, int length) {
    }

    /** Copies {@code from} to {@code to}, each chunk held until its arrival time plus the delay. */
    private void pipe(Socket from, Socket to, String direction) throws IOException {
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        BlockingQueue<Chunk> line = new LinkedBlockingQueue<>();
        Chunk end = new Chunk(0, null, -1);
        Thread reader = new Thread(() -> {
            try {
                while (true) {
                    byte[] buffer = new byte[65_536];
                    int n = in.read(buffer);
                    if (n < 0) break;
                    line.add(new Chunk(System.nanoTime() + delayNanos, buffer, n));
                }
            } catch (IOException e) {
                // the connection closed: the writer ends after what is still on the line
            }
            line.add(end);
        }, "delay-line-" + direction + "-read");
        Thread writer = new Thread(() -> {
            try {
                while (true) {
                    Chunk c = line.take();
                    if (c == end) break;
                    long wait;
                    while ((wait = c.dueNanos() - System.nanoTime()) > 0) LockSupport.parkNanos(wait);
                    out.write(c.bytes(), 0, c.length());
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // the other side closed
            } finally {
                try {
                    to.shutdownOutput();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }, "delay-line-" + direction + "-write");
        reader.setDaemon(true);
        writer.setDaemon(true);
        reader.start();
        writer.start();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
    }
}
