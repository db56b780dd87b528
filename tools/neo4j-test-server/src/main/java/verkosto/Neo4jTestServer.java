package verkosto;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Neo4j for tests, on 127.0.0.1 only, without authentication.
 *
 * <pre>
 * --control          one JVM serving many databases: prints "control http://127.0.0.1:PORT";
 *                    POST /databases starts a fresh Neo4j in a temporary folder and answers its
 *                    bolt:// URI, DELETE /databases?uri=… stops it and deletes the folder.
 * --dir D [--port P] one Neo4j on folder D (kept), printing its bolt:// URI: the crash test
 *                    restarts it on the same folder after a kill -9.
 * </pre>
 *
 * Closing standard input (or SIGTERM) stops every database and deletes the temporary folders.
 */
public final class Neo4jTestServer {
  private record Running(DatabaseManagementService dbms, Path dir, boolean temporary) {}

  private static final Map<String, Running> RUNNING = new ConcurrentHashMap<>();

  public static void main(String[] args) throws Exception {
    Runtime.getRuntime().addShutdownHook(new Thread(Neo4jTestServer::stopAll));
    String dir = option(args, "--dir");
    if (dir != null) {
      String port = option(args, "--port");
      System.out.println(start(Path.of(dir), port == null ? freePort() : Integer.parseInt(port), false));
    } else {
      HttpServer control = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      control.createContext("/databases", Neo4jTestServer::handle);
      // One thread per request: a slow start or drop does not hold up the other test workers.
      control.setExecutor(Executors.newCachedThreadPool());
      control.start();
      System.out.println("control http://127.0.0.1:" + control.getAddress().getPort());
    }
    System.out.flush();
    while (System.in.read() != -1) {
      // Runs until its input closes: the parent's end is the signal to stop.
    }
    System.exit(0);
  }

  private static void handle(HttpExchange exchange) throws IOException {
    int status = 200;
    String body;
    try {
      if ("POST".equals(exchange.getRequestMethod())) {
        body = start(Files.createTempDirectory("verkosto-neo4j-"), freePort(), true);
      } else if ("DELETE".equals(exchange.getRequestMethod())) {
        String query = String.valueOf(exchange.getRequestURI().getRawQuery());
        String uri = URLDecoder.decode(query.replaceFirst("^uri=", ""), StandardCharsets.UTF_8);
        stop(uri);
        body = "dropped " + uri;
      } else {
        status = 405;
        body = "POST or DELETE";
      }
    } catch (Exception e) {
      status = 500;
      body = String.valueOf(e);
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Starts Neo4j on the folder with Bolt on the port, waits until it serves, and gives its URI. */
  private static String start(Path dir, int port, boolean temporary) {
    DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(dir)
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
        .setConfig(HttpConnector.enabled, false)
        .setConfig(GraphDatabaseSettings.auth_enabled, false)
        // Small and quick to start: test databases hold little, and many run in one JVM.
        .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(32))
        .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
        .setConfig(GraphDatabaseSettings.preallocate_store_files, false)
        .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(64))
        // Netty waits a 5 s quiet period per event-loop group at shutdown: a drop took 10 s.
        .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
        .build();
    String uri = "bolt://127.0.0.1:" + port;
    RUNNING.put(uri, new Running(dbms, dir, temporary));
    if (!dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).isAvailable(Duration.ofSeconds(120).toMillis())) {
      stop(uri);
      throw new IllegalStateException("Neo4j on " + dir + " did not become available");
    }
    return uri;
  }

  private static void stop(String uri) {
    Running running = RUNNING.remove(uri);
    if (running == null) return;
    running.dbms().shutdown();
    if (running.temporary()) delete(running.dir());
  }

  private static void stopAll() {
    RUNNING.keySet().forEach(Neo4jTestServer::stop);
  }

  private static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("Could not delete " + dir + ": " + e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String option(String[] args, String name) {
    for (int i = 0; i < args.length - 1; i++) if (args[i].equals(name)) return args[i + 1];
    return null;
  }
}
