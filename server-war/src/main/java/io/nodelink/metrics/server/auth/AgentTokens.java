package io.nodelink.metrics.server.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent credentials the server accepts: {@code agentId:token} pairs, where the agent id {@code
 * *} accepts any agent id presenting that token, and the token may be stored hashed ({@code
 * sha256:<hex>}, {@code pbkdf2:<iterations>:<salt>:<hash>}; see {@link TokenCredential}).
 * Comparison is constant-time; tokens are never part of any message or log line produced here.
 */
public final class AgentTokens {

  /** The agent id that accepts any agent presenting the token. */
  public static final String ANY_AGENT = "*";

  private final Map<String, TokenCredential> byAgent;
  private final List<TokenCredential> anyAgent;

  private AgentTokens(Map<String, TokenCredential> byAgent, List<TokenCredential> anyAgent) {
    this.byAgent = Map.copyOf(byAgent);
    this.anyAgent = List.copyOf(anyAgent);
  }

  /** No credentials at all: every agent is rejected. */
  public static AgentTokens none() {
    return new AgentTokens(Map.of(), List.of());
  }

  /**
   * Parses a comma list ({@code nodelink.auth.tokens}) and the lines of a tokens file ({@code
   * nodelink.auth.tokens-file}: one pair a line, {@code #} comments, blank lines ignored).
   *
   * @throws IllegalArgumentException for an entry without {@code :} or with an empty side, naming
   *     the entry's position but not its token
   */
  public static AgentTokens parse(String commaList, List<String> fileLines) {
    Map<String, TokenCredential> byAgent = new HashMap<>();
    List<TokenCredential> anyAgent = new ArrayList<>();
    String[] entries = commaList == null ? new String[0] : commaList.split(",");
    for (int i = 0; i < entries.length; i++) {
      add(entries[i], "entry " + (i + 1) + " of nodelink.auth.tokens", byAgent, anyAgent);
    }
    for (int i = 0; i < fileLines.size(); i++) {
      String line = fileLines.get(i);
      int hash = line.indexOf('#');
      add(
          hash >= 0 ? line.substring(0, hash) : line,
          "line " + (i + 1) + " of the tokens file",
          byAgent,
          anyAgent);
    }
    return new AgentTokens(byAgent, anyAgent);
  }

  /** Reads a tokens file; the caller reports a missing file. */
  public static List<String> readFile(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8);
  }

  private static void add(
      String raw,
      String where,
      Map<String, TokenCredential> byAgent,
      List<TokenCredential> anyAgent) {
    String entry = raw.trim();
    if (entry.isEmpty()) {
      return;
    }
    int colon = entry.indexOf(':');
    if (colon <= 0 || colon == entry.length() - 1) {
      throw new IllegalArgumentException(where + " is not of the form agentId:token");
    }
    String agentId = entry.substring(0, colon).trim();
    TokenCredential token = TokenCredential.parse(entry.substring(colon + 1).trim(), where);
    if (ANY_AGENT.equals(agentId)) {
      anyAgent.add(token);
    } else {
      byAgent.put(agentId, token);
    }
  }

  /** Whether no credentials are configured (every agent is then rejected). */
  public boolean isEmpty() {
    return byAgent.isEmpty() && anyAgent.isEmpty();
  }

  /** How many entries are configured, for the startup log line. */
  public int size() {
    return byAgent.size() + anyAgent.size();
  }

  /**
   * Whether {@code token} is valid for {@code agentId}: the agent's own token if it has one,
   * otherwise any wildcard token. Every candidate is compared in constant time.
   */
  public boolean accepts(String agentId, String token) {
    if (agentId == null || agentId.isEmpty() || token == null || token.isEmpty()) {
      return false;
    }
    byte[] presented = token.getBytes(StandardCharsets.UTF_8);
    TokenCredential own = byAgent.get(agentId);
    if (own != null) {
      return own.matches(presented);
    }
    boolean match = false;
    for (TokenCredential candidate : anyAgent) {
      match |= candidate.matches(presented);
    }
    return match;
  }
}
