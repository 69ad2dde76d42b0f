package io.nodelink.metrics.agent.oshi;

import java.util.List;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/** The processes as OSHI lists them (faked in tests). */
public interface OshiProcesses {

  /** Every process. */
  List<OSProcess> all();

  /** One process, or null when there is none with that pid. */
  OSProcess byPid(int pid);

  /** The live system's processes. */
  static OshiProcesses of(OperatingSystem os) {
    return new OshiProcesses() {
      @Override
      public List<OSProcess> all() {
        return os.getProcesses();
      }

      @Override
      public OSProcess byPid(int pid) {
        return os.getProcess(pid);
      }
    };
  }
}
