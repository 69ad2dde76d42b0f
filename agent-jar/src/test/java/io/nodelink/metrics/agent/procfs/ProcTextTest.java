package io.nodelink.metrics.agent.procfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcTextTest {
  @TempDir Path dir;

  @Test
  void numbersAndWordsAreReadInPlaceLineByLine() {
    ProcText t = ProcText.of(List.of("  eth0: 12 x7 3", "next\tline 42"));

    assertThat(t.nextWord(':')).isEqualTo("eth0");
    assertThat(t.peek(0)).isEqualTo(':');
    t.skip(1);
    assertThat(t.nextLong()).isEqualTo(12);
    assertThat(t.nextLong()).as("not a number").isEqualTo(-1);
    assertThat(t.nextLong()).isEqualTo(3);
    assertThat(t.nextLong()).as("end of the line").isEqualTo(-1);
    t.nextLine();
    assertThat(t.startsWith("next")).isTrue();
    assertThat(t.nextWordEquals("next", ' ')).isTrue();
    t.skipWords(2);
    assertThat(t.nextLong()).isEqualTo(42);
    t.nextLine();
    assertThat(t.hasMore()).isFalse();
  }

  @Test
  void decimalsEqualWhatParseDoubleGives() {
    String[] words = {"0.08", "0.06", "12.34", "1", "100.00", "3.141592", "0.1", "99.99"};
    ProcText t = ProcText.of(List.of(String.join(" ", words)));
    for (String w : words) {
      assertThat(t.nextDecimal()).as(w).isEqualTo(Double.parseDouble(w));
    }
    assertThat(ProcText.of(List.of("1/85")).nextDecimal()).isNaN();
    assertThat(ProcText.of(List.of("")).nextDecimal()).isNaN();
  }

  @Test
  void aFileLargerThanTheBufferIsReadWholeAndTheBufferIsReused() throws Exception {
    Path big = dir.resolve("big");
    StringBuilder content = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      content.append("line ").append(i).append('\n');
    }
    Files.writeString(big, content);
    ProcText t = new ProcText(big, 64);

    t.load();
    int lines = 0;
    long last = -1;
    for (; t.hasMore(); t.nextLine()) {
      t.skipWord();
      last = t.nextLong();
      lines++;
    }
    assertThat(lines).isEqualTo(1000);
    assertThat(last).isEqualTo(999);

    Files.writeString(big, "short 7\n");
    t.load();
    t.skipWord();
    assertThat(t.nextLong()).isEqualTo(7);
    t.nextLine();
    assertThat(t.hasMore()).as("nothing left over from the longer content").isFalse();
  }

  @Test
  void cpuLinesGiveTheTotalAndEachProcessorAndStopBeforeTheRest() {
    ProcText stat =
        ProcText.of(
            List.of(
                "cpu  100 2 30 4000 5 6 7 8 9 10",
                "cpu0 50 1 15 2000 2 3 3 4 0 0",
                "cpu1 50 1 15 2000 3",
                "intr 123456 1 2 3",
                "cpu9 1 1 1 1 1 1 1 1"));

    CpuTimes t = CpuTimes.parse(stat);

    assertThat(t.total()).containsExactly(100, 2, 30, 4000, 5, 6, 7, 8);
    assertThat(t.perCpu()).hasNumberOfRows(2);
    assertThat(t.perCpu()[0]).containsExactly(50, 1, 15, 2000, 2, 3, 3, 4);
    assertThat(t.perCpu()[1])
        .as("an older kernel's shorter line")
        .containsExactly(50, 1, 15, 2000, 3, 0, 0, 0);
  }

  @Test
  void loadAveragesAreTheFirstThreeWords() {
    assertThat(LoadAverage.parse(ProcText.of(List.of("0.08 0.06 0.02 1/85 2320"))))
        .containsExactly(0.08, 0.06, 0.02);
    assertThat(LoadAverage.parse(ProcText.of(List.of("0.5")))).containsExactly(0.5, -1, -1);
  }

  @Test
  void netDevLinesWithoutASpaceAfterTheColonStillParse() {
    var devs =
        NetDev.parse(
            ProcText.of(
                List.of(
                    "Inter-|   Receive |  Transmit",
                    " face |bytes packets|bytes",
                    "  eth0:562820680 13905 3 4 0 0 0 0 805239 9031 5 6 0 0 0 0",
                    "  bad: 1 2 3")));
    assertThat(devs).containsOnlyKeys("eth0");
    assertThat(devs.get("eth0").bytesRecv()).isEqualTo(562820680L);
    assertThat(devs.get("eth0").dropsOut()).isEqualTo(6);
  }

  @Test
  void meminfoValuesWithoutAUnitAreTakenAsTheyAre() {
    MemInfo m = MemInfo.parse(List.of("MemTotal: 2048 kB", "MemFree: 512", "HugePages_Total: 0"));
    assertThat(m.total()).isEqualTo(2048L * 1024);
    assertThat(m.free()).isEqualTo(512);
  }
}
