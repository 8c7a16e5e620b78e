package kr.complaintdesk.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Files of the Camunda webapps on the test classpath: the ones inside Camunda's webjar (the bundled English
 * locales, config.js) and ours of the same path in src/main/resources, which shadow them.
 */
public final class WebappFiles {

  public static final String APP = "META-INF/resources/webjars/camunda/app/";
  static final String WEBJAR = "camunda-webapp-webjar";
  private static final ObjectMapper JSON = new ObjectMapper();

  private WebappFiles() {}

  /** The file inside Camunda's webjar, not our file of the same path. */
  public static URL bundled(String path) throws IOException {
    return resources(path).stream().filter(WebappFiles::isInWebjar).findFirst()
        .orElseThrow(() -> new AssertionError(path + " is not in " + WEBJAR + " on the test classpath"));
  }

  /** Our file (src/main/resources), which shadows the webjar's of the same path. */
  public static Optional<URL> ours(String path) throws IOException {
    return resources(path).stream().filter(url -> !"jar".equals(url.getProtocol())).findFirst();
  }

  /** A JSON file inside the webjar; Camunda's locale files start with a byte order mark. */
  public static JsonNode bundledJson(String path) throws IOException {
    return JSON.readTree(new String(read(bundled(path)), StandardCharsets.UTF_8).replaceFirst("^\uFEFF", ""));
  }

  public static byte[] read(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      return in.readAllBytes();
    }
  }

  private static boolean isInWebjar(URL url) {
    return "jar".equals(url.getProtocol()) && url.getPath().contains("/" + WEBJAR + "-");
  }

  private static List<URL> resources(String path) throws IOException {
    return Collections.list(WebappFiles.class.getClassLoader().getResources(path));
  }
}
