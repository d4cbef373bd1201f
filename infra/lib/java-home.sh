# Sourced by .ci/run and infra/fms: exports JAVA_HOME pointing at a JDK 21 or newer.
# Order: $JAVA_HOME if it is new enough, then the java on PATH, then any JDK under /usr/lib/jvm.

fms_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}'
}

fms_java_ok() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] && [ "$(fms_java_major "$1/bin/java")" -ge 21 ] 2>/dev/null
}

fms_find_java_home() {
  if [ -n "${JAVA_HOME:-}" ] && fms_java_ok "$JAVA_HOME"; then
    return 0
  fi
  local on_path candidate
  if on_path="$(command -v javac 2>/dev/null)"; then
    candidate="$(dirname "$(dirname "$(readlink -f "$on_path")")")"
    if fms_java_ok "$candidate"; then
      JAVA_HOME="$candidate"
      export JAVA_HOME
      return 0
    fi
  fi
  for candidate in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    if fms_java_ok "$candidate"; then
      JAVA_HOME="$candidate"
      export JAVA_HOME
      return 0
    fi
  done
  echo "FMS needs a JDK 21 or newer: set JAVA_HOME to one." >&2
  return 1
}
