# Sourced by the scripts here: JAVA is a java 21+ to run the service's jar with. JAVA_HOME if it is one, else
# `java` on the PATH if it is one, else the newest JDK 21+ found under /usr/lib/jvm, SDKMAN's candidates or
# /opt (where the build finds one too).
java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1
}
pick_java() {
  local candidate best='' best_major=0 major
  for candidate in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} "$(command -v java 2>/dev/null)"; do
    if [ -x "$candidate" ] && [ "$(java_major "$candidate")" -ge 21 ] 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  for candidate in /usr/lib/jvm/*/bin/java "$HOME"/.sdkman/candidates/java/*/bin/java /opt/*/bin/java; do
    [ -x "$candidate" ] || continue
    major=$(java_major "$candidate")
    if [ "$major" -ge 21 ] 2>/dev/null && [ "$major" -gt "$best_major" ]; then
      best=$candidate
      best_major=$major
    fi
  done
  [ -n "$best" ] && echo "$best"
}
JAVA=$(pick_java) || { echo "no java 21 or newer found; set JAVA_HOME to one" >&2; exit 1; }
