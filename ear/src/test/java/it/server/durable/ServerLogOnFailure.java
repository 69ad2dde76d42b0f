package it.server.durable;

import it.support.liberty.LibertyInstance;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** Prints the end of a Liberty instance's {@code messages.log} when a test fails. */
final class ServerLogOnFailure implements TestWatcher {

  private static final int LINES = 80;

  private final Supplier<LibertyInstance> server;

  ServerLogOnFailure(Supplier<LibertyInstance> server) {
    this.server = server;
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    LibertyInstance instance = server.get();
    if (instance != null) {
      System.out.println(
          "[durable] "
              + context.getDisplayName()
              + " failed; "
              + instance
              + " messages.log ends:\n"
              + instance.logTail(LINES));
    }
  }
}
