package io.nodelink.metrics.history.compact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Late points go to the chunk of their own window: a durable store writes one chunk per series and
 * window and knows which points are written by their window alone.
 */
class LatePointWindowsTest {

  private static final long WINDOW = 60;

  private final List<RawChunk> handedOut = new ArrayList<>();
  private final RawTier tier =
      new RawTier(
          600,
          WINDOW,
          0,
          new RawTier.SealedSink() {
            @Override
            public void sealed(RawChunk chunk) {
              handedOut.add(chunk);
            }

            @Override
            public void patched(RawChunk latePoints) {
              handedOut.add(latePoints);
            }
          });

  @Test
  void latePointsOfWindowsNoChunkHoldsMakeChunksOfTheirOwn() {
    appendRange(125, 130); // window 2, open
    tier.append(10, 1); // window 0: before everything memory holds
    tier.append(70, 2); // window 1: between
    tier.append(119, 3);
    tier.append(121, 4); // window 2, before the open chunk's first point
    assertEquals(10, tier.exactCount());

    RawView view = tier.view(0, 200);
    assertEquals(2, view.sealed().length);
    assertChunk(view.sealed()[0], 10, 10);
    assertChunk(view.sealed()[1], 70, 119);
    assertChunk(view.open(), 121, 130);
    assertEquals(2, handedOut.size(), "each new chunk goes to the durable store");
    handedOut.forEach(this::assertWithinOneWindow);
  }

  @Test
  void latePointsMergeIntoTheSealedChunkOfTheirWindow() {
    appendRange(60, 70); // window 1
    appendRange(130, 131); // window 2: seals window 1
    handedOut.clear();
    tier.append(65, 9); // replaces a stored point of window 1
    tier.append(59, 8); // window 0: no chunk holds it
    tier.exactCount();

    RawView view = tier.view(0, 200);
    assertEquals(2, view.sealed().length);
    assertChunk(view.sealed()[0], 59, 59);
    assertChunk(view.sealed()[1], 60, 70);
    assertEquals(
        9.0, view.points(65, 65).values[0], "the late value replaces the stored one in memory");
    handedOut.forEach(this::assertWithinOneWindow);
    assertArrayEquals(
        new long[] {59, 65}, handedOut.stream().mapToLong(chunk -> chunk.first).sorted().toArray());
  }

  private void appendRange(long from, long to) {
    for (long t = from; t <= to; t++) {
      tier.append(t, t);
    }
  }

  private void assertChunk(RawChunk chunk, long first, long last) {
    assertEquals(first, chunk.first, "first");
    assertEquals(last, chunk.last, "last");
    assertWithinOneWindow(chunk);
  }

  private void assertWithinOneWindow(RawChunk chunk) {
    assertEquals(
        chunk.first / WINDOW, chunk.last / WINDOW, "chunk " + chunk.first + ".." + chunk.last);
  }
}
