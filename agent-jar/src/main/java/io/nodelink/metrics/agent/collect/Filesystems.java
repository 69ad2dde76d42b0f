package io.nodelink.metrics.agent.collect;

import io.nodelink.metrics.agent.procfs.MountEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Chooses the real filesystems among the mounts: pseudo and virtual filesystem types are left out,
 * the configured include/exclude patterns (on mount point or device) apply, and a device mounted
 * several times (bind mounts) is reported once, at its shortest mount point.
 */
public final class Filesystems {

  /** Filesystem types that hold no data on a disk of this host (node_exporter's list and more). */
  public static final String DEFAULT_EXCLUDED_TYPES =
      "autofs,binfmt_misc,bpf,cgroup,cgroup2,configfs,debugfs,devfs,devpts,devtmpfs,efivarfs,"
          + "fusectl,"
          + "fuse.lxcfs,fuse.portal,fuse.gvfsd-fuse,hugetlbfs,mqueue,nsfs,nfsd,overlay,proc,"
          + "procfs,pstore,ramfs,rpc_pipefs,securityfs,selinuxfs,squashfs,erofs,sysfs,tracefs,"
          + "tmpfs";

  /**
   * Mount points under the kernel's and container runtimes' private trees, and macOS's APFS system
   * volumes that share the container of {@code /} and {@code /System/Volumes/Data} (VM, Preboot,
   * Update, ...).
   */
  public static final String DEFAULT_EXCLUDED_MOUNTS =
      "/(dev|proc|sys|run/credentials|var/lib/docker|var/lib/containers|var/lib/kubelet"
          + "|snap|System/Volumes/(VM|Preboot|Update|xarts|iSCPreboot|Hardware)|private/var/vm)"
          + "(/.*)?";

  private final Set<String> excludedTypes;
  private final Pattern excludedMounts;
  private final NameFilter filter;

  /**
   * @param excludedTypes filesystem types to leave out
   * @param excludedMounts regex (full match) of mount points to leave out; blank for none
   * @param filter the user's include/exclude patterns, on mount point or device
   */
  public Filesystems(Set<String> excludedTypes, String excludedMounts, NameFilter filter) {
    this.excludedTypes = Set.copyOf(excludedTypes);
    this.excludedMounts =
        excludedMounts == null || excludedMounts.isBlank() ? null : Pattern.compile(excludedMounts);
    this.filter = filter;
  }

  /** The mounts to report, in mount-table order. */
  public List<MountEntry> select(List<MountEntry> mounts) {
    Map<String, MountEntry> byDevice = new LinkedHashMap<>();
    for (MountEntry m : mounts) {
      if (excludedTypes.contains(m.fsType())
          || (excludedMounts != null && excludedMounts.matcher(m.mountPoint()).matches())
          || !filter.accepts(m.mountPoint(), m.device())) {
        continue;
      }
      byDevice.merge(
          m.device(), m, (a, b) -> b.mountPoint().length() < a.mountPoint().length() ? b : a);
    }
    return new ArrayList<>(byDevice.values());
  }
}
