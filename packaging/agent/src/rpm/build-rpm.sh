#!/bin/sh
# Builds the nodelink-agent RPM with rpmbuild (called by the Maven build).
# Usage: build-rpm.sh MAVEN_VERSION TOPDIR OUTDIR AGENT_JAR AGENT_LAUNCHER AGENT_PROPERTIES PACKAGE_DIR
# The package lands in OUTDIR as nodelink-agent-VERSION-RELEASE.noarch.rpm.
# 1.2.0 becomes Version 1.2.0 Release 1; 1.2.0-SNAPSHOT Version 1.2.0 Release 0.SNAPSHOT, which
# sorts before the release.
set -eu
maven_version=$1 topdir=$2 outdir=$3
shift 3
case "$maven_version" in
  *-*) version=${maven_version%%-*} release=0.$(printf %s "${maven_version#*-}" | tr -c 'A-Za-z0-9.\n' '.') ;;
  *) version=$maven_version release=1 ;;
esac
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
mkdir -p "$topdir"
# The man page is gzipped in %install; Debian's brp-compress fails under dash, so it is off.
exec rpmbuild -bb --quiet \
  --define "_topdir $topdir" \
  --define "_rpmdir $outdir" \
  --define "_build_name_fmt %%{NAME}-%%{VERSION}-%%{RELEASE}.%%{ARCH}.rpm" \
  --define "__brp_compress true" \
  --define "pkg_version $version" \
  --define "pkg_release $release" \
  --define "agent_jar $1" \
  --define "agent_launcher $2" \
  --define "agent_properties $3" \
  --define "package_dir $4" \
  "$here/nodelink-agent.spec"
