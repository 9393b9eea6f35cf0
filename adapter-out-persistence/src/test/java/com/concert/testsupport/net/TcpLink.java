package com.concert.testsupport.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP link on a loopback port to a server (PostgreSQL, Redis) that a test can cut, as if the server had
 * died: open connections are reset and new ones refused; {@link #restore()} brings it back on the same port.
 */
public final class TcpLink implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private ServerSocket server;

    private TcpLink(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = listen(0);
        this.port = server.getLocalPort();
        accept(server);
    }

    public static TcpLink to(String host, int port) {
        try {
            return new TcpLink(host, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** The server is gone: every connection through the link is reset and new ones are refused. */
    public synchronized void cut() {
        if (server == null) {
            return;
        }
        closeQuietly(server);
        server = null;
        for (Socket socket : open) {
            try {
                socket.setSoLinger(true, 0);
            } catch (IOException ignored) {
                // already closed
            }
            closeQuietly(socket);
        }
        open.clear();
    }

    /** The server is back, on the same port. */
    public synchronized void restore() {
        if (server != null) {
            return;
        }
        try {
            server = listen(port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        accept(server);
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return socket;
    }

    private void accept(ServerSocket listening) {
        threads.submit(() -> {
            while (!listening.isClosed()) {
                Socket client;
                try {
                    client = listening.accept();
                } catch (IOException closed) {
                    return;
                }
                connect(listening, client);
            }
        });
    }

    private void connect(ServerSocket acceptedBy, Socket client) {
        Socket upstream;
        try {
            upstream = new Socket(targetHost, targetPort);
        } catch (IOException unreachable) {
            closeQuietly(client);
            return;
        }
        synchronized (this) {
            // a connection accepted just before a cut must not outlive it
            if (server != acceptedBy) {
                closeQuietly(client);
                closeQuietly(upstream);
                return;
            }
            open.add(client);
            open.add(upstream);
        }
        threads.submit(() -> pipe(client, upstream));
        threads.submit(() -> pipe(upstream, client));
    }

    private void pipe(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException broken) {
            // one side went away: the other follows
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing is all that is asked
        }
    }

    @Override
    public void close() {
        cut();
        threads.shutdownNow();
    }
}
